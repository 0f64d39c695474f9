/**
 * Registration. Before saving, the API is asked for possible duplicates; when there are any,
 * the clerk decides in a dialog. Server-side field errors show beside the fields.
 */
import { useRef, useState } from 'react';
import { Create, SimpleForm, useDataProvider, useSaveContext } from 'react-admin';
import type { HisDataProvider } from '../../../../admin/kit.js';
import { DuplicateDialog } from './DuplicateDialog.js';
import { duplicateQuery, hasMatches, registrationBody, type DuplicateCheck } from './duplicates.js';
import { PatientInputs } from './PatientInputs.js';

const FORM_ID = 'patient-registration';

function RegistrationForm() {
  const { save } = useSaveContext();
  const dataProvider = useDataProvider<HisDataProvider>();
  const [found, setFound] = useState<DuplicateCheck | null>(null);
  // Set by "register anyway" just before it re-submits the form.
  const confirmed = useRef(false);

  const submit = async (values: Record<string, any>) => {
    const body = registrationBody(values);
    if (!confirmed.current) {
      // An incomplete form skips the check: the save below returns its field errors.
      const check = await dataProvider.collectionAction<DuplicateCheck>('patients', 'check-duplicates', duplicateQuery(body)).then((r) => r.data, () => null);
      if (hasMatches(check)) {
        setFound(check);
        return;
      }
    }
    confirmed.current = false;
    setFound(null);
    return save?.(body);
  };

  return (
    <>
      <SimpleForm id={FORM_ID} onSubmit={submit} defaultValues={{ ageIsEstimated: false }}>
        <PatientInputs registering />
      </SimpleForm>
      <DuplicateDialog
        found={found}
        formId={FORM_ID}
        onCancel={() => setFound(null)}
        onContinue={() => {
          confirmed.current = true;
        }}
      />
    </>
  );
}

export function PatientCreate() {
  return (
    <Create redirect="show" mutationMode="pessimistic">
      <RegistrationForm />
    </Create>
  );
}

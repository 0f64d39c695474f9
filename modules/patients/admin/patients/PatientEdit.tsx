/**
 * Correcting a patient's record. The record's `version` goes with the save, so a change made
 * meanwhile by someone else is a 409 instead of being overwritten.
 */
import { DateInput, Edit, FormDataConsumer, SelectInput, SimpleForm, useRecordContext } from 'react-admin';
import { CopyableText } from '../../../../admin/kit.js';
import { STATUS_CHOICES } from './choices.js';
import { PatientInputs } from './PatientInputs.js';

/** Only the fields the API accepts; computed and embedded ones stay behind. */
const EDITABLE = [
  'givenName', 'middleName', 'familyName', 'sex', 'birthDate', 'nationalId', 'phone', 'email', 'address', 'city',
  'nextOfKinName', 'nextOfKinPhone', 'nextOfKinRelationship', 'bloodGroup', 'status', 'deceasedOn', 'version',
];
const toBody = (values: Record<string, unknown>) => Object.fromEntries(EDITABLE.filter((k) => k in values).map((k) => [k, values[k]]));

function Mrn() {
  const record = useRecordContext();
  return <CopyableText value={record?.mrn} variant="h5" testId="patient-mrn" />;
}

export function PatientEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={toBody} redirect="show">
      <SimpleForm>
        <Mrn />
        <PatientInputs />
        <SelectInput source="status" choices={STATUS_CHOICES} />
        <FormDataConsumer>{({ formData }) => (formData.status === 'deceased' ? <DateInput source="deceasedOn" /> : null)}</FormDataConsumer>
      </SimpleForm>
    </Edit>
  );
}

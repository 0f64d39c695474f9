/**
 * The prescription form, opened from the encounter (`/prescriptions/create?source={"encounterId":...}`).
 * Safety warnings are fetched as drugs are chosen; a severe one opens the override dialog when
 * the prescriber saves, and the reason goes with the order.
 */
import { useEffect, useState } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField as MuiTextField } from '@mui/material';
import {
  ArrayInput, AutocompleteInput, Create, NumberInput, ReferenceInput, SaveButton, SelectInput, SimpleForm, SimpleFormIterator, TextInput, Toolbar,
  required, useCreate, useDataProvider, useGetOne, useNotify, useRedirect,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { HisDataProvider } from '../../../../admin/kit.js';

const FREQUENCIES = ['STAT', 'OD', 'BD', 'TDS', 'QID', 'NOCTE', 'PRN'].map((id) => ({ id, name: id }));
const drugText = (d: any) => (d ? `${d.genericName} ${d.strength} ${d.form}` : '');

interface Warning { severity: string; message: string; advice?: string; otherDrugName?: string; drugName: string }

function LiveWarnings({ patientId, onWarnings }: { patientId?: string; onWarnings(w: Warning[]): void }) {
  const items = useWatch({ name: 'items' }) as { drugId?: string }[] | undefined;
  const dataProvider = useDataProvider<HisDataProvider>();
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const drugIds = (items ?? []).map((i) => i?.drugId).filter(Boolean) as string[];
  const key = drugIds.join(',');
  useEffect(() => {
    if (!patientId || !drugIds.length) return setWarnings([]);
    let stale = false;
    dataProvider.collectionAction('prescriptions', 'check', { patientId, drugIds }).then(({ data }) => {
      if (!stale) setWarnings(data.warnings);
    });
    return () => {
      stale = true;
    };
  }, [patientId, key]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => onWarnings(warnings), [warnings, onWarnings]);
  return (
    <Stack spacing={1} sx={{ width: '100%', mb: 2 }} data-testid="safety-warnings">
      {warnings.map((w, i) => (
        <Alert key={i} severity={w.severity === 'severe' ? 'error' : 'warning'}>
          <strong>{w.drugName}{w.otherDrugName ? ` + ${w.otherDrugName}` : ''}:</strong> {w.message}{w.advice ? ` ${w.advice}` : ''}
        </Alert>
      ))}
    </Stack>
  );
}

function PrescribeToolbar({ severe, onOverride }: { severe: boolean; onOverride(values: any): void }) {
  const { getValues } = useFormContext();
  return (
    <Toolbar>
      {severe ? <MuiButton variant="contained" color="error" onClick={() => onOverride(getValues())} name="override">Prescribe despite warnings</MuiButton> : <SaveButton label="Prescribe" />}
    </Toolbar>
  );
}

export function PrescriptionCreate() {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? window.location.search);
  const encounterId = (() => {
    try {
      return JSON.parse(params.get('source') ?? '{}').encounterId as string | undefined;
    } catch {
      return undefined;
    }
  })();
  const { data: encounter } = useGetOne('encounters', { id: encounterId ?? '' }, { enabled: !!encounterId });
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [pending, setPending] = useState<any>(null);
  const [reason, setReason] = useState('');
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();
  const send = (values: any) =>
    create('prescriptions', { data: values }, {
      onSuccess: (rx: any) => {
        notify(`Prescription ${rx.number} saved`, { type: 'success' });
        redirect('show', 'prescriptions', rx.id);
      },
      onError: (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' }),
    });
  return (
    <Create resource="prescriptions">
      <SimpleForm defaultValues={{ encounterId, items: [{ frequency: 'TDS', durationDays: 5 }] }} onSubmit={send} toolbar={<PrescribeToolbar severe={warnings.some((w) => w.severity === 'severe')} onOverride={setPending} />}>
        <TextInput source="encounterId" validate={required()} readOnly={!!encounterId} />
        <LiveWarnings patientId={encounter?.patientId} onWarnings={setWarnings} />
        <ArrayInput source="items" label="Drugs">
          <SimpleFormIterator inline>
            <ReferenceInput source="drugId" reference="drugs" filter={{ active: true }} sort={{ field: "genericName", order: "ASC" }}>
              <AutocompleteInput optionText={drugText} validate={required()} sx={{ minWidth: 280 }} />
            </ReferenceInput>
            <NumberInput source="dose" validate={required()} />
            <TextInput source="doseUnit" label="Unit (mg, tablet...)" validate={required()} />
            <SelectInput source="frequency" choices={FREQUENCIES} validate={required()} />
            <NumberInput source="durationDays" label="Days" validate={required()} />
            <NumberInput source="quantity" label="Quantity (PRN, devices)" />
            <TextInput source="instructions" />
          </SimpleFormIterator>
        </ArrayInput>
        <TextInput source="notes" multiline fullWidth />
      </SimpleForm>
      <Dialog open={!!pending} onClose={() => setPending(null)}>
        <DialogTitle>Override a severe warning</DialogTitle>
        <DialogContent>
          <MuiTextField name="overrideReason" label="Why this order is still right for the patient" value={reason} onChange={(e) => setReason(e.target.value)} fullWidth multiline minRows={2} margin="dense" />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setPending(null)}>Change the order</MuiButton>
          <MuiButton color="error" variant="contained" disabled={reason.trim().length < 10 || isPending} onClick={() => { send({ ...pending, overrideReason: reason }); setPending(null); }} name="confirm-override">
            Prescribe with this reason
          </MuiButton>
        </DialogActions>
      </Dialog>
    </Create>
  );
}

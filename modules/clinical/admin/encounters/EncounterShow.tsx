/**
 * The encounter screen: who and why, the SOAP note(s) with editor, sign and addenda, the coded
 * diagnoses with ICD-10 search, and closing the consultation.
 */
import { Button, Divider, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  DateField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useCreate,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useRecordAction } from '../../../../admin/kit.js';
import { STATUS_CHOICES, TYPE_CHOICES } from './choices.js';
import { DiagnosesPanel } from './DiagnosesPanel.js';
import { SoapNotePanel, type SoapNote } from './SoapNotePanel.js';

/**
 * Orders, prescriptions and referrals start from the encounter: each department's create form
 * opens with the encounter filled in. A button shows only where the role may create (and so
 * only for departments that are installed).
 */
const ORDERS = [
  { resource: 'lab-orders', label: 'clinical.order_lab' },
  { resource: 'imaging-orders', label: 'clinical.order_imaging' },
  { resource: 'prescriptions', label: 'clinical.prescribe' },
] as const;

function OrderButton({ resource, label, source }: { resource: string; label: string; source: Record<string, string> }) {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to={`/${resource}/create?source=${encodeURIComponent(JSON.stringify(source))}`}>
      {translate(label)}
    </Button>
  );
}

function Actions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const close = useRecordAction('encounters', 'close', { successMessage: translate('clinical.close_encounter') });
  const { canAccess: mayClose } = useCanAccess({ resource: 'encounters', action: 'close' });
  if (!record) return null;
  return (
    <TopToolbar>
      <Button component={Link} to={`/patients/${record.patientId}/chart`}>
        {translate('clinical.chart')}
      </Button>
      {record.status === 'open' && ORDERS.map((o) => <OrderButton key={o.resource} resource={o.resource} label={o.label} source={{ encounterId: String(record.id) }} />)}
      <OrderButton resource="referrals" label="clinical.refer" source={{ encounterId: String(record.id), patientId: String(record.patientId) }} />
      {mayClose && record.status === 'open' && (
        <Button variant="outlined" disabled={close.isPending} onClick={() => close.mutate({ id: record.id })}>
          {translate('clinical.close_encounter')}
        </Button>
      )}
    </TopToolbar>
  );
}

function Notes() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [create, { isPending }] = useCreate();
  const { canAccess: mayWrite } = useCanAccess({ resource: 'soap-notes', action: 'create' });
  if (!record?.soapNotes) return null;
  const notes = record.soapNotes as SoapNote[];
  return (
    <Stack spacing={2}>
      {notes.map((n) => (
        <SoapNotePanel key={`${n.id}-${n.version}`} note={n} />
      ))}
      {mayWrite && record.status === 'open' && !notes.some((n) => !n.signedAt) && (
        <Button
          variant="outlined"
          disabled={isPending}
          onClick={() => create('soap-notes', { data: { encounterId: record.id } }, { onSuccess: refresh, onError: (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' }) })}
        >
          {translate('clinical.new_note')}
        </Button>
      )}
    </Stack>
  );
}

function Diagnoses() {
  const record = useRecordContext();
  return record?.diagnoses ? <DiagnosesPanel encounter={record as any} /> : null;
}

export function EncounterShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <ReferenceField source="patientId" reference="patients" link="show" />
        <SelectField source="type" choices={TYPE_CHOICES} />
        <SelectField source="status" choices={STATUS_CHOICES} />
        <DateField source="startedAt" showTime />
        <DateField source="endedAt" showTime emptyText="—" />
        <TextField source="chiefComplaint" emptyText="—" />
        <Divider />
        <Typography variant="h6">{translate('resources.soap-notes.name', { smart_count: 2 })}</Typography>
        <Notes />
        <Divider />
        <Diagnoses />
      </SimpleShowLayout>
    </Show>
  );
}

/** A referral: who, why, where it went and what came back; its files (the letter as sent). */
import { Alert } from '@mui/material';
import { Datagrid, DateField, FunctionField, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { STATUS_CHOICES, URGENCY_CHOICES } from '../choices.js';
import { ReferralActions } from './ReferralActions.js';

function Title() {
  const record = useRecordContext();
  return <span>{record ? `Referral ${record.number}` : ''}</span>;
}

function Banner() {
  const record = useRecordContext();
  if (record?.overdue) return <Alert severity="error">The destination has not answered by {new Date(record.answerDueAt).toLocaleString()}.</Alert>;
  if (record?.status === 'pending_approval') return <Alert severity="info">Waiting for approval in the approvals inbox.</Alert>;
  if (record?.status === 'draft' && record.approvalComment) return <Alert severity="warning">Approval refused: {record.approvalComment}</Alert>;
  return null;
}

export function ReferralShow() {
  return (
    <Show actions={<ReferralActions />} title={<Title />}>
      <Banner />
      <SimpleShowLayout>
        <TextField source="number" />
        <ReferenceField source="patientId" reference="patients" />
        <TextField source="specialty" />
        <SelectField source="urgency" choices={URGENCY_CHOICES} />
        <SelectField source="status" choices={STATUS_CHOICES} />
        <TextField source="reason" />
        <TextField source="clinicalSummary" emptyText="—" />
        <FunctionField label="Destination" render={(r: { destination?: { code: string; name: string } }) => (r.destination ? `${r.destination.code} · ${r.destination.name}` : '—')} />
        <TextField source="priority" emptyText="—" />
        <TextField source="routedBy" emptyText="—" />
        <DateField source="submittedAt" showTime emptyText="—" />
        <DateField source="sentAt" showTime emptyText="—" />
        <DateField source="answerDueAt" showTime emptyText="—" />
        <DateField source="answeredAt" showTime emptyText="—" />
        <TextField source="reply" emptyText="—" />
        <DateField source="appointmentAt" showTime emptyText="—" />
        <TextField source="outcome" emptyText="—" />
        <ReferenceManyField label="Files" reference="attachments" target="recordId" filter={{ resource: 'referrals' }} sort={{ field: 'createdAt', order: 'DESC' }}>
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="fileName" />
            <TextField source="description" emptyText="—" />
            <DateField source="createdAt" showTime />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}

/** One imaging order: schedule, perform, images (attachments), the report, verification. */
import { Button, Chip, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Datagrid, DateField, Labeled, List, ReferenceField, Show, TextField, useCanAccess, useRecordContext } from 'react-admin';
import { useRecordAction } from '../../../admin/kit.js';
import { ReportEditor } from './ReportEditor.js';

interface Order { id: string; orderNumber: string; status: string; priority: string; overdue: boolean; report: { id: string } | null; study?: { name: string; preparation?: string } }

function Workflow() {
  const order = useRecordContext<Order>();
  const [when, setWhen] = useState('');
  const [room, setRoom] = useState('');
  const schedule = useRecordAction('imaging-orders', 'schedule', { successMessage: 'Scheduled' });
  const perform = useRecordAction('imaging-orders', 'perform', { successMessage: 'Study performed' });
  const verify = useRecordAction('imaging-orders', 'verify', { successMessage: 'Report verified' });
  const canPerform = useCanAccess({ resource: 'imaging-orders', action: 'perform' }).canAccess === true;
  const canVerify = useCanAccess({ resource: 'imaging-orders', action: 'verify' }).canAccess === true;
  if (!order) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', my: 1 }}>
      {['ordered', 'scheduled'].includes(order.status) && canPerform && (
        <>
          <MuiTextField size="small" type="datetime-local" name="scheduledAt" value={when} onChange={(e) => setWhen(e.target.value)} />
          <MuiTextField size="small" name="room" label="Room" value={room} onChange={(e) => setRoom(e.target.value)} />
          <Button disabled={!when} onClick={() => schedule.mutate({ id: order.id, body: { scheduledAt: new Date(when).toISOString(), room: room || null } })}>Schedule</Button>
          <Button variant="contained" onClick={() => perform.mutate({ id: order.id, body: {} })}>Performed</Button>
        </>
      )}
      {order.status === 'reported' && canVerify && <Button variant="contained" color="success" onClick={() => verify.mutate({ id: order.id })}>Verify report</Button>}
    </Stack>
  );
}

function Images() {
  const order = useRecordContext<Order>();
  if (!order) return null;
  return (
    <List resource="attachments" filter={{ resource: 'imaging-orders', recordId: order.id }} disableSyncWithLocation actions={false} title=" " pagination={false}>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography color="text.secondary">No images attached.</Typography>}>
        <TextField source="fileName" />
        <TextField source="mimeType" />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  );
}

function Report() {
  const order = useRecordContext<Order>();
  // The list's copy of the record (shown while the full one loads) has no report field yet.
  return order && order.report !== undefined ? <ReportEditor orderId={order.id} reportId={order.report?.id} orderStatus={order.status} /> : null;
}

function Header() {
  const order = useRecordContext<Order>();
  if (!order) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Typography variant="h5">{order.orderNumber} · {order.study?.name}</Typography>
      <Chip label={order.priority.toUpperCase()} color={order.priority === 'stat' ? 'error' : 'default'} />
      <Chip label={order.status} variant="outlined" />
      {order.overdue && <Chip label="overdue" color="error" />}
    </Stack>
  );
}

export function OrderShow() {
  return (
    <Show>
      <Stack sx={{ p: 2 }} spacing={1}>
        <Header />
        <Stack direction="row" spacing={4}>
          <Labeled label="Patient"><ReferenceField source="patientId" reference="patients" link="show" /></Labeled>
          <Labeled label="Ordered by"><TextField source="orderedByName" /></Labeled>
          <Labeled label="Indication"><TextField source="clinicalIndication" /></Labeled>
          <Labeled label="Preparation"><TextField source="study.preparation" emptyText="-" /></Labeled>
          <Labeled label="Scheduled"><DateField source="scheduledAt" showTime emptyText="-" /></Labeled>
        </Stack>
        <Workflow />
        <Typography variant="h6">Images</Typography>
        <Images />
        <Typography variant="h6">Report</Typography>
        <Report />
      </Stack>
    </Show>
  );
}

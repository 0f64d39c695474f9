/**
 * One lab order: who and why, its specimens (collect, print the barcode label, receive,
 * reject), the result entry grid, verification by a second person, and the printed report.
 */
import LocalPrintshopIcon from '@mui/icons-material/LocalPrintshop';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { DateField, FunctionField, Labeled, Link, ReferenceField, Show, TextField, useNotify, useRecordContext } from 'react-admin';
import { openPdf, useRecordAction } from '../../../../admin/kit.js';
import { useCan } from '../useCan.js';
import { ResultGrid, type ResultRow } from './ResultGrid.js';

interface Specimen { id: string; accessionNumber: string; specimenType: string; status: string; collectedAt: string; rejectionReason?: string }
interface Order { id: string; orderNumber: string; status: string; priority: string; overdue: boolean; results: ResultRow[]; specimens: Specimen[] }

function Specimens() {
  const order = useRecordContext<Order>();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const canCollect = useCan('lab-orders', 'collect');
  const canReceive = useCan('specimens', 'receive');
  const canReject = useCan('specimens', 'reject');
  const collect = useRecordAction('lab-orders', 'collect', { successMessage: 'Specimens collected' });
  const receive = useRecordAction('specimens', 'receive', { successMessage: 'Specimen received' });
  const reject = useRecordAction('specimens', 'reject', { successMessage: 'Specimen rejected: collect a new one' });
  if (!order) return null;
  return (
    <Stack spacing={1}>
      {order.status === 'ordered' && canCollect && (
        <Button variant="contained" onClick={() => collect.mutate({ id: order.id, body: {} })} sx={{ alignSelf: 'flex-start' }}>Collect specimens</Button>
      )}
      <Table size="small">
        <TableHead><TableRow><TableCell>Accession</TableCell><TableCell>Specimen</TableCell><TableCell>Status</TableCell><TableCell>Collected</TableCell><TableCell /></TableRow></TableHead>
        <TableBody>
          {(order.specimens ?? []).map((s) => (
            <TableRow key={s.id}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{s.accessionNumber}</TableCell>
              <TableCell>{s.specimenType}</TableCell>
              <TableCell>{s.status}{s.rejectionReason ? ` (${s.rejectionReason})` : ''}</TableCell>
              <TableCell>{new Date(s.collectedAt).toLocaleString()}</TableCell>
              <TableCell>
                <Button size="small" startIcon={<LocalPrintshopIcon />} onClick={() => openPdf(`/api/specimens/${s.id}/pdf`).catch((e: Error) => notify(e.message, { type: 'error' }))}>Label</Button>
                {s.status === 'collected' && canReceive && <Button size="small" onClick={() => receive.mutate({ id: s.id })}>Receive</Button>}
                {s.status !== 'rejected' && ['collected', 'received'].includes(order.status) && canReject && (
                  <Button size="small" color="error" disabled={reason.trim().length < 3} onClick={() => reject.mutate({ id: s.id, body: { reason } })}>Reject</Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {['collected', 'received'].includes(order.status) && canReject && (
        <MuiTextField size="small" name="rejectionReason" label="Rejection reason (haemolysed, clotted...)" value={reason} onChange={(e) => setReason(e.target.value)} sx={{ maxWidth: 420 }} />
      )}
    </Stack>
  );
}

function Results() {
  const order = useRecordContext<Order>();
  const canEnter = useCan('lab-orders', 'enter');
  const canVerify = useCan('lab-orders', 'verify');
  const verify = useRecordAction('lab-orders', 'verify', { successMessage: 'Results verified' });
  // The list's copy of the record (shown while the full one loads) has no results yet.
  if (!order?.results) return null;
  const editable = ['received', 'in-progress', 'resulted'].includes(order.status) && canEnter;
  return (
    <Stack spacing={1}>
      <ResultGrid orderId={order.id} results={order.results} editable={editable} />
      {order.results.some((r) => r.status === 'entered') && canVerify && (
        <Button variant="outlined" color="success" onClick={() => verify.mutate({ id: order.id })} sx={{ alignSelf: 'flex-start' }}>Verify entered results</Button>
      )}
    </Stack>
  );
}

function Header() {
  const order = useRecordContext<Order>();
  const notify = useNotify();
  if (!order) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Typography variant="h5">{order.orderNumber}</Typography>
      <Chip label={order.priority.toUpperCase()} color={order.priority === 'stat' ? 'error' : order.priority === 'urgent' ? 'warning' : 'default'} />
      <Chip label={order.status} variant="outlined" />
      {order.overdue && <Chip label="overdue" color="error" />}
      <Button startIcon={<PictureAsPdfIcon />} onClick={() => openPdf(`/api/lab-orders/${order.id}/pdf`).catch((e: Error) => notify(e.message, { type: 'error' }))}>Report</Button>
    </Stack>
  );
}

export function OrderShow() {
  return (
    <Show>
      <Card elevation={0}><CardContent>
        <Header />
        <Stack direction="row" spacing={4} sx={{ my: 2 }}>
          <Labeled label="Patient"><ReferenceField source="patientId" reference="patients" link="show" /></Labeled>
          <Labeled label="Ordered by"><TextField source="orderedByName" /></Labeled>
          <Labeled label="Ordered"><DateField source="orderedAt" showTime /></Labeled>
          <Labeled label="Due"><DateField source="dueAt" showTime /></Labeled>
          <Labeled label="Clinical notes"><TextField source="clinicalNotes" emptyText="-" /></Labeled>
          <Labeled label="Cumulative"><FunctionField render={(r) => <Link to={`/patients/${r.patientId}/lab-results`}>Trends</Link>} /></Labeled>
        </Stack>
        <Typography variant="h6">Specimens</Typography>
        <Specimens />
        <Typography variant="h6" sx={{ mt: 2 }}>Results</Typography>
        <Results />
      </CardContent></Card>
    </Show>
  );
}

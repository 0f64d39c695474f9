/** Claims: batch the insurer share of a period, export the file, record the answer and the remittance. */
import { useState } from 'react';
import { Button as MuiButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { Create, Datagrid, DateField, DateInput, FunctionField, List, ReferenceInput, SelectInput, Show, SimpleForm, TextField, required, useCanAccess, useNotify, useRecordContext } from 'react-admin';
import { openPdf, useRecordAction } from '../../../admin/kit.js';
import { Money, formatMoney } from '../../billing/admin/money.js';

export function ClaimList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" />
        <TextField source="payerCode" label="Insurer" />
        <DateField source="periodFrom" />
        <DateField source="periodTo" />
        <TextField source="status" />
        <FunctionField label="Claimed" render={(r: any) => <Money value={r.claimedTotal} />} />
        <FunctionField label="Approved" render={(r: any) => <Money value={r.approvedTotal} />} />
        <FunctionField label="Paid" render={(r: any) => <Money value={r.paidTotal} />} />
      </Datagrid>
    </List>
  );
}

export const ClaimCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ReferenceInput source="payerId" reference="insurance-payers" sort={{ field: "name", order: "ASC" }}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
      <DateInput source="periodFrom" validate={required()} />
      <DateInput source="periodTo" validate={required()} />
    </SimpleForm>
  </Create>
);

function ClaimBody() {
  const claim = useRecordContext();
  const notify = useNotify();
  const [cuts, setCuts] = useState<Record<string, { amount: string; reason: string }>>({});
  const [remit, setRemit] = useState({ amount: '', reference: '' });
  const submit = useRecordAction('insurance-claims', 'submit', { successMessage: 'Claim submitted' });
  const adjudicate = useRecordAction('insurance-claims', 'adjudicate', { successMessage: 'Insurer decision recorded' });
  const pay = useRecordAction('insurance-claims', 'pay', { successMessage: 'Remittance recorded' });
  const { canAccess: canWork } = useCanAccess({ resource: 'insurance-claims', action: 'submit' });
  if (!claim) return null;
  const download = (format: string) => openPdf(`/api/insurance-claims/${claim.id}/export?format=${format}`).catch((e: Error) => notify(e.message, { type: 'error' }));
  const decisions = Object.entries(cuts).map(([lineId, c]) => ({ lineId, amountApproved: Math.round(Number(c.amount) * 100), rejectionReason: c.reason || undefined }));
  return (
    <Stack spacing={2}>
      <Typography variant="h6">{claim.number} · {claim.payerCode} · {claim.status}</Typography>
      <Stack direction="row" spacing={1}>
        <MuiButton onClick={() => download('csv')}>Claim file (CSV)</MuiButton>
        <MuiButton onClick={() => download('json')}>Claim file (JSON)</MuiButton>
        {canWork && claim.status === 'draft' && <MuiButton variant="contained" onClick={() => submit.mutate({ id: claim.id })}>Submit</MuiButton>}
        {canWork && claim.status === 'submitted' && <MuiButton variant="contained" onClick={() => adjudicate.mutate({ id: claim.id, body: { lines: decisions } })}>Record the insurer's decision</MuiButton>}
      </Stack>
      <Table size="small">
        <TableHead>
          <TableRow>{['Invoice', 'Patient', 'Member', 'Date', 'Item', 'Claimed', 'Approved', 'Reason', 'Paid'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
        </TableHead>
        <TableBody>
          {(claim.lines ?? []).map((l: any) => (
            <TableRow key={l.id}>
              <TableCell>{l.invoiceNumber}</TableCell>
              <TableCell>{l.patientName}</TableCell>
              <TableCell>{l.memberNumber}</TableCell>
              <TableCell>{l.serviceDate}</TableCell>
              <TableCell>{l.priceCode} {l.description}</TableCell>
              <TableCell><Money value={l.amountClaimed} /></TableCell>
              <TableCell>
                {claim.status === 'submitted' ? (
                  <MuiTextField size="small" value={cuts[l.id]?.amount ?? formatMoney(l.amountClaimed)} onChange={(e) => setCuts({ ...cuts, [l.id]: { reason: cuts[l.id]?.reason ?? '', amount: e.target.value } })} />
                ) : (
                  <Money value={l.amountApproved} />
                )}
              </TableCell>
              <TableCell>
                {claim.status === 'submitted' ? (
                  <MuiTextField size="small" value={cuts[l.id]?.reason ?? ''} onChange={(e) => setCuts({ ...cuts, [l.id]: { amount: cuts[l.id]?.amount ?? formatMoney(l.amountClaimed), reason: e.target.value } })} />
                ) : (
                  l.rejectionReason
                )}
              </TableCell>
              <TableCell><Money value={l.amountPaid} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canWork && ['approved', 'partially-approved'].includes(claim.status) && (
        <Stack direction="row" spacing={1}>
          <MuiTextField size="small" name="remittance-amount" label="Amount received" value={remit.amount} onChange={(e) => setRemit({ ...remit, amount: e.target.value })} />
          <MuiTextField size="small" name="remittance-reference" label="Payment reference" value={remit.reference} onChange={(e) => setRemit({ ...remit, reference: e.target.value })} />
          <MuiButton variant="contained" disabled={!remit.amount || !remit.reference}
            onClick={() => pay.mutate({ id: claim.id, body: { amount: Math.round(Number(remit.amount) * 100), reference: remit.reference, receivedOn: new Date().toISOString().slice(0, 10) } })}>
            Record remittance
          </MuiButton>
        </Stack>
      )}
    </Stack>
  );
}

export const ClaimShow = () => (
  <Show>
    <ClaimBody />
  </Show>
);

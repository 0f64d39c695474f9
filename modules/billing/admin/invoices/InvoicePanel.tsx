/**
 * One invoice as the cashier works it: lines with the insurer and patient shares, payments
 * with their receipts, and the buttons the user's grants allow (issue, take payment, ask to void).
 */
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useCanAccess, useNotify } from 'react-admin';
import { openPdf, useRecordAction } from '../../../../admin/kit.js';
import { Money } from '../money.js';
import { TakePaymentDialog } from './TakePaymentDialog.js';
import { VoidDialog } from './VoidDialog.js';

export function InvoicePanel({ invoice }: { invoice: any }) {
  const notify = useNotify();
  const issue = useRecordAction('invoices', 'issue', { successMessage: 'Invoice issued' });
  const { canAccess: canIssue } = useCanAccess({ resource: 'invoices', action: 'issue' });
  const { canAccess: canPay } = useCanAccess({ resource: 'payments', action: 'create' });
  const { canAccess: canVoid } = useCanAccess({ resource: 'invoices', action: 'request-void' });
  // A tab the caller opened in its click (the payment dialog), else openPdf opens one.
  const print = (paymentId: string, tab?: Window | null) => openPdf(`/api/payments/${paymentId}/pdf`, tab).catch((e: Error) => notify(e.message, { type: 'error' }));
  return (
    <Box>
      <Typography variant="h6">
        {invoice.number} · {invoice.patientName} ({invoice.patientMrn}) · {invoice.status}
      </Typography>
      {invoice.payerCode && <Typography variant="body2">Insured by {invoice.payerCode}, member {invoice.memberNumber}</Typography>}
      {invoice.status === 'void' && <Alert severity="warning">Void: {invoice.voidReason}</Alert>}
      {/* A narrow screen scrolls the tables sideways instead of cutting off their last columns. */}
      <Box sx={{ overflowX: 'auto', my: 2 }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              {['Code', 'Item', 'Qty', 'Unit price', 'Discount', 'Amount', 'Insurer', 'Patient', 'Cover'].map((h) => <TableCell key={h}>{h}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {(invoice.lines ?? []).map((l: any) => (
              <TableRow key={l.id} sx={l.status === 'cancelled' ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
                <TableCell>{l.priceCode}</TableCell>
                <TableCell>{l.description}{!l.priced && ' (not in the tariff)'}</TableCell>
                <TableCell>{l.quantity}</TableCell>
                <TableCell><Money value={l.unitPrice} /></TableCell>
                <TableCell><Money value={l.discount} /></TableCell>
                <TableCell><Money value={l.amount} /></TableCell>
                <TableCell><Money value={l.insurerAmount} /></TableCell>
                <TableCell><Money value={l.patientAmount} /></TableCell>
                <TableCell>{l.coverageNote}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell colSpan={5}><strong>Total</strong></TableCell>
              <TableCell><strong><Money value={invoice.total} /></strong></TableCell>
              <TableCell><Money value={invoice.insurerShare} /></TableCell>
              <TableCell><Money value={invoice.patientShare} /></TableCell>
              <TableCell />
            </TableRow>
          </TableBody>
        </Table>
      </Box>
      <Typography data-testid="invoice-balance">
        Paid <Money value={invoice.patientPaid} /> · <strong>balance due <Money value={invoice.balance} /></strong>
      </Typography>
      <Stack direction="row" spacing={1} sx={{ my: 2 }}>
        {canIssue && invoice.status === 'draft' && (
          <Button variant="contained" disabled={issue.isPending} onClick={() => issue.mutate({ id: invoice.id })}>Issue</Button>
        )}
        {canPay && ['issued', 'partially-paid'].includes(invoice.status) && <TakePaymentDialog invoice={invoice} onPaid={print} />}
        {canVoid && invoice.status !== 'void' && !invoice.voidRequestedAt && <VoidDialog invoice={invoice} />}
        {invoice.voidRequestedAt && invoice.status !== 'void' && <Alert severity="info">Void asked for: {invoice.voidRequestReason}</Alert>}
      </Stack>
      {(invoice.payments ?? []).length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>{['Receipt', 'When', 'Method', 'Amount', 'Reason', ''].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
            </TableHead>
            <TableBody>
              {invoice.payments.map((p: any) => (
                <TableRow key={p.id}>
                  <TableCell>{p.receiptNumber}</TableCell>
                  <TableCell>{new Date(p.receivedAt).toLocaleString()}</TableCell>
                  <TableCell>{p.method}</TableCell>
                  <TableCell><Money value={p.amount} /></TableCell>
                  <TableCell>{p.reason}</TableCell>
                  <TableCell>
                    <Button size="small" startIcon={<PrintIcon />} onClick={() => print(p.id)} name={`print-${p.receiptNumber}`}>Receipt</Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}

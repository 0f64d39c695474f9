import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useCreate, useNotify, useRefresh } from 'react-admin';
import { formatMoney } from '../money.js';

/**
 * Takes a payment of at most the balance; the receipt opens once it is saved, in a tab opened
 * by the click itself (opened after the answer it would be a pop-up the browser blocks, and the
 * fallback would take the cashier's screen away to the PDF). A refused payment closes the tab.
 */
export function TakePaymentDialog({ invoice, onPaid }: { invoice: any; onPaid(paymentId: string, receiptTab: Window | null): void }) {
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState(formatMoney(invoice.balance));
  const [method, setMethod] = useState('cash');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const submit = () => {
    const minor = Math.round(Number(amount) * 100);
    if (!Number.isFinite(minor) || minor <= 0) return setError('Enter an amount above zero');
    setError(null);
    const receiptTab = window.open('', '_blank');
    create(
      'payments',
      { data: { invoiceId: invoice.id, amount: minor, method, reference: reference || null } },
      {
        onSuccess: (payment: any) => {
          setOpen(false);
          notify(`Receipt ${payment.receiptNumber}`, { type: 'success' });
          refresh();
          onPaid(payment.id, receiptTab);
        },
        onError: (e: any) => {
          receiptTab?.close();
          setError(e?.body?.errors?.amount ?? e?.body?.errors?.method ?? e.message);
        },
      },
    );
  };
  return (
    <>
      <Button variant="contained" color="success" onClick={() => setOpen(true)} name="take-payment">Take payment</Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>Payment on {invoice.number} (owes {formatMoney(invoice.balance)})</DialogTitle>
        <DialogContent>
          <TextField name="amount" label="Amount" value={amount} onChange={(e) => setAmount(e.target.value)} fullWidth margin="dense" error={!!error} helperText={error} />
          <TextField name="method" select label="Method" value={method} onChange={(e) => setMethod(e.target.value)} fullWidth margin="dense">
            <MenuItem value="cash">Cash</MenuItem>
            <MenuItem value="card">Card</MenuItem>
            <MenuItem value="mobile-money">Mobile money</MenuItem>
          </TextField>
          {method !== 'cash' && <TextField name="reference" label="Reference" value={reference} onChange={(e) => setReference(e.target.value)} fullWidth margin="dense" />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" onClick={submit} disabled={isPending} name="confirm-payment">Take payment and print</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

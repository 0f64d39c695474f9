import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useRecordAction } from '../../../../admin/kit.js';

/** The cashier asks for a void with the reason; the facility head decides in the approvals inbox. */
export function VoidDialog({ invoice }: { invoice: any }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const voidIt = useRecordAction('invoices', 'request-void', { successMessage: 'Void requested: waiting for approval' });
  return (
    <>
      <Button color="error" onClick={() => setOpen(true)}>Ask to void</Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>Ask to void {invoice.number}</DialogTitle>
        <DialogContent>
          <TextField name="reason" label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} fullWidth multiline margin="dense" />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button color="error" disabled={reason.trim().length < 5 || voidIt.isPending} onClick={() => voidIt.mutate({ id: invoice.id, body: { reason } }, { onSuccess: () => setOpen(false) })}>
            Ask for approval
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

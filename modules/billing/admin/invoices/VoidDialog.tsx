import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useRecordAction } from '../../../../admin/kit.js';

/** The facility head voids with a reason; nothing is deleted. */
export function VoidDialog({ invoice }: { invoice: any }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const voidIt = useRecordAction('invoices', 'void', { successMessage: 'Invoice voided' });
  return (
    <>
      <Button color="error" onClick={() => setOpen(true)}>Void</Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>Void {invoice.number}</DialogTitle>
        <DialogContent>
          <TextField name="reason" label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} fullWidth multiline margin="dense" />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button color="error" disabled={reason.trim().length < 5 || voidIt.isPending} onClick={() => voidIt.mutate({ id: invoice.id, body: { reason } }, { onSuccess: () => setOpen(false) })}>
            Void
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

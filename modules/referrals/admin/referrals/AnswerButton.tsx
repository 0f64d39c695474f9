/**
 * Records what the destination answered (accept / reject) or how it ended (complete): a dialog
 * with the text the API requires, then the action. Shown only to those granted the action.
 */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useCanAccess, useRecordContext } from 'react-admin';
import { useRecordAction } from '../../../../admin/kit.js';

interface Props {
  action: 'accept' | 'reject' | 'complete';
  access: string;
  label: string;
  field: 'reply' | 'outcome';
  withAppointment?: boolean;
}

export function AnswerButton({ action, access, label, field, withAppointment }: Props) {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'referrals', action: access, record });
  const run = useRecordAction('referrals', action, { successMessage: `${label}: saved` });
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [appointmentAt, setAppointmentAt] = useState('');
  if (!record || !canAccess) return null;
  const save = () =>
    run.mutate(
      { id: record.id, body: { [field]: text, ...(withAppointment && appointmentAt ? { appointmentAt: new Date(appointmentAt).toISOString() } : {}) } },
      { onSuccess: () => setOpen(false) },
    );
  return (
    <>
      <Button onClick={() => setOpen(true)}>{label}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>
          {label} · {record.number}
        </DialogTitle>
        <DialogContent>
          <TextField name={field} label={field === 'reply' ? "The destination's reply" : 'Outcome'} value={text} onChange={(e) => setText(e.target.value)} multiline minRows={3} fullWidth margin="dense" />
          {withAppointment && (
            <TextField name="appointmentAt" label="Appointment" type="datetime-local" value={appointmentAt} onChange={(e) => setAppointmentAt(e.target.value)} fullWidth margin="dense" slotProps={{ inputLabel: { shrink: true } }} />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" disabled={!text.trim() || run.isPending} onClick={save}>
            {label}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useCreate, useNotify, useRefresh } from 'react-admin';
import { BatchesPicked } from './BatchesPicked.js';

/** Dispense what is left (or less: a partial dispense); the batches picked are shown after. */
export function DispenseDialog({ prescription }: { prescription: any }) {
  const left = (i: any) => i.quantity - i.quantityDispensed;
  const [open, setOpen] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [done, setDone] = useState<any>(null);
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const items = (prescription.items ?? []).filter((i: any) => left(i) > 0);
  const submit = () => {
    const chosen = items
      .map((i: any) => ({ prescriptionItemId: i.id, quantity: Number(quantities[i.id] ?? left(i)) }))
      .filter((i: any) => i.quantity > 0);
    create('dispenses', { data: { prescriptionId: prescription.id, items: chosen } }, {
      onSuccess: (d: any) => {
        setDone(d);
        refresh();
      },
      onError: (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' }),
    });
  };
  return (
    <>
      <Button variant="contained" onClick={() => { setDone(null); setOpen(true); }} name="dispense">Dispense</Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>Dispense {prescription.number}</DialogTitle>
        <DialogContent>
          {done ? (
            <BatchesPicked dispense={done} />
          ) : (
            items.map((i: any) => (
              <TextField key={i.id} name={`quantity-${i.id}`} label={`${i.drug?.genericName ?? 'Drug'} (${left(i)} left)`} value={quantities[i.id] ?? String(left(i))}
                onChange={(e) => setQuantities({ ...quantities, [i.id]: e.target.value })} fullWidth margin="dense" />
            ))
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
          {!done && <Button variant="contained" disabled={isPending} onClick={submit} name="confirm-dispense">Dispense</Button>}
        </DialogActions>
      </Dialog>
    </>
  );
}

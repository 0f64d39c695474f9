/**
 * Count correction of one batch. While the quantity is typed, the API says what the change is
 * worth and whether the facility's rule set sends it for approval; once saved, a request that
 * waits for approval is shown as such: the stock moves only when it is approved.
 */
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRefresh, type Identifier } from 'react-admin';
import type { HisDataProvider } from '../../../admin/kit.js';
import { money } from './money.js';
import { useApiGet } from './useApiGet.js';

export interface AdjustableBatch {
  id: Identifier;
  lotNumber: string;
  quantity: number;
  unitCost: number;
}
interface Check {
  value: number;
  onHand: number;
  balanceAfter: number;
  approvalRequired: { chain: string[] } | null;
}
export interface AdjustResult extends Check {
  status: 'applied' | 'pending-approval';
  adjustmentId: string;
  message: string;
}

const deciders = (chain: string[]) => chain.map((r) => r.replace(/_/g, ' ')).join(', then ');

function useDebounced<T>(value: T, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function Preview({ batch, quantity }: { batch: AdjustableBatch; quantity: number | null }) {
  const check = useApiGet<Check>(quantity === null ? null : `stock-batches/${batch.id}/adjust-check?quantity=${quantity}`);
  if (quantity === null) return null;
  const value = Math.abs(quantity) * batch.unitCost;
  const c = check.data;
  return (
    <Stack spacing={1}>
      <Typography>Value of this change: {Math.abs(quantity)} x {money(batch.unitCost)} = <b>{money(value)}</b></Typography>
      {batch.quantity + quantity < 0 && <Alert severity="error">The lot holds only {batch.quantity}.</Alert>}
      {c?.approvalRequired && (
        <Alert severity="warning">Above the approval threshold: this request goes to the {deciders(c.approvalRequired.chain)} for approval. The stock changes only once it is approved.</Alert>
      )}
      {c && !c.approvalRequired && c.balanceAfter >= 0 && <Alert severity="success">Applies at once: the lot goes from {c.onHand} to {c.balanceAfter}.</Alert>}
    </Stack>
  );
}

function Outcome({ result }: { result: AdjustResult }) {
  return result.status === 'pending-approval' ? (
    <Alert severity="info">
      Waiting for approval by the {deciders(result.approvalRequired?.chain ?? [])} (value {money(result.value)}). The lot still holds {result.onHand}; it changes when the request is approved. Follow it in Stock adjustments.
    </Alert>
  ) : (
    <Alert severity="success">{result.message}</Alert>
  );
}

export function AdjustDialog({ batch, onDone }: { batch: AdjustableBatch; onDone?: (result: AdjustResult) => void }) {
  const { canAccess } = useCanAccess({ resource: 'stock-batches', action: 'adjust' });
  const dataProvider = useDataProvider<HisDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<AdjustResult | null>(null);
  const n = Number(quantity);
  const valid = quantity.trim() !== '' && Number.isInteger(n) && n !== 0;
  const debounced = useDebounced(valid ? n : null, 300);
  const save = useMutation({
    mutationFn: () => dataProvider.action<AdjustResult>('stock-batches', batch.id, 'adjust', { quantity: n, reason }),
    onSuccess: ({ data }) => {
      setResult(data);
      notify(data.status === 'pending-approval' ? 'Adjustment sent for approval' : 'Stock adjusted', { type: data.status === 'pending-approval' ? 'info' : 'success' });
      refresh();
      onDone?.(data);
    },
  });
  const failure = save.error as (Error & { body?: { errors?: Record<string, string> } }) | null;
  if (!canAccess) return null;
  const start = () => {
    setQuantity('');
    setReason('');
    setResult(null);
    save.reset();
    setOpen(true);
  };
  return (
    <>
      <Button size="small" name="adjust" onClick={start}>Adjust count</Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>Adjust lot {batch.lotNumber} (holds {batch.quantity})</DialogTitle>
        <DialogContent>
          {result ? (
            <Outcome result={result} />
          ) : (
            <Stack spacing={2} sx={{ mt: 1 }}>
              <TextField name="quantity" label="Change (+ found, - lost or broken)" value={quantity} onChange={(e) => setQuantity(e.target.value)}
                error={Boolean(failure?.body?.errors?.quantity) || (quantity !== '' && !valid)} helperText={failure?.body?.errors?.quantity ?? 'a whole number, not 0'} />
              <TextField name="reason" label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} multiline
                error={Boolean(failure?.body?.errors?.reason)} helperText={failure?.body?.errors?.reason ?? 'what the count found, and why'} />
              <Preview batch={batch} quantity={debounced} />
              {failure && <Alert severity="error">{failure.message}</Alert>}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
          {!result && <Button variant="contained" name="confirm-adjust" disabled={!valid || reason.trim().length < 3 || save.isPending} onClick={() => save.mutate()}>Save</Button>}
        </DialogActions>
      </Dialog>
    </>
  );
}

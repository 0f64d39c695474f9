/** A prescription with its items, warnings and dispenses; the pharmacy dispenses from here. */
import { Alert, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Show, useCanAccess, useRecordContext } from 'react-admin';
import { DispenseDialog } from '../dispenses/DispenseDialog.js';
import { BatchesPicked } from '../dispenses/BatchesPicked.js';

function Body() {
  const rx = useRecordContext();
  const { canAccess: canDispense } = useCanAccess({ resource: 'dispenses', action: 'create' });
  if (!rx) return null;
  return (
    <Stack spacing={2}>
      <Typography variant="h6">{rx.number} · {rx.status}</Typography>
      {(rx.warnings ?? []).map((w: any, i: number) => (
        <Alert key={i} severity={w.severity === 'severe' ? 'error' : 'warning'}>{w.drugName}: {w.message}</Alert>
      ))}
      {rx.overrideReason && <Alert severity="info">Overridden by the prescriber: {rx.overrideReason}</Alert>}
      <Table size="small">
        <TableHead>
          <TableRow>{['Drug', 'Dose', 'Frequency', 'Days', 'Quantity', 'Dispensed', 'Instructions'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
        </TableHead>
        <TableBody>
          {(rx.items ?? []).map((i: any) => (
            <TableRow key={i.id}>
              <TableCell>{i.drug ? `${i.drug.genericName} ${i.drug.strength} ${i.drug.form}` : i.drugId}</TableCell>
              <TableCell>{i.dose} {i.doseUnit} {i.route}</TableCell>
              <TableCell>{i.frequency}</TableCell>
              <TableCell>{i.durationDays}</TableCell>
              <TableCell>{i.quantity}</TableCell>
              <TableCell>{i.quantityDispensed}</TableCell>
              <TableCell>{i.instructions}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canDispense && ['active', 'partially-dispensed'].includes(rx.status) && <DispenseDialog prescription={rx} />}
      {(rx.dispenses ?? []).map((d: any) => <BatchesPicked key={d.id} dispense={d} />)}
    </Stack>
  );
}

export function PrescriptionShow() {
  return (
    <Show>
      <Body />
    </Show>
  );
}

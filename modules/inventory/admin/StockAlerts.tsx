/** Alerts: items at or below their reorder level, and batches expiring within N days. */
import { Alert, Card, CardContent, Chip, Grid, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useApiGet } from './useApiGet.js';

interface Low { id: string; code: string; name: string; unit: string; onHand: number; reorderLevel: number }
interface Expiring { id: string; itemName: string; locationName: string; lotNumber: string; expiryDate: string; quantity: number; expired: boolean; daysLeft: number }

export function StockAlerts() {
  const [days, setDays] = useState(30);
  const low = useApiGet<Low[]>('stock-items/below-reorder');
  const expiring = useApiGet<Expiring[]>(`stock-batches/expiring?days=${days}`);
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Card><CardContent>
          <Typography variant="h6">At or below reorder level</Typography>
          {low.error ? <Alert severity="warning">{String(low.error)}</Alert> : (
            <Table size="small">
              <TableHead><TableRow><TableCell>Item</TableCell><TableCell align="right">On hand</TableCell><TableCell align="right">Reorder at</TableCell></TableRow></TableHead>
              <TableBody>{(low.data ?? []).map((r) => <TableRow key={r.id}><TableCell>{r.code} {r.name}</TableCell><TableCell align="right" sx={{ color: r.onHand === 0 ? 'error.main' : undefined }}>{r.onHand} {r.unit}</TableCell><TableCell align="right">{r.reorderLevel}</TableCell></TableRow>)}</TableBody>
            </Table>
          )}
        </CardContent></Card>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card><CardContent>
          <Typography variant="h6">Expiring batches</Typography>
          <TextField select size="small" name="days" label="Within" value={days} onChange={(e) => setDays(Number(e.target.value))} sx={{ my: 1 }}>
            {[7, 30, 60, 90].map((d) => <MenuItem key={d} value={d}>{d} days</MenuItem>)}
          </TextField>
          <Table size="small">
            <TableHead><TableRow><TableCell>Item</TableCell><TableCell>Location</TableCell><TableCell>Lot</TableCell><TableCell>Expiry</TableCell><TableCell align="right">Qty</TableCell></TableRow></TableHead>
            <TableBody>{(expiring.data ?? []).map((b) => (
              <TableRow key={b.id}><TableCell>{b.itemName}</TableCell><TableCell>{b.locationName}</TableCell><TableCell>{b.lotNumber}</TableCell>
                <TableCell>{String(b.expiryDate).slice(0, 10)} {b.expired ? <Chip size="small" color="error" label="expired" /> : <Chip size="small" label={`${b.daysLeft} d`} />}</TableCell>
                <TableCell align="right">{b.quantity}</TableCell></TableRow>
            ))}</TableBody>
          </Table>
        </CardContent></Card>
      </Grid>
    </Grid>
  );
}

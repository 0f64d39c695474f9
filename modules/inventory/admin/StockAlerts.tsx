/**
 * Alerts: items at or below their reorder level, and batches expiring within N days (expired
 * ones flagged), for every location or one (`locationId`: the pharmacy's dispensary).
 */
import { Alert, Card, CardContent, Chip, Grid, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { money } from './money.js';
import { useApiGet } from './useApiGet.js';

interface Low { id: string; code: string; name: string; unit: string; onHand: number; reorderLevel: number }
interface Expiring { id: string; itemName: string; locationName: string; lotNumber: string; expiryDate: string; quantity: number; value: number; expired: boolean; daysLeft: number }

/** 0 days: only what has expired (and what expires today). */
const WITHIN = [{ days: 0, label: 'Expired only' }, ...[7, 30, 60, 90].map((days) => ({ days, label: `${days} days` }))];

export function StockAlerts({ locationId }: { locationId?: string }) {
  const [days, setDays] = useState(30);
  const at = locationId ? `locationId=${encodeURIComponent(locationId)}` : '';
  const low = useApiGet<Low[]>(`stock-items/below-reorder${at ? `?${at}` : ''}`);
  const expiring = useApiGet<Expiring[]>(`stock-batches/expiring?days=${days}${at ? `&${at}` : ''}`);
  const batches = (expiring.data ?? []).filter((b) => days > 0 || b.expired);
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Card><CardContent>
          <Typography variant="h6">At or below reorder level</Typography>
          {low.error ? <Alert severity="warning">{String(low.error)}</Alert> : low.data?.length === 0 ? <Alert severity="success">Nothing to reorder.</Alert> : (
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
            {WITHIN.map((w) => <MenuItem key={w.days} value={w.days}>{w.label}</MenuItem>)}
          </TextField>
          {expiring.error ? <Alert severity="warning">{String(expiring.error)}</Alert> : expiring.data && batches.length === 0 ? <Alert severity="success">No batch expires in this period.</Alert> : (
            <Table size="small">
              <TableHead><TableRow><TableCell>Item</TableCell>{!locationId && <TableCell>Location</TableCell>}<TableCell>Lot</TableCell><TableCell>Expiry</TableCell><TableCell align="right">Qty</TableCell><TableCell align="right">Value</TableCell></TableRow></TableHead>
              <TableBody>{batches.map((b) => (
                <TableRow key={b.id}><TableCell>{b.itemName}</TableCell>{!locationId && <TableCell>{b.locationName}</TableCell>}<TableCell>{b.lotNumber}</TableCell>
                  <TableCell>{String(b.expiryDate).slice(0, 10)} {b.expired ? <Chip size="small" color="error" label="expired" /> : <Chip size="small" label={`${b.daysLeft} d`} />}</TableCell>
                  <TableCell align="right">{b.quantity}</TableCell><TableCell align="right">{money(b.value)}</TableCell></TableRow>
              ))}</TableBody>
            </Table>
          )}
        </CardContent></Card>
      </Grid>
    </Grid>
  );
}

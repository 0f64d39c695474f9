/**
 * The pharmacy's stock, for its dispensary: what it holds (a lot's count is adjusted from its
 * row), goods received into it, the adjustments asked for with their status (the facility head
 * decides costly ones in the approvals inbox), and the expiry and reorder reports. Made of
 * inventory's screens, given one location.
 */
import { Alert, Box, MenuItem, Tab, Tabs, TextField } from '@mui/material';
import { useState } from 'react';
import { Title, useCanAccess, useGetList, useRefresh } from 'react-admin';
import { AdjustmentGrid } from '../../../inventory/admin/adjustments.js';
import { Receipt } from '../../../inventory/admin/Receipt.js';
import { StockAlerts } from '../../../inventory/admin/StockAlerts.js';
import { DispensaryBatches } from './DispensaryBatches.js';

interface Location { id: string; code: string; name: string }

/** The dispensing default (dispenses take stock from DISP unless told otherwise). */
const DEFAULT_CODE = 'DISP';

export function DispensaryStock() {
  const { data: locations = [], isPending } = useGetList<Location>('stock-locations', {
    filter: { kind: 'dispensary', active: true },
    sort: { field: 'code', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [tab, setTab] = useState('on-hand');
  const { canAccess: canReceive } = useCanAccess({ resource: 'stock-batches', action: 'receive' });
  const { canAccess: canReadAdjustments } = useCanAccess({ resource: 'stock-adjustments', action: 'read' });
  const refresh = useRefresh();
  const location = locations.find((l) => l.id === chosen) ?? locations.find((l) => l.code === DEFAULT_CODE) ?? locations[0];

  return (
    <Box sx={{ p: 2 }}>
      <Title title={location ? `Stock of ${location.name}` : 'Dispensary stock'} />
      {!isPending && !location && <Alert severity="warning">No active stock location of kind dispensary: add one under Stores, Locations.</Alert>}
      {locations.length > 1 && (
        <TextField select size="small" name="locationId" label="Dispensary" value={location?.id ?? ''} onChange={(e) => setChosen(e.target.value)} sx={{ minWidth: 220, mb: 1 }}>
          {locations.map((l) => <MenuItem key={l.id} value={l.id}>{l.name}</MenuItem>)}
        </TextField>
      )}
      {location && (
        <>
          <Tabs value={tab} onChange={(_e, v: string) => setTab(v)} sx={{ mb: 1 }}>
            <Tab value="on-hand" label="On hand" />
            {canReceive && <Tab value="receive" label="Receive goods" />}
            {canReadAdjustments && <Tab value="adjustments" label="Adjustments" />}
            <Tab value="reports" label="Expiry and reorder" />
          </Tabs>
          {tab === 'on-hand' && <DispensaryBatches locationId={location.id} />}
          {tab === 'receive' && <Receipt locationId={location.id} onReceived={() => refresh()} />}
          {tab === 'adjustments' && <AdjustmentGrid filter={{ locationId: location.id }} />}
          {tab === 'reports' && <StockAlerts locationId={location.id} />}
        </>
      )}
    </Box>
  );
}

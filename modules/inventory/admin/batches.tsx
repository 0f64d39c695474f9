/**
 * Batches (lots) and the movement ledger. A batch's quantity changes only through the actions
 * on its page: adjust (with a reason; a costly one waits for approval), transfer to another
 * location, write off when expired.
 */
import LayersIcon from '@mui/icons-material/Layers';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Button, Stack, TextField as MuiTextField, MenuItem } from '@mui/material';
import { useState } from 'react';
import {
  Datagrid, DateField, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SelectInput, Show, SimpleShowLayout, TextField,
  useGetList, useRecordContext,
} from 'react-admin';
import { useRecordAction } from '../../../admin/kit.js';
import { AdjustDialog, type AdjustableBatch } from './AdjustDialog.js';
import { AdjustmentGrid } from './adjustments.js';
import { money } from './money.js';

const expired = (d?: string | null) => !!d && d < new Date().toISOString().slice(0, 10);

const batchFilters = [
  <ReferenceInput key="item" source="itemId" reference="stock-items" alwaysOn />,
  <ReferenceInput key="loc" source="locationId" reference="stock-locations" alwaysOn />,
  <SelectInput key="inStock" source="inStock" choices={[{ id: 'true', name: 'In stock' }]} alwaysOn />,
];

function BatchList() {
  return (
    <List filters={batchFilters} filterDefaultValues={{ inStock: 'true' }} sort={{ field: 'expiryDate', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(r) => (expired(r.expiryDate) ? { backgroundColor: '#fdecea' } : {})}>
        <ReferenceField source="itemId" reference="stock-items" />
        <ReferenceField source="locationId" reference="stock-locations" />
        <TextField source="lotNumber" />
        <DateField source="expiryDate" />
        <NumberField source="quantity" />
        <FunctionField source="unitCost" render={(r) => money(r.unitCost)} />
      </Datagrid>
    </List>
  );
}

function BatchActions() {
  const record = useRecordContext<AdjustableBatch & { expiryDate?: string; locationId: string }>();
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [to, setTo] = useState('');
  const { data: locations = [] } = useGetList('stock-locations', { pagination: { page: 1, perPage: 50 } });
  const transfer = useRecordAction('stock-batches', 'transfer', { successMessage: 'Stock transferred' });
  const writeOff = useRecordAction('stock-batches', 'write-off', { successMessage: 'Batch written off' });
  if (!record) return null;
  const n = Number(quantity);
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
      <AdjustDialog batch={record} />
      <MuiTextField size="small" label="Quantity" name="quantity" value={quantity} onChange={(e) => setQuantity(e.target.value)} sx={{ width: 110 }} />
      <MuiTextField size="small" label="Reason" name="reason" value={reason} onChange={(e) => setReason(e.target.value)} sx={{ minWidth: 240 }} />
      <MuiTextField select size="small" label="To location" name="toLocationId" value={to} onChange={(e) => setTo(e.target.value)} sx={{ minWidth: 180 }}>
        {locations.filter((l) => l.id !== record.locationId).map((l) => <MenuItem key={l.id} value={l.id}>{l.name}</MenuItem>)}
      </MuiTextField>
      <Button startIcon={<SwapHorizIcon />} disabled={!(n > 0) || !to} onClick={() => transfer.mutate({ id: record.id, body: { toLocationId: to, quantity: n, reason: reason || null } })}>Transfer</Button>
      {expired(record.expiryDate) && record.quantity > 0 && (
        <Button color="error" disabled={!reason} onClick={() => writeOff.mutate({ id: record.id, body: { reason } })}>Write off expired</Button>
      )}
    </Stack>
  );
}

function BatchShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="itemId" reference="stock-items" />
        <ReferenceField source="locationId" reference="stock-locations" />
        <TextField source="lotNumber" />
        <DateField source="expiryDate" />
        <NumberField source="quantity" />
        <FunctionField label="Unit cost" render={(r) => money(r.unitCost)} />
        <BatchActions />
        <FunctionField label="Movements" render={(r) => <MovementGrid filter={{ batchId: r.id }} />} />
        <FunctionField label="Adjustments asked for" render={(r) => <AdjustmentGrid filter={{ batchId: r.id }} />} />
      </SimpleShowLayout>
    </Show>
  );
}

const KINDS = ['receipt', 'issue', 'consumption', 'adjustment', 'transfer-out', 'transfer-in', 'expiry-write-off', 'return'].map((id) => ({ id, name: id }));
const movementFilters = [
  <ReferenceInput key="item" source="itemId" reference="stock-items" alwaysOn />,
  <ReferenceInput key="loc" source="locationId" reference="stock-locations" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={KINDS} alwaysOn />,
];

function MovementGrid({ filter }: { filter?: Record<string, unknown> }) {
  return (
    <List resource="stock-movements" filter={filter} filters={filter ? undefined : movementFilters} sort={{ field: 'createdAt', order: 'DESC' }} disableSyncWithLocation={!!filter} actions={false} title={filter ? ' ' : undefined}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="createdAt" showTime />
        <TextField source="kind" />
        <ReferenceField source="itemId" reference="stock-items" />
        <ReferenceField source="locationId" reference="stock-locations" />
        <NumberField source="quantity" />
        <NumberField source="balanceAfter" />
        <TextField source="reason" />
      </Datagrid>
    </List>
  );
}

export const stockBatches = { name: 'stock-batches', list: BatchList, show: BatchShow, icon: LayersIcon, recordRepresentation: 'lotNumber' };
export const stockMovements = { name: 'stock-movements', list: () => <MovementGrid /> };

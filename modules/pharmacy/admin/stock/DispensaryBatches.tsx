/** What a dispensary holds, soonest expiry first: a lot's pending adjustments and its adjust button on its row. */
import { Chip, Stack } from '@mui/material';
import { Datagrid, DateField, FunctionField, Link, List, NumberField, ReferenceField, ReferenceInput, useCanAccess, useGetList } from 'react-admin';
import { AdjustDialog } from '../../../inventory/admin/AdjustDialog.js';
import { money } from '../../../inventory/admin/money.js';

const expired = (d?: string | null) => !!d && d < new Date().toISOString().slice(0, 10);
const filters = [<ReferenceInput key="item" source="itemId" reference="stock-items" alwaysOn />];

interface Pending { id: string; batchId: string; quantity: number }

function usePendingByBatch(locationId: string) {
  const { canAccess } = useCanAccess({ resource: 'stock-adjustments', action: 'read' });
  const { data = [] } = useGetList<Pending>(
    'stock-adjustments',
    { filter: { locationId, status: 'pending-approval' }, pagination: { page: 1, perPage: 200 }, sort: { field: 'createdAt', order: 'ASC' } },
    { enabled: Boolean(canAccess) },
  );
  const byBatch = new Map<string, Pending[]>();
  for (const a of data) byBatch.set(a.batchId, [...(byBatch.get(a.batchId) ?? []), a]);
  return byBatch;
}

export function DispensaryBatches({ locationId }: { locationId: string }) {
  const pending = usePendingByBatch(locationId);
  return (
    <List resource="stock-batches" filter={{ locationId, inStock: true }} filters={filters} sort={{ field: 'expiryDate', order: 'ASC' }} perPage={50}
      disableSyncWithLocation actions={false} title=" " storeKey={`dispensary-batches-${locationId}`}>
      <Datagrid bulkActionButtons={false} rowClick={false} rowSx={(r) => (expired(r.expiryDate) ? { backgroundColor: '#fdecea' } : {})}>
        <ReferenceField source="itemId" reference="stock-items" link="show" />
        {/* The lot's own page: transfer, write-off, its movements. */}
        <FunctionField source="lotNumber" render={(r) => <Link to={`/stock-batches/${r.id}/show`}>{r.lotNumber}</Link>} />
        <DateField source="expiryDate" />
        <NumberField source="quantity" label="On hand" />
        <FunctionField source="unitCost" render={(r) => money(r.unitCost)} />
        <FunctionField label="Value" render={(r) => money(r.quantity * r.unitCost)} />
        <FunctionField label="Pending" render={(r) => (
          <Stack direction="row" spacing={0.5}>
            {(pending.get(String(r.id)) ?? []).map((a) => <Chip key={a.id} size="small" color="warning" label={`${a.quantity > 0 ? '+' : ''}${a.quantity} awaiting approval`} />)}
          </Stack>
        )} />
        <FunctionField label="" render={(r) => <AdjustDialog batch={r} />} />
      </Datagrid>
    </List>
  );
}

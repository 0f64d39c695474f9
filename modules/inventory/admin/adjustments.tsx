/**
 * Stock adjustments: every count correction asked for, applied at once or waiting for (or
 * refused by) the approvers, who decide in the approvals inbox.
 */
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Chip } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SelectInput, TextField, useCanAccess } from 'react-admin';
import { money } from './money.js';

export const ADJUSTMENT_STATUSES = [
  { id: 'pending-approval', name: 'Waiting for approval', color: 'warning' },
  { id: 'applied', name: 'Applied', color: 'success' },
  { id: 'refused', name: 'Refused', color: 'error' },
] as const;

export function AdjustmentStatus({ status }: { status: string }) {
  const s = ADJUSTMENT_STATUSES.find((x) => x.id === status);
  return <Chip size="small" color={s?.color ?? 'default'} label={s?.name ?? status} />;
}

const filters = [
  <SelectInput key="status" source="status" choices={[...ADJUSTMENT_STATUSES]} alwaysOn />,
  <ReferenceInput key="loc" source="locationId" reference="stock-locations" alwaysOn />,
  <ReferenceInput key="item" source="itemId" reference="stock-items" />,
];

/** The adjustments, all or those of one location or batch (`filter`), newest first. */
export function AdjustmentGrid({ filter }: { filter?: Record<string, unknown> }) {
  // Embedded on pages whose readers may not read adjustments (the laboratory reads batches).
  const { canAccess } = useCanAccess({ resource: 'stock-adjustments', action: 'read' });
  if (!canAccess) return null;
  return (
    <List resource="stock-adjustments" filter={filter} filters={filter ? undefined : filters} sort={{ field: 'createdAt', order: 'DESC' }}
      disableSyncWithLocation={Boolean(filter)} actions={false} title={filter ? ' ' : undefined} perPage={filter ? 10 : 25}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="requestedAt" showTime />
        <ReferenceField source="itemId" reference="stock-items" />
        {!filter?.locationId && <ReferenceField source="locationId" reference="stock-locations" />}
        <ReferenceField source="batchId" reference="stock-batches" label="Lot" link="show" />
        <NumberField source="quantity" />
        <FunctionField source="value" render={(r) => money(r.value)} />
        <FunctionField source="status" render={(r) => <AdjustmentStatus status={r.status} />} />
        <TextField source="reason" />
        <DateField source="decidedAt" showTime />
        <TextField source="decisionComment" label="Approver's comment" />
      </Datagrid>
    </List>
  );
}

export const stockAdjustments = { name: 'stock-adjustments', list: () => <AdjustmentGrid />, icon: FactCheckIcon };

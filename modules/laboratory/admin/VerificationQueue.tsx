/** Verification queue: orders whose results are all entered, oldest first, STAT on top. */
import { Chip } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, ReferenceField, TextField } from 'react-admin';

export function VerificationQueue() {
  return (
    <List resource="lab-orders" filter={{ status: 'resulted' }} sort={{ field: 'priority', order: 'ASC' }} title="Verification queue" disableSyncWithLocation>
      <Datagrid rowClick={(id) => `/lab-orders/${id}/show`} bulkActionButtons={false}>
        <TextField source="orderNumber" />
        <FunctionField source="priority" render={(r) => <Chip size="small" label={r.priority.toUpperCase()} color={r.priority === 'stat' ? 'error' : 'default'} />} />
        <ReferenceField source="patientId" reference="patients" />
        <DateField source="resultedAt" showTime />
        <DateField source="dueAt" showTime />
      </Datagrid>
    </List>
  );
}

/** The laboratory worklist: by status and priority, STAT first; overdue orders stand out in red. */
import { Chip } from '@mui/material';
import { BooleanInput, Datagrid, DateField, FunctionField, List, ReferenceField, SelectField, SelectInput, TextField, TextInput } from 'react-admin';
import { PRIORITY_CHOICES, STATUS_CHOICES } from '../choices.js';

const filters = [
  <TextInput key="q" source="q" label="Order number" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="priority" source="priority" choices={PRIORITY_CHOICES} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" label="Overdue only" alwaysOn />,
];

export function OrderList() {
  return (
    <List filters={filters} sort={{ field: 'priority', order: 'ASC' }} perPage={50}>
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(r) => (r.overdue ? { backgroundColor: r.priority === 'stat' ? '#ffcdd2' : '#fff3e0' } : {})}>
        <TextField source="orderNumber" sx={{ fontFamily: 'monospace' }} />
        <FunctionField source="priority" render={(r) => <Chip size="small" label={r.priority.toUpperCase()} color={r.priority === 'stat' ? 'error' : r.priority === 'urgent' ? 'warning' : 'default'} />} />
        <SelectField source="status" choices={STATUS_CHOICES} />
        <ReferenceField source="patientId" reference="patients" />
        <DateField source="orderedAt" showTime />
        <FunctionField source="dueAt" render={(r) => <span style={{ color: r.overdue ? '#b71c1c' : undefined, fontWeight: r.overdue ? 700 : undefined }}>{new Date(r.dueAt).toLocaleString()}{r.overdue ? ' (overdue)' : ''}</span>} />
      </Datagrid>
    </List>
  );
}

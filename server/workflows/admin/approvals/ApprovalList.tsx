/** Every approval level, for those who oversee them (facility head, medical admin, quality). */
import { Datagrid, DateField, FunctionField, List, NumberField, SearchInput, SelectInput, TextField } from 'react-admin';
import { timeLeft } from './ApprovalsInbox.js';

const STATUSES = ['pending', 'decided', 'escalated', 'cancelled'].map((id) => ({ id, name: id }));
const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="status" source="status" choices={STATUSES} alwaysOn />];

export function ApprovalList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="summary" />
        <TextField source="resource" />
        <NumberField source="level" />
        <TextField source="role" />
        <TextField source="status" />
        <TextField source="decision" />
        <FunctionField label="Time left" render={(r: { status: string; timeLeftMinutes?: number }) => (r.status === 'pending' ? timeLeft(r.timeLeftMinutes) : '')} />
        <DateField source="dueAt" showTime />
        <TextField source="comment" />
        <DateField source="decidedAt" showTime />
      </Datagrid>
    </List>
  );
}

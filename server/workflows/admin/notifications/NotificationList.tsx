/** The outbox: my notifications (all of them for superadmin), newest first. */
import { BooleanInput, Datagrid, DateField, List, SearchInput, TextField } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="unread" source="unread" label="Unread only" alwaysOn />];

export function NotificationList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(r) => (r.readAt ? {} : { fontWeight: 600 })}>
        <TextField source="subject" />
        <TextField source="email" />
        <TextField source="status" />
        <DateField source="createdAt" showTime />
        <DateField source="readAt" showTime />
      </Datagrid>
    </List>
  );
}

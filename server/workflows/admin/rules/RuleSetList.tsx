import { CreateButton, Datagrid, DateField, List, SearchInput, TextField, TopToolbar } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export function RuleSetList() {
  return (
    <List filters={filters} sort={{ field: 'key', order: 'ASC' }} actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="key" sx={{ fontFamily: 'monospace' }} />
        <TextField source="event" />
        <TextField source="description" sortable={false} />
        <TextField source="module" />
        <DateField source="updatedAt" showTime />
      </Datagrid>
    </List>
  );
}

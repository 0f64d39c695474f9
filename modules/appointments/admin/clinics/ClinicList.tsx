import { BooleanField, Datagrid, List, SearchInput, TextField, UrlField } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export function ClinicList() {
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="code" sx={{ fontWeight: 600 }} />
        <TextField source="name" />
        <TextField source="department" />
        <TextField source="tokenPrefix" />
        <TextField source="opensAt" />
        <TextField source="closesAt" />
        <BooleanField source="active" />
        <UrlField source="displayUrl" label="Waiting-room display" sortable={false} target="_blank" />
      </Datagrid>
    </List>
  );
}

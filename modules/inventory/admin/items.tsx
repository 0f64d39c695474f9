/** Stock items: what is stocked, its unit and reorder level; the show page has stock per location. */
import Inventory2Icon from '@mui/icons-material/Inventory2';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  BooleanField, BooleanInput, Create, Datagrid, Edit, List, NumberField, NumberInput, SearchInput, SelectInput, Show,
  SimpleForm, SimpleShowLayout, TextField, TextInput, required, useRecordContext,
} from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <TextInput key="category" source="category" />];

function ItemList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" sx={{ fontFamily: 'monospace' }} />
        <TextField source="name" />
        <TextField source="category" />
        <TextField source="unit" />
        <NumberField source="reorderLevel" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

function ItemForm() {
  return (
    <SimpleForm>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="category" validate={required()} />
      <TextInput source="unit" validate={required()} helperText="tablet, test, tube, sheet..." />
      <NumberInput source="reorderLevel" min={0} step={1} />
      <BooleanInput source="active" defaultValue />
    </SimpleForm>
  );
}

function StockByLocation() {
  const record = useRecordContext<{ stock?: { locationId: string; locationName: string; usable: number; expired: number }[] }>();
  return (
    <Table size="small">
      <TableHead><TableRow><TableCell>Location</TableCell><TableCell align="right">Usable</TableCell><TableCell align="right">Expired</TableCell></TableRow></TableHead>
      <TableBody>
        {(record?.stock ?? []).map((s) => (
          <TableRow key={s.locationId}><TableCell>{s.locationName}</TableCell><TableCell align="right">{s.usable}</TableCell><TableCell align="right" sx={{ color: s.expired ? 'error.main' : undefined }}>{s.expired}</TableCell></TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ItemShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="category" />
        <TextField source="unit" />
        <NumberField source="reorderLevel" />
        <StockByLocation />
      </SimpleShowLayout>
    </Show>
  );
}

export const stockItems = {
  name: 'stock-items',
  list: ItemList,
  show: ItemShow,
  create: () => <Create redirect="show"><ItemForm /></Create>,
  edit: () => <Edit><ItemForm /></Edit>,
  icon: Inventory2Icon,
  recordRepresentation: (r: { code: string; name: string }) => `${r.code} · ${r.name}`,
};

const KINDS = ['store', 'laboratory', 'dispensary', 'ward', 'radiology'].map((id) => ({ id, name: id }));

function LocationForm() {
  return (
    <SimpleForm>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} />
      <SelectInput source="kind" choices={KINDS} validate={required()} />
      <BooleanInput source="active" defaultValue />
    </SimpleForm>
  );
}

export const stockLocations = {
  name: 'stock-locations',
  list: () => (
    <List sort={{ field: 'code', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="kind" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  ),
  create: () => <Create><LocationForm /></Create>,
  edit: () => <Edit><LocationForm /></Edit>,
  recordRepresentation: 'name',
};

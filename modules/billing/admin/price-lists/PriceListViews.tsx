import { Create, Datagrid, DateInput, Edit, FunctionField, List, NumberInput, SearchInput, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { Money } from '../money.js';

const CATEGORIES = ['consultation', 'laboratory', 'imaging', 'drug', 'procedure', 'dental', 'other'].map((id) => ({ id, name: id }));
const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="category" source="category" choices={CATEGORIES} />];
// Prices are typed in currency units and stored in minor units.
const toMinor = (v: number | null) => (v == null ? v : Math.round(v * 100));
const fromMinor = (v: number | null) => (v == null ? v : v / 100);

export function PriceListList() {
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="description" />
        <TextField source="department" />
        <TextField source="category" />
        <FunctionField label="Unit price" render={(r: any) => <Money value={r.unitPrice} />} />
        <FunctionField label="Payer prices" render={(r: any) => Object.entries(r.payerPrices ?? {}).map(([k, v]) => `${k} ${(Number(v) / 100).toFixed(2)}`).join(', ')} />
      </Datagrid>
    </List>
  );
}

function PriceInputs({ creating }: { creating?: boolean }) {
  return (
    <SimpleForm>
      {creating && <TextInput source="code" validate={required()} />}
      <TextInput source="description" validate={required()} fullWidth />
      <TextInput source="department" validate={required()} />
      <SelectInput source="category" choices={CATEGORIES} validate={required()} />
      <NumberInput source="unitPrice" label="Unit price" format={fromMinor} parse={toMinor} validate={required()} />
      <DateInput source="activeFrom" />
      <DateInput source="activeTo" />
    </SimpleForm>
  );
}

export const PriceListEdit = () => (
  <Edit mutationMode="pessimistic">
    <PriceInputs />
  </Edit>
);
export const PriceListCreate = () => (
  <Create redirect="list">
    <PriceInputs creating />
  </Create>
);

import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, NumberInput, SearchInput, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';

const ROUTES = ['oral', 'iv', 'im', 'sc', 'inhaled', 'topical', 'rectal', 'vaginal', 'ophthalmic', 'sublingual'].map((id) => ({ id, name: id }));
const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Name or ATC code" />, <SelectInput key="route" source="route" choices={ROUTES} />];

export function DrugList() {
  return (
    <List filters={filters} sort={{ field: 'genericName', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="genericName" />
        <TextField source="strength" />
        <TextField source="form" />
        <TextField source="route" />
        <TextField source="atcCode" label="ATC" />
        <TextField source="allergyClass" />
        <BooleanField source="controlled" />
        <TextField source="priceCode" />
      </Datagrid>
    </List>
  );
}

function DrugForm() {
  return (
    <SimpleForm>
      <TextInput source="genericName" validate={required()} />
      <TextInput source="strength" validate={required()} />
      <NumberInput source="strengthValue" />
      <TextInput source="strengthUnit" />
      <TextInput source="form" validate={required()} />
      <SelectInput source="route" choices={ROUTES} validate={required()} />
      <TextInput source="dispenseUnit" validate={required()} />
      <TextInput source="atcCode" label="ATC code" validate={required()} />
      <TextInput source="allergyClass" />
      <BooleanInput source="controlled" />
      <TextInput source="priceCode" validate={required()} />
      <BooleanInput source="active" />
    </SimpleForm>
  );
}

export const DrugEdit = () => (
  <Edit mutationMode="pessimistic">
    <DrugForm />
  </Edit>
);
export const DrugCreate = () => (
  <Create redirect="list">
    <DrugForm />
  </Create>
);

export function InteractionList() {
  return (
    <List sort={{ field: 'atcA', order: 'ASC' }} filters={[<SearchInput key="q" source="q" alwaysOn />]}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="labelA" label="Drug or group" />
        <TextField source="labelB" label="With" />
        <TextField source="severity" />
        <TextField source="effect" />
        <TextField source="advice" />
      </Datagrid>
    </List>
  );
}

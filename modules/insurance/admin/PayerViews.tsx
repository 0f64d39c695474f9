import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, NumberField, NumberInput, SimpleForm, TextArrayInput, TextField, TextInput, required } from 'react-admin';

export function PayerList() {
  return (
    <List sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <NumberField source="copayPercent" label="Co-payment %" />
        <TextField source="contactPhone" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

function PayerForm({ creating }: { creating?: boolean }) {
  return (
    <SimpleForm>
      {creating && <TextInput source="code" validate={required()} />}
      <TextInput source="name" validate={required()} fullWidth />
      <NumberInput source="copayPercent" label="Co-payment %" min={0} max={100} validate={required()} />
      <TextArrayInput source="excludedPriceCodes" label="Excluded tariff codes" />
      <TextInput source="contactName" />
      <TextInput source="contactPhone" />
      <TextInput source="contactEmail" />
      <TextInput source="address" fullWidth />
      {!creating && <BooleanInput source="active" />}
    </SimpleForm>
  );
}

export const PayerEdit = () => (
  <Edit mutationMode="pessimistic">
    <PayerForm />
  </Edit>
);
export const PayerCreate = () => (
  <Create redirect="list">
    <PayerForm creating />
  </Create>
);

/** The ICD-10 catalogue: search by code or words; administrators add and retire codes. */
import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, SearchInput, SimpleForm, TextField, TextInput, required } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export function Icd10List() {
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={50}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="title" />
        <TextField source="chapter" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

export function Icd10Create() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="code" validate={required()} />
        <TextInput source="title" validate={required()} fullWidth />
      </SimpleForm>
    </Create>
  );
}

export function Icd10Edit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextField source="code" />
        <TextInput source="title" validate={required()} fullWidth />
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
}

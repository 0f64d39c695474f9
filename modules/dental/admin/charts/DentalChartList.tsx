import { AutocompleteInput, Create, Datagrid, DateField, List, ReferenceField, ReferenceInput, SelectField, SelectInput, SimpleForm, required } from 'react-admin';

const DENTITION = [
  { id: 'permanent', name: 'Permanent' },
  { id: 'primary', name: 'Primary' },
  { id: 'mixed', name: 'Mixed' },
];

const filters = [<ReferenceInput key="patientId" source="patientId" reference="patients" alwaysOn />];

export function DentalChartList() {
  return (
    <List filters={filters}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <ReferenceField source="patientId" reference="patients" link={false} />
        <SelectField source="dentition" choices={DENTITION} />
        <DateField source="updatedAt" showTime />
      </Datagrid>
    </List>
  );
}

export function DentalChartCreate() {
  return (
    <Create redirect="edit">
      <SimpleForm>
        <ReferenceInput source="patientId" reference="patients">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <SelectInput source="dentition" choices={DENTITION} defaultValue="permanent" />
      </SimpleForm>
    </Create>
  );
}

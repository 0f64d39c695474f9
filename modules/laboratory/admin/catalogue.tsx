/** The test catalogue and panels (medical administration keeps them; the laboratory may edit). */
import ScienceIcon from '@mui/icons-material/Science';
import { ArrayField, BooleanField, BooleanInput, ChipField, Create, Datagrid, Edit, List, NumberField, NumberInput, ReferenceArrayField, SearchInput, SelectInput, Show, SimpleForm, SimpleShowLayout, SingleFieldList, TextField, TextInput, required } from 'react-admin';

const SECTIONS = ['Haematology', 'Chemistry', 'Urinalysis', 'Serology', 'Microbiology'].map((id) => ({ id, name: id }));

function TestForm() {
  return (
    <SimpleForm>
      <TextInput source="code" validate={required()} />
      <TextInput source="loinc" label="LOINC" />
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="section" choices={SECTIONS} validate={required()} />
      <TextInput source="specimenType" validate={required()} />
      <SelectInput source="resultType" choices={[{ id: 'numeric', name: 'numeric' }, { id: 'coded', name: 'coded' }]} defaultValue="numeric" />
      <TextInput source="unit" />
      <NumberInput source="turnaroundMinutes" min={1} />
      <TextInput source="priceCode" validate={required()} />
      <BooleanInput source="active" defaultValue />
    </SimpleForm>
  );
}

function TestShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="loinc" label="LOINC" />
        <TextField source="name" />
        <TextField source="specimenType" />
        <TextField source="unit" />
        <ArrayField source="ranges">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="sex" />
            <NumberField source="ageFromDays" label="From (days)" />
            <NumberField source="ageToDays" label="To (days)" />
            <NumberField source="criticalLow" />
            <NumberField source="low" />
            <NumberField source="high" />
            <NumberField source="criticalHigh" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="reagents">
          <Datagrid bulkActionButtons={false} rowClick={false}><TextField source="itemCode" /><NumberField source="quantity" /></Datagrid>
        </ArrayField>
        <NumberField source="turnaroundMinutes" />
        <TextField source="priceCode" />
      </SimpleShowLayout>
    </Show>
  );
}

export const labTests = {
  name: 'lab-tests',
  list: () => (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="s" source="section" choices={SECTIONS} alwaysOn />]} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="loinc" label="LOINC" />
        <TextField source="name" />
        <TextField source="section" />
        <TextField source="specimenType" />
        <TextField source="unit" />
        <NumberField source="turnaroundMinutes" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  ),
  show: TestShow,
  edit: () => <Edit><TestForm /></Edit>,
  create: () => <Create redirect="show"><TestForm /></Create>,
  icon: ScienceIcon,
  recordRepresentation: (t: { code: string; name: string }) => `${t.code} · ${t.name}`,
};

export const labPanels = {
  name: 'lab-panels',
  list: () => (
    <List sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceArrayField source="testIds" reference="lab-tests"><SingleFieldList linkType={false}><ChipField source="code" size="small" /></SingleFieldList></ReferenceArrayField>
        <TextField source="priceCode" />
      </Datagrid>
    </List>
  ),
  recordRepresentation: 'name',
};

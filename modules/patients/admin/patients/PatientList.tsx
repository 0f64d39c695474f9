/**
 * Finding a patient: one search box (MRN, name, phone or national ID), filters by sex, age
 * band and status, sortable columns. An exact MRN comes first in the results.
 */
import {
  CreateButton,
  Datagrid,
  EditButton,
  FilterButton,
  List,
  NumberField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { GuardedExportButton, LocalDateField } from '../../../../admin/kit.js';
import { AGE_BAND_CHOICES, SEX_CHOICES, STATUS_CHOICES } from './choices.js';

/** Filters keep `source` and `alwaysOn` on the element: react-admin reads them from its props. */
function SearchBox(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('patients.search_placeholder')} sx={{ minWidth: 320 }} />;
}

const filters = [
  <SearchBox key="q" source="q" alwaysOn />,
  <SelectInput key="sex" source="sex" choices={SEX_CHOICES} alwaysOn />,
  <SelectInput key="ageBand" source="ageBand" label="resources.patients.fields.ageBand" choices={AGE_BAND_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <GuardedExportButton />
  </TopToolbar>
);

export function PatientList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="mrn" sx={{ fontFamily: 'monospace', fontWeight: 600 }} />
        <TextField source="familyName" />
        <TextField source="givenName" />
        <SelectField source="sex" choices={SEX_CHOICES} />
        <LocalDateField source="birthDate" />
        <NumberField source="age" sortable={false} />
        <TextField source="phone" sortable={false} />
        <SelectField source="status" choices={STATUS_CHOICES} />
        <LocalDateField source="createdAt" showTime />
        <EditButton />
      </Datagrid>
    </List>
  );
}

/** Accounts: search by name or e-mail, filter by role and status. */
import {
  BooleanField,
  ChipField,
  CreateButton,
  Datagrid,
  EmailField,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceArrayField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SingleFieldList,
  TextField,
  TopToolbar,
} from 'react-admin';
import { LocalDateField } from '../../kit/LocalDateField.js';
import { GuardedExportButton } from '../../kit/GuardedExportButton.js';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="role" source="role" reference="roles" alwaysOn>
    <SelectInput optionText="label" label="resources.users.fields.role" />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <GuardedExportButton />
  </TopToolbar>
);

export function UserList() {
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'email', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="name" />
        <EmailField source="email" />
        <ReferenceArrayField source="roles" reference="roles" sortable={false}>
          <SingleFieldList linkType={false}>
            <ChipField source="label" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <BooleanField source="active" />
        <LocalDateField source="lastLoginAt" showTime />
      </Datagrid>
    </List>
  );
}

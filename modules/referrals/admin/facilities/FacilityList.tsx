/** The directory of facilities referrals go to (edited by the medical administrator). */
import { BooleanField, BooleanInput, ChipField, Datagrid, EditButton, List, SearchInput, SelectField, SelectInput, SingleFieldList, TextArrayField, TextField } from 'react-admin';
import { LEVEL_CHOICES } from '../choices.js';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="level" source="level" choices={LEVEL_CHOICES} />,
  <BooleanInput key="external" source="external" />,
  <BooleanInput key="active" source="active" />,
];

export function FacilityList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="code" sx={{ fontFamily: 'monospace', fontWeight: 600 }} />
        <TextField source="name" />
        <SelectField source="level" choices={LEVEL_CHOICES} />
        <TextArrayField source="specialties" sortable={false}>
          <SingleFieldList linkType={false}>
            <ChipField source="" size="small" />
          </SingleFieldList>
        </TextArrayField>
        <BooleanField source="external" />
        <BooleanField source="active" />
        <TextField source="phone" emptyText="—" />
        <EditButton />
      </Datagrid>
    </List>
  );
}

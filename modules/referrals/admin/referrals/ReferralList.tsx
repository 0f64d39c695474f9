/** Referrals: search by number, specialty or reason; filter by status, urgency, overdue. */
import { BooleanField, BooleanInput, CreateButton, Datagrid, DateField, FilterButton, List, ReferenceField, SearchInput, SelectField, SelectInput, TextField, TopToolbar } from 'react-admin';
import { GuardedExportButton } from '../../../../admin/kit.js';
import { STATUS_CHOICES, SPECIALTY_CHOICES, URGENCY_CHOICES } from '../choices.js';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="urgency" source="urgency" choices={URGENCY_CHOICES} />,
  <SelectInput key="specialty" source="specialty" choices={SPECIALTY_CHOICES} />,
  <BooleanInput key="overdue" source="overdue" label="Answer overdue" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <GuardedExportButton />
  </TopToolbar>
);

export function ReferralList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" sx={{ fontFamily: 'monospace', fontWeight: 600 }} />
        <ReferenceField source="patientId" reference="patients" link={false} />
        <TextField source="specialty" />
        <SelectField source="urgency" choices={URGENCY_CHOICES} />
        <ReferenceField source="destinationId" reference="facilities" link={false} emptyText="—">
          <TextField source="name" />
        </ReferenceField>
        <SelectField source="status" choices={STATUS_CHOICES} />
        <DateField source="answerDueAt" showTime emptyText="—" />
        <BooleanField source="overdue" sortable={false} />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  );
}

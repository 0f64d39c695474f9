import { ChipField, Datagrid, DateField, DateInput, List, ReferenceField, ReferenceInput, SelectField, SelectInput, TextField } from 'react-admin';
import { PRIORITY_CHOICES, QUEUE_STATUS_CHOICES } from '../priority.js';

const filters = [
  <ReferenceInput key="clinicId" source="clinicId" reference="clinics" alwaysOn />,
  <SelectInput key="queueStatus" source="queueStatus" choices={QUEUE_STATUS_CHOICES} alwaysOn />,
  <SelectInput key="priority" source="priority" choices={PRIORITY_CHOICES} />,
  <DateInput key="from" source="queueDate_gte" label="From" alwaysOn />,
  <DateInput key="to" source="queueDate_lte" label="Until" />,
];

export function VisitList() {
  return (
    <List filters={filters} sort={{ field: 'arrivedAt', order: 'DESC' }} filterDefaultValues={{ queueDate_gte: new Date().toLocaleDateString('en-CA') }} perPage={50}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="token" sx={{ fontWeight: 700 }} />
        <ReferenceField source="clinicId" reference="clinics" />
        <ReferenceField source="patientId" reference="patients" />
        <ChipField source="priority" />
        <SelectField source="queueStatus" choices={QUEUE_STATUS_CHOICES} />
        <DateField source="arrivedAt" showTime />
        <DateField source="calledAt" showTime />
        <DateField source="completedAt" showTime />
      </Datagrid>
    </List>
  );
}

import { Datagrid, DateField, DateInput, FunctionField, List, ReferenceField, ReferenceInput, SelectField, SelectInput, TextField } from 'react-admin';
import { APPOINTMENT_STATUS_CHOICES, todayLocal } from '../choices.js';
import { usePhysicians } from '../useApiGet.js';

const filters = [
  <ReferenceInput key="clinicId" source="clinicId" reference="clinics" alwaysOn />,
  <SelectInput key="status" source="status" choices={APPOINTMENT_STATUS_CHOICES} alwaysOn />,
  <DateInput key="from" source="startAt_gte" label="From" alwaysOn />,
  <DateInput key="to" source="startAt_lte" label="Until" alwaysOn />,
];

export function AppointmentList() {
  const { data: physicians = [] } = usePhysicians();
  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA');
  return (
    <List filters={filters} filterDefaultValues={{ startAt_gte: todayLocal(), startAt_lte: tomorrow }} sort={{ field: 'startAt', order: 'ASC' }} perPage={50}>
      <Datagrid bulkActionButtons={false}>
        <DateField source="startAt" showTime />
        <ReferenceField source="patientId" reference="patients" />
        <ReferenceField source="clinicId" reference="clinics" />
        <FunctionField label="Physician" render={(r: { providerId: string }) => physicians.find((p) => p.id === r.providerId)?.name ?? ''} />
        <SelectField source="status" choices={APPOINTMENT_STATUS_CHOICES} />
        <TextField source="reason" />
      </Datagrid>
    </List>
  );
}

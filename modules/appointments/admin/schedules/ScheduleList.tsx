import { BooleanField, Datagrid, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SelectField, SelectInput, TextField } from 'react-admin';
import { WEEKDAY_CHOICES } from '../choices.js';
import { usePhysicians } from '../useApiGet.js';

const filters = [
  <ReferenceInput key="clinicId" source="clinicId" reference="clinics" alwaysOn />,
  <SelectInput key="weekday" source="weekday" choices={WEEKDAY_CHOICES} alwaysOn />,
];

export function ScheduleList() {
  const { data: physicians = [] } = usePhysicians();
  return (
    <List filters={filters} sort={{ field: 'weekday', order: 'ASC' }} perPage={50}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <ReferenceField source="clinicId" reference="clinics" />
        <FunctionField label="Physician" render={(r: { providerId: string }) => physicians.find((p) => p.id === r.providerId)?.name ?? ''} />
        <SelectField source="weekday" choices={WEEKDAY_CHOICES} />
        <TextField source="startTime" />
        <TextField source="endTime" />
        <NumberField source="slotMinutes" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

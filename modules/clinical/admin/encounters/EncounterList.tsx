/** Encounters, newest first, filtered by patient, status and type. */
import { Datagrid, DateField, List, ReferenceField, ReferenceInput, SelectField, SelectInput, TextField } from 'react-admin';
import { STATUS_CHOICES, TYPE_CHOICES } from './choices.js';

const filters = [
  <ReferenceInput key="patientId" source="patientId" reference="patients" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="type" source="type" choices={TYPE_CHOICES} />,
];

export function EncounterList() {
  return (
    <List filters={filters} sort={{ field: 'startedAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateField source="startedAt" showTime />
        <ReferenceField source="patientId" reference="patients" link={false} />
        <SelectField source="type" choices={TYPE_CHOICES} />
        <SelectField source="status" choices={STATUS_CHOICES} />
        <TextField source="chiefComplaint" emptyText="—" />
      </Datagrid>
    </List>
  );
}

import { ChipField, Datagrid, DateField, List, ReferenceField, SelectInput, TextField } from 'react-admin';
import { PRIORITY_CHOICES } from '../choices.js';

const filters = [<SelectInput key="priority" source="priority" choices={PRIORITY_CHOICES} alwaysOn />];

export function TriageList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false}>
        <DateField source="createdAt" showTime />
        <ReferenceField source="visitId" reference="visits" />
        <ReferenceField source="patientId" reference="patients" />
        <TextField source="chiefComplaint" />
        <ChipField source="priority" />
        <TextField source="computedPriority" />
        <TextField source="overrideReason" />
        <TextField source="decidedBy" />
      </Datagrid>
    </List>
  );
}

import { Datagrid, DateField, List, NumberField, ReferenceField } from 'react-admin';

export function VitalSignsList() {
  return (
    <List sort={{ field: 'takenAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false}>
        <DateField source="takenAt" showTime />
        <ReferenceField source="patientId" reference="patients" />
        <NumberField source="systolic" />
        <NumberField source="diastolic" />
        <NumberField source="pulse" />
        <NumberField source="respiratoryRate" />
        <NumberField source="temperature" />
        <NumberField source="spo2" label="SpO2" />
        <NumberField source="bmi" label="BMI" />
        <NumberField source="painScore" />
      </Datagrid>
    </List>
  );
}

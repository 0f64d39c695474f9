import { Datagrid, DateField, List, SelectInput, TextField } from 'react-admin';

const STATUSES = ['active', 'partially-dispensed', 'dispensed', 'cancelled'].map((id) => ({ id, name: id }));

/** The pharmacy queue: prescriptions waiting to be dispensed, oldest first. */
export function PrescriptionList() {
  return (
    <List filters={[<SelectInput key="status" source="status" choices={STATUSES} alwaysOn />]} filterDefaultValues={{ status: 'active' }} sort={{ field: 'createdAt', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" />
        <DateField source="createdAt" showTime label="Written" />
        <TextField source="status" />
        <TextField source="overrideReason" label="Override" emptyText="" />
      </Datagrid>
    </List>
  );
}

import { Datagrid, DateField, FunctionField, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { Money } from '../money.js';

const STATUSES = ['draft', 'issued', 'partially-paid', 'paid', 'void'].map((id) => ({ id, name: id }));
const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Invoice, MRN or name" />, <SelectInput key="status" source="status" choices={STATUSES} />];

export function InvoiceList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" />
        <TextField source="patientMrn" label="MRN" />
        <TextField source="patientName" label="Patient" />
        <TextField source="status" />
        <TextField source="payerCode" label="Insurer" emptyText="self-pay" />
        <FunctionField label="Total" render={(r: any) => <Money value={r.total} />} />
        <FunctionField label="Patient owes" render={(r: any) => <Money value={r.balance} />} />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  );
}

import { Datagrid, DateField, FunctionField, List, SelectInput, TextField } from 'react-admin';
import { Money } from '../money.js';

const filters = [<SelectInput key="method" source="method" choices={['cash', 'card', 'mobile-money'].map((id) => ({ id, name: id }))} />, <SelectInput key="kind" source="kind" choices={['payment', 'refund'].map((id) => ({ id, name: id }))} />];

export function PaymentList() {
  return (
    <List filters={filters} sort={{ field: 'receivedAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="receiptNumber" />
        <DateField source="receivedAt" showTime />
        <TextField source="kind" />
        <TextField source="method" />
        <FunctionField label="Amount" render={(r: any) => <Money value={r.amount} />} />
        <TextField source="reason" />
      </Datagrid>
    </List>
  );
}

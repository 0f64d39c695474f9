/**
 * The audit trail: who did what to which record, when and from where. Each row expands to
 * the before/after of the fields it changed.
 */
import { Datagrid, DateTimeInput, List, SearchInput, TextField, TextInput, TopToolbar, FilterButton } from 'react-admin';
import { LocalDateField } from '../../kit/LocalDateField.js';
import { AuditRecordDiff } from '../../kit/AuditDiff.js';
import { GuardedExportButton } from '../../kit/GuardedExportButton.js';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="resource" source="resource" alwaysOn />,
  <TextInput key="action" source="action" />,
  <TextInput key="recordId" source="recordId" />,
  <TextInput key="userEmail" source="userEmail" />,
  <DateTimeInput key="at_gte" source="at_gte" />,
  <DateTimeInput key="at_lte" source="at_lte" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <GuardedExportButton />
  </TopToolbar>
);

export function AuditLogList() {
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<AuditRecordDiff />} data-testid="audit-log-list">
        <LocalDateField source="at" showTime />
        <TextField source="userEmail" emptyText="—" />
        <TextField source="action" />
        <TextField source="resource" />
        <TextField source="recordId" emptyText="—" />
        <TextField source="ip" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}

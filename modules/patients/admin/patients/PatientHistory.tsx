/** Who changed this record, when, and what: the audit trail's create/update/delete rows. */
import { Datagrid, Pagination, ReferenceManyField, TextField } from 'react-admin';
import { AuditRecordDiff, LocalDateField } from '../../../../admin/kit.js';

export function PatientHistory() {
  return (
    <ReferenceManyField
      reference="audit-logs"
      target="recordId"
      filter={{ resource: 'patients', action: ['create', 'update', 'delete'] }}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination />}
    >
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="patient-history">
        <LocalDateField source="at" showTime />
        <TextField source="userEmail" />
        <TextField source="action" />
        <AuditRecordDiff label="his.audit.changes" />
      </Datagrid>
    </ReferenceManyField>
  );
}

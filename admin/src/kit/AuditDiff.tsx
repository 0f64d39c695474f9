/** Before/after of one audit row, changed fields only: removed values struck through in red, new ones in green. */
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { changedFields, showValue } from './auditDiff.js';

export function AuditDiff({ before, after }: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null }) {
  const translate = useTranslate();
  const changes = changedFields(before, after);
  if (!changes.length) return <Typography variant="body2" color="text.secondary">{translate('his.audit.no_changes')}</Typography>;
  return (
    <Table size="small" data-testid="audit-diff">
      <TableHead>
        <TableRow>
          <TableCell>{translate('his.audit.field')}</TableCell>
          <TableCell>{translate('his.audit.before')}</TableCell>
          <TableCell>{translate('his.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.field}>
            <TableCell sx={{ fontFamily: 'monospace' }}>{c.field}</TableCell>
            <TableCell sx={{ color: 'error.main', textDecoration: c.before == null ? 'none' : 'line-through', wordBreak: 'break-word' }}>{showValue(c.before)}</TableCell>
            <TableCell sx={{ color: 'success.main', wordBreak: 'break-word' }}>{showValue(c.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The diff of the audit row in the current record context; `label` is read by the list as the column's title. */
export function AuditRecordDiff(_props: { label?: string }) {
  const record = useRecordContext<{ before?: Record<string, unknown> | null; after?: Record<string, unknown> | null }>();
  if (!record) return null;
  return <AuditDiff before={record.before} after={record.after} />;
}

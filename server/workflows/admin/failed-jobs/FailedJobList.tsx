/** Jobs that used up their retries (superadmin): what failed, why, and a retry button. */
import { Button, Datagrid, DateField, FunctionField, List, NumberField, TextField, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { HisDataProvider } from '../../../../admin/kit.js';

function RetryButton() {
  const record = useRecordContext();
  const dataProvider = useDataProvider<HisDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  return (
    <Button
      label="Retry"
      onClick={async (e) => {
        e.stopPropagation();
        try {
          await dataProvider.action('failed-jobs', record.id, 'retry');
          notify('The job is queued again', { type: 'success' });
          refresh();
        } catch (err) {
          notify((err as Error).message, { type: 'error' });
        }
      }}
    />
  );
}

export function FailedJobList() {
  return (
    <List sort={{ field: 'failedAt', order: 'DESC' }} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" sortable={false} />
        <TextField source="error" sortable={false} />
        <NumberField source="attempts" sortable={false} />
        <DateField source="failedAt" showTime sortable={false} />
        <FunctionField label="Data" sortable={false} render={(r: { data: unknown }) => <code>{JSON.stringify(r.data).slice(0, 120)}</code>} />
        <RetryButton />
      </Datagrid>
    </List>
  );
}

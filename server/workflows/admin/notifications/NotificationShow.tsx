/**
 * One notification as it was e-mailed. The body is HTML rendered from a template with escaped
 * data; it is shown in a sandboxed frame all the same, so it can never run script here.
 * Opening it marks it read.
 */
import { useEffect } from 'react';
import { DateField, Show, SimpleShowLayout, TextField, useDataProvider, useRecordContext } from 'react-admin';
import type { HisDataProvider } from '../../../../admin/kit.js';

function Body() {
  const record = useRecordContext();
  const dataProvider = useDataProvider<HisDataProvider>();
  useEffect(() => {
    if (record && !record.readAt) void dataProvider.action('notifications', record.id, 'mark-read').catch(() => undefined);
  }, [record, dataProvider]);
  if (!record) return null;
  return <iframe title="message" sandbox="" srcDoc={record.body as string} style={{ width: '100%', minHeight: 360, border: '1px solid #ddd' }} />;
}

export function NotificationShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="subject" />
        <TextField source="email" />
        <TextField source="status" />
        <TextField source="error" />
        <DateField source="createdAt" showTime />
        <DateField source="sentAt" showTime />
        <Body />
      </SimpleShowLayout>
    </Show>
  );
}

/**
 * The report editor: a draft is saved as often as needed; signing freezes it (the database
 * refuses changes) and later words go in addenda. A second clinician then verifies the order.
 */
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useCanAccess, useCreate, useGetOne, useNotify, useRefresh, useUpdate } from 'react-admin';
import { useRecordAction } from '../../../admin/kit.js';

interface Report { id: string; findings: string; impression: string; signedAt: string | null; version: number; addenda?: { id: string; text: string; createdAt: string; authorName: string }[] }

export function ReportEditor({ orderId, reportId, orderStatus }: { orderId: string; reportId?: string; orderStatus: string }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const { data: report } = useGetOne<Report>('imaging-reports', { id: reportId ?? '' }, { enabled: !!reportId });
  const [findings, setFindings] = useState('');
  const [impression, setImpression] = useState('');
  const [addendum, setAddendum] = useState('');
  useEffect(() => {
    setFindings(report?.findings ?? '');
    setImpression(report?.impression ?? '');
  }, [report?.id, report?.version]);
  const [create] = useCreate();
  const [update] = useUpdate();
  const sign = useRecordAction('imaging-reports', 'sign', { successMessage: 'Report signed' });
  const addAddendum = useRecordAction('imaging-reports', 'addendum', { successMessage: 'Addendum added' });
  const canWrite = useCanAccess({ resource: 'imaging-reports', action: 'create' }).canAccess === true;
  const onError = (e: unknown) => notify((e as Error).message, { type: 'error' });
  const save = () =>
    report
      ? update('imaging-reports', { id: report.id, data: { findings, impression, version: report.version }, previousData: report }, { onSuccess: () => notify('Draft saved'), onError })
      : create('imaging-reports', { data: { orderId, findings, impression } }, { onSuccess: () => { notify('Draft saved'); refresh(); }, onError });

  if (!report && (orderStatus !== 'performed' || !canWrite)) return <Typography color="text.secondary">No report yet.</Typography>;
  if (report?.signedAt) {
    return (
      <Stack spacing={1}>
        <Alert severity="success">Signed {new Date(report.signedAt).toLocaleString()}</Alert>
        <Typography variant="subtitle2">Findings</Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }}>{report.findings}</Typography>
        <Typography variant="subtitle2">Impression</Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap', fontWeight: 600 }}>{report.impression}</Typography>
        {(report.addenda ?? []).map((a) => (
          <Alert key={a.id} severity="info">Addendum, {a.authorName}, {new Date(a.createdAt).toLocaleString()}: {a.text}</Alert>
        ))}
        {canWrite && (
          <Stack direction="row" spacing={1}>
            <TextField size="small" name="addendum" label="Addendum" value={addendum} onChange={(e) => setAddendum(e.target.value)} fullWidth />
            <Button disabled={!addendum.trim()} onClick={() => addAddendum.mutate({ id: report.id, body: { text: addendum } }, { onSuccess: () => setAddendum('') })}>Add</Button>
          </Stack>
        )}
      </Stack>
    );
  }
  return (
    <Stack spacing={1}>
      <TextField name="findings" label="Findings" value={findings} onChange={(e) => setFindings(e.target.value)} multiline minRows={5} fullWidth />
      <TextField name="impression" label="Impression" value={impression} onChange={(e) => setImpression(e.target.value)} multiline minRows={2} fullWidth />
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={save}>Save draft</Button>
        {report && <Button variant="contained" disabled={!findings.trim() || !impression.trim()} onClick={() => sign.mutate({ id: report.id })}>Sign</Button>}
      </Stack>
    </Stack>
  );
}

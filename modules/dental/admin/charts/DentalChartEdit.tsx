/**
 * The odontogram screen: click a tooth, edit its findings, save the chart (optimistic lock: a
 * chart changed by someone else meanwhile is refused, not overwritten).
 */
import { Alert, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Edit, ReferenceField, useNotify, useRecordContext, useRefresh, useUpdate } from 'react-admin';
import { Odontogram, type Finding } from './Odontogram.js';
import { ToothEditor } from './ToothEditor.js';

function ChartEditor() {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const [findings, setFindings] = useState<Finding[]>([]);
  const [tooth, setTooth] = useState<number | null>(null);
  useEffect(() => setFindings((record?.findings as Finding[]) ?? []), [record?.version]);
  if (!record) return null;
  const dirty = JSON.stringify(findings) !== JSON.stringify(record.findings);
  const save = () =>
    update(
      'dental-charts',
      { id: record.id, data: { findings, version: record.version }, previousData: record },
      { mutationMode: 'pessimistic', onSuccess: () => (notify('Saved', { type: 'success' }), refresh()), onError: (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' }) },
    );
  const procedures = (record.procedures ?? []) as any[];
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Typography variant="h6">
        <ReferenceField source="patientId" reference="patients" link="show" />
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Card sx={{ flex: 1 }}>
          <CardContent>
            <Odontogram findings={findings} dentition={record.dentition} selected={tooth} onSelect={setTooth} />
          </CardContent>
        </Card>
        <Card>
          <CardContent>{tooth ? <ToothEditor tooth={tooth} findings={findings} onChange={setFindings} /> : <Alert severity="info">Click a tooth to see and edit its findings.</Alert>}</CardContent>
        </Card>
      </Stack>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" disabled={!dirty || isPending} onClick={save}>
          Save chart
        </Button>
        <Button disabled={!dirty} onClick={() => setFindings(record.findings)}>
          Undo changes
        </Button>
      </Stack>
      {procedures.length > 0 && (
        <Card>
          <CardContent>
            <Typography variant="h6">Treatment plan and history</Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>Tooth</TableCell>
                  <TableCell>Procedure</TableCell>
                  <TableCell>Surfaces</TableCell>
                  <TableCell>Status</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {procedures.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>{p.tooth ?? '—'}</TableCell>
                    <TableCell>{p.description}</TableCell>
                    <TableCell>{p.surfaces.join('') || '—'}</TableCell>
                    <TableCell>{p.status}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </Stack>
  );
}

export function DentalChartEdit() {
  return (
    <Edit actions={false} mutationMode="pessimistic">
      <ChartEditor />
    </Edit>
  );
}

/**
 * The staff queue board of one clinic: called and in consultation first, then the waiting line
 * by triage priority and arrival. Call, start, complete, triage or mark as left in one click.
 */
import { Button, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, useDataProvider, useNotify } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { HisDataProvider } from '../../../admin/kit.js';
import { useApiGet } from '../../appointments/admin/useApiGet.js';
import { ClinicPicker, useClinicChoice } from './ClinicPicker.js';
import { PRIORITY_COLORS } from './priority.js';

interface QueueVisit {
  id: string;
  token: string;
  queueStatus: string;
  priority: string;
  patientName: string;
  mrn: string;
  arrivedAt: string;
  position: number | null;
}
interface Queue {
  clinic: { code: string; name: string };
  visits: QueueVisit[];
}

const NEXT: Record<string, { action: string; label: string }[]> = {
  waiting: [{ action: 'call', label: 'Call' }, { action: 'left', label: 'Left' }],
  called: [{ action: 'start', label: 'Start' }, { action: 'left', label: 'Left' }],
  'in-consultation': [{ action: 'complete', label: 'Complete' }],
};

export function QueueBoard() {
  const [clinicId, setClinicId] = useClinicChoice('his.visits.boardClinic');
  const dataProvider = useDataProvider<HisDataProvider>();
  const notify = useNotify();
  const { data, refetch } = useApiGet<Queue>(clinicId ? `visits/queue?clinicId=${clinicId}` : null, { refetchInterval: 10_000 });
  const act = (v: QueueVisit, action: string) =>
    dataProvider.action('visits', v.id, action).then(
      () => refetch(),
      (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' }),
    );
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="Queue board" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <ClinicPicker value={clinicId} onChange={setClinicId} />
        {data && (
          <Link href={`/display/${data.clinic.code}`} target="_blank" rel="noopener">
            Waiting-room display
          </Link>
        )}
      </Stack>
      {data && !data.visits.length && <Typography>Nobody is waiting.</Typography>}
      {data && data.visits.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>Token</TableCell>
              <TableCell>Priority</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Patient</TableCell>
              <TableCell>Arrived</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.visits.map((v) => (
              <TableRow key={v.id} data-token={v.token}>
                <TableCell>{v.position ?? ''}</TableCell>
                <TableCell sx={{ fontWeight: 700, fontSize: '1.1rem' }}>{v.token}</TableCell>
                <TableCell>
                  <Chip size="small" label={v.priority} color={PRIORITY_COLORS[v.priority]} />
                </TableCell>
                <TableCell>{v.queueStatus}</TableCell>
                <TableCell>
                  {v.patientName} <Typography component="span" variant="caption">({v.mrn})</Typography>
                </TableCell>
                <TableCell>{new Date(v.arrivedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</TableCell>
                <TableCell align="right">
                  {v.queueStatus !== 'in-consultation' && (
                    <Button size="small" component={RouterLink} to={`/triage-assessments/create?source=${encodeURIComponent(JSON.stringify({ visitId: v.id }))}`}>
                      Triage
                    </Button>
                  )}
                  {(NEXT[v.queueStatus] ?? []).map((n) => (
                    <Button key={n.action} size="small" variant={n.action === 'left' ? 'text' : 'contained'} aria-label={`${n.action} ${v.token}`} onClick={() => act(v, n.action)} sx={{ ml: 1 }}>
                      {n.label}
                    </Button>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}

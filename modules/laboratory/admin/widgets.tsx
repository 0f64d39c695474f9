/** Dashboard: turnaround by priority and orders past their target. */
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { KpiCard, useKpi } from '../../../admin/kit.js';

export function LabTurnaround() {
  const { data, isPending, error } = useKpi<{ priority: string; verified: number; avgMinutes: number; p90Minutes: number; withinTargetPct: number }[]>('lab-turnaround');
  return (
    <KpiCard title="Lab turnaround (30 days)" isPending={isPending} error={error}>
      <Table size="small">
        <TableHead><TableRow><TableCell>Priority</TableCell><TableCell align="right">Verified</TableCell><TableCell align="right">Avg min</TableCell><TableCell align="right">P90 min</TableCell><TableCell align="right">On time</TableCell></TableRow></TableHead>
        <TableBody>{(data ?? []).map((r) => <TableRow key={r.priority}><TableCell>{r.priority}</TableCell><TableCell align="right">{r.verified}</TableCell><TableCell align="right">{r.avgMinutes}</TableCell><TableCell align="right">{r.p90Minutes}</TableCell><TableCell align="right">{r.withinTargetPct} %</TableCell></TableRow>)}</TableBody>
      </Table>
    </KpiCard>
  );
}

export function LabOverdue() {
  const { data, isPending, error } = useKpi<{ stat: number; total: number }>('lab-overdue');
  return (
    <KpiCard title="Lab orders overdue" isPending={isPending} error={error}>
      <Typography variant="h3" color={data?.stat ? 'error' : undefined}>{data?.total ?? 0}</Typography>
      <Typography color={data?.stat ? 'error' : 'text.secondary'}>{data?.stat ?? 0} STAT</Typography>
    </KpiCard>
  );
}

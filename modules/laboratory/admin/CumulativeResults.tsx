/** A patient's cumulative verified results: one trend chart per numeric test, with its normal range. */
import { Alert, Card, CardContent, Grid, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { Title } from 'react-admin';
import { fetchJson } from '../../../admin/src/providers/http.js';
import { FlagChip } from './orders/ResultGrid.js';
import type { Flag } from '../ranges.js';

interface Point { id: string; testId: string; testName: string; unit: string | null; value: number | null; valueCoded: string | null; flag: Flag; rangeLow: number | null; rangeHigh: number | null; collectedAt: string }

export function CumulativeResults() {
  const { id } = useParams();
  const { data = [], error } = useQuery({
    queryKey: ['lab-cumulative', id],
    queryFn: async () => (await fetchJson(`/api/lab-results/cumulative?patientId=${encodeURIComponent(id ?? '')}`)).json as Point[],
  });
  const byTest = new Map<string, Point[]>();
  for (const p of data) byTest.set(p.testId, [...(byTest.get(p.testId) ?? []), p]);
  return (
    <>
      <Title title="Cumulative lab results" />
      {error && <Alert severity="warning">{String(error)}</Alert>}
      {!data.length && !error && <Alert severity="info" sx={{ mt: 2 }}>No verified results yet.</Alert>}
      <Grid container spacing={2} sx={{ mt: 1 }}>
        {[...byTest.values()].map((points) => {
          const first = points[0];
          const numeric = points.every((p) => p.value != null);
          return (
            <Grid key={first.testId} size={{ xs: 12, md: 6 }}>
              <Card><CardContent>
                <Typography variant="subtitle1">{first.testName}{first.unit ? ` (${first.unit})` : ''}</Typography>
                {numeric && points.length > 1 ? (
                  <LineChart
                    height={220}
                    xAxis={[{ scaleType: 'time', data: points.map((p) => new Date(p.collectedAt)) }]}
                    series={[
                      { data: points.map((p) => p.value as number), label: first.testName },
                      ...(first.rangeLow != null ? [{ data: points.map((p) => p.rangeLow as number), label: 'low', showMark: false }] : []),
                      ...(first.rangeHigh != null ? [{ data: points.map((p) => p.rangeHigh as number), label: 'high', showMark: false }] : []),
                    ]}
                  />
                ) : null}
                <Table size="small"><TableBody>
                  {points.map((p) => (
                    <TableRow key={p.id}><TableCell>{new Date(p.collectedAt).toLocaleDateString()}</TableCell><TableCell>{p.value ?? p.valueCoded}</TableCell><TableCell><FlagChip flag={p.flag} /></TableCell></TableRow>
                  ))}
                </TableBody></Table>
              </CardContent></Card>
            </Grid>
          );
        })}
      </Grid>
    </>
  );
}

/** Dashboard widget: today's waiting times per clinic (minutes), from the wait-time KPI. */
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useKpi } from '../../../admin/kit.js';

interface Row {
  clinicCode: string;
  visits: number;
  medianArrivalToCall: number | null;
  medianCallToDone: number | null;
  leftWithoutBeingSeen: number;
}

export function WaitTimes() {
  const { data = [] } = useKpi<Row[]>('visits-wait-times');
  return (
    <Card>
      <CardContent>
        <Typography variant="h6">Waiting times today (median minutes)</Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Clinic</TableCell>
              <TableCell align="right">Visits</TableCell>
              <TableCell align="right">Arrival → call</TableCell>
              <TableCell align="right">Call → done</TableCell>
              <TableCell align="right">Left unseen</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((r) => (
              <TableRow key={r.clinicCode}>
                <TableCell>{r.clinicCode}</TableCell>
                <TableCell align="right">{r.visits}</TableCell>
                <TableCell align="right">{r.medianArrivalToCall ?? '–'}</TableCell>
                <TableCell align="right">{r.medianCallToDone ?? '–'}</TableCell>
                <TableCell align="right">{r.leftWithoutBeingSeen}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

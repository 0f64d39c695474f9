/**
 * What waits for me: the approvals of my roles (or addressed to me), soonest due first, with
 * the time left, and one-click approve or reject (a rejection asks why).
 */
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useNotify } from 'react-admin';
import type { HisDataProvider } from '../../../../admin/kit.js';
import { getJson } from '../api.js';

interface Waiting {
  id: string;
  resource: string;
  recordId: string;
  summary: string | null;
  level: number;
  chain: string[];
  role: string | null;
  dueAt: string | null;
  timeLeftMinutes?: number;
  overdue?: boolean;
}

export function timeLeft(minutes?: number) {
  if (minutes === undefined) return 'no deadline';
  const abs = Math.abs(minutes);
  const text = abs >= 1440 ? `${Math.floor(abs / 1440)} d ${Math.floor((abs % 1440) / 60)} h` : abs >= 60 ? `${Math.floor(abs / 60)} h ${abs % 60} min` : `${abs} min`;
  return minutes < 0 ? `overdue by ${text}` : `${text} left`;
}

export function ApprovalsInbox() {
  const dataProvider = useDataProvider<HisDataProvider>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery({ queryKey: ['approvals', 'inbox'], queryFn: () => getJson<Waiting[]>('/approvals/inbox'), refetchInterval: 60_000 });
  const [rejecting, setRejecting] = useState<Waiting | null>(null);
  const [comment, setComment] = useState('');

  const decide = async (a: Waiting, action: 'approve' | 'reject', body: Record<string, string> = {}) => {
    try {
      const { data: res } = await dataProvider.action('approvals', a.id, action, body);
      notify(action === 'reject' ? 'Rejected' : res.next ? `Approved; now waiting for ${res.next.role ?? 'the next approver'}` : 'Approved', { type: 'success' });
      setRejecting(null);
      setComment('');
      await queryClient.invalidateQueries({ queryKey: ['approvals', 'inbox'] });
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  return (
    <Box sx={{ p: 2 }}>
      <Title title="Approvals waiting for me" />
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {!isPending && data?.length === 0 && <Alert severity="success">Nothing waits for you.</Alert>}
      {data && data.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>What</TableCell><TableCell>Level</TableCell><TableCell>For</TableCell><TableCell>Time left</TableCell><TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  <Typography variant="body2">{a.summary ?? `${a.resource} ${a.recordId}`}</Typography>
                  <Typography variant="caption" color="text.secondary">{a.resource} {a.recordId}</Typography>
                </TableCell>
                <TableCell>{a.level} of {a.chain.length}</TableCell>
                <TableCell>{a.role ?? 'you'}</TableCell>
                <TableCell><Chip size="small" color={a.overdue ? 'error' : (a.timeLeftMinutes ?? Infinity) < 120 ? 'warning' : 'default'} label={timeLeft(a.timeLeftMinutes)} /></TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    <Button size="small" variant="contained" color="success" onClick={() => decide(a, 'approve')}>Approve</Button>
                    <Button size="small" variant="outlined" color="error" onClick={() => setRejecting(a)}>Reject</Button>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={Boolean(rejecting)} onClose={() => setRejecting(null)} fullWidth>
        <DialogTitle>Reject {rejecting?.summary}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth multiline minRows={2} name="comment" label="Why?" value={comment} onChange={(e) => setComment(e.target.value)} sx={{ mt: 1 }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRejecting(null)}>Cancel</Button>
          <Button color="error" disabled={!comment.trim()} onClick={() => rejecting && decide(rejecting, 'reject', { comment })}>Reject</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

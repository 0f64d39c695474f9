/** Every saved version of a rule set: who and when, a diff between any two, and activate. */
import { Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, type RaRecord } from 'react-admin';
import type { HisDataProvider } from '../../../../admin/kit.js';
import { diffLines } from './model.js';

interface Version {
  id: string;
  number: number;
  comment: string | null;
  authorName: string | null;
  createdAt: string;
  active: boolean;
}

export function VersionHistory({ record, canActivate }: { record: RaRecord & { versions: Version[] }; canActivate: boolean }) {
  const dataProvider = useDataProvider<HisDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const versions = record.versions ?? [];
  const [pair, setPair] = useState<[string | null, string | null]>([versions[1]?.id ?? null, versions[0]?.id ?? null]);
  const { data: bodies } = useQuery({
    queryKey: ['workflow-rule-versions', 'rules', pair],
    enabled: Boolean(pair[0] && pair[1]),
    queryFn: async () => (await dataProvider.getMany('workflow-rule-versions', { ids: pair.filter(Boolean) as string[] })).data,
  });
  const text = (id: string | null) => JSON.stringify(bodies?.find((v) => v.id === id)?.rules ?? [], null, 2);
  const activate = async (v: Version) => {
    try {
      await dataProvider.action('workflow-rules', record.id, 'activate', { versionId: v.id });
      notify(`Version ${v.number} is now active; the next case follows it`, { type: 'success' });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };
  return (
    <Box>
      <Typography variant="h6">Versions</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell><TableCell>Saved</TableCell><TableCell>By</TableCell><TableCell>Comment</TableCell><TableCell>Compare</TableCell><TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {versions.map((v) => (
            <TableRow key={v.id} selected={v.active}>
              <TableCell>{v.number} {v.active && <Chip size="small" color="success" label="active" />}</TableCell>
              <TableCell>{new Date(v.createdAt).toLocaleString()}</TableCell>
              <TableCell>{v.authorName}</TableCell>
              <TableCell>{v.comment}</TableCell>
              <TableCell>
                <Button size="small" variant={pair[0] === v.id ? 'contained' : 'text'} onClick={() => setPair([v.id, pair[1]])}>from</Button>
                <Button size="small" variant={pair[1] === v.id ? 'contained' : 'text'} onClick={() => setPair([pair[0], v.id])}>to</Button>
              </TableCell>
              <TableCell>{canActivate && !v.active && <Button size="small" onClick={() => activate(v)}>Activate</Button>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {bodies && pair[0] && pair[1] && (
        <Paper variant="outlined" sx={{ mt: 1, p: 1, fontFamily: 'monospace', fontSize: 12, maxHeight: 360, overflow: 'auto' }}>
          <Stack>
            {diffLines(text(pair[0]), text(pair[1])).map((l, i) => (
              <Box key={i} component="pre" sx={{ m: 0, whiteSpace: 'pre-wrap', bgcolor: l.kind === 'added' ? 'success.light' : l.kind === 'removed' ? 'error.light' : undefined }}>
                {l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}
                {l.text}
              </Box>
            ))}
          </Stack>
        </Paper>
      )}
    </Box>
  );
}

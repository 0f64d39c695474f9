/**
 * "Try it": runs the rules on facts the user types (the active version, a saved one, or what
 * is in the form now) and shows the decisions. Nothing is saved or sent.
 */
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, type RaRecord } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { HisDataProvider } from '../../../../admin/kit.js';
import { parseValue } from './model.js';

interface Decision {
  type: string;
  params: Record<string, unknown>;
  rule?: string;
}

export function TryIt({ record, facts }: { record: RaRecord & { versions?: { id: string; number: number }[] }; facts: string[] }) {
  const dataProvider = useDataProvider<HisDataProvider>();
  const formRules = useWatch({ name: 'rules' });
  const [values, setValues] = useState<Record<string, string>>({});
  const [source, setSource] = useState<string>('draft');
  const [result, setResult] = useState<{ decisions: Decision[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    const sample = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '').map(([k, v]) => [k, parseValue(v)]));
    const body = source === 'draft' ? { facts: sample, rules: formRules } : source === 'active' ? { facts: sample } : { facts: sample, versionId: source };
    try {
      setResult((await dataProvider.action('workflow-rules', record.id, 'test', body)).data);
    } catch (err) {
      const e = err as Error & { body?: { errors?: Record<string, string> } };
      setResult(null);
      setError([e.message, ...Object.entries(e.body?.errors ?? {}).map(([k, v]) => `${k}: ${v}`)].join('\n'));
    }
  };
  return (
    <Box>
      <Typography variant="h6">Try it</Typography>
      <Box sx={{ display: 'flex', gap: 1, my: 1, flexWrap: 'wrap' }}>
        <TextField select size="small" label="Rules" name="tryit.source" value={source} onChange={(e) => setSource(e.target.value)} sx={{ minWidth: 180 }}>
          <MenuItem value="draft">as in the form</MenuItem>
          <MenuItem value="active">the active version</MenuItem>
          {(record.versions ?? []).map((v) => (
            <MenuItem key={v.id} value={v.id}>version {v.number}</MenuItem>
          ))}
        </TextField>
        {facts.map((f) => (
          <TextField key={f} size="small" label={f} name={`tryit.facts.${f}`} value={values[f] ?? ''} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
        ))}
        <Button variant="contained" onClick={run}>Run</Button>
      </Box>
      {error && <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>{error}</Alert>}
      {result && (result.decisions.length === 0 ? (
        <Alert severity="info">No rule fires for these facts.</Alert>
      ) : (
        <Stack spacing={0.5}>
          {result.decisions.map((d, i) => (
            <Alert key={i} severity="success">
              <strong>{d.type}</strong> {JSON.stringify(d.params)} {d.rule && <em>(rule “{d.rule}”)</em>}
            </Alert>
          ))}
        </Stack>
      ))}
    </Box>
  );
}

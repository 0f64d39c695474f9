/**
 * The `rules` field of a rule set: the structured editor (conditions and decision per rule)
 * beside the raw JSON for experts. Both edit the same value; the JSON is applied with a button
 * so a half-typed edit never wipes the form.
 */
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, Card, CardContent, Grid, IconButton, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useInput } from 'react-admin';
import { useFormState, type FieldErrors } from 'react-hook-form';
import type { Catalog } from '../api.js';
import { ConditionGroup } from './ConditionGroup.js';
import { DecisionEditor } from './DecisionEditor.js';
import { newRule, type Rule } from './model.js';

/** The server's per-field errors (`rules.0.conditions.all.1.operator`) as lines to show. */
function flatten(errors: unknown, at = 'rules'): string[] {
  if (!errors || typeof errors !== 'object') return [];
  const e = errors as { message?: unknown } & Record<string, unknown>;
  const own = typeof e.message === 'string' && e.message ? [`${at}: ${e.message}`] : [];
  return [...own, ...Object.entries(e).filter(([k]) => !['message', 'type', 'ref', 'types', 'root'].includes(k)).flatMap(([k, v]) => flatten(v, `${at}.${k}`))];
}

export function RulesInput({ catalog, facts }: { catalog: Catalog; facts: string[] }) {
  const { field } = useInput({ source: 'rules', defaultValue: [newRule()] });
  const { errors } = useFormState();
  const problems = flatten((errors as FieldErrors).rules);
  const rules: Rule[] = Array.isArray(field.value) ? field.value : [];
  const [revision, setRevision] = useState(0);
  const [raw, setRaw] = useState<string | null>(null);
  const [rawError, setRawError] = useState<string | null>(null);
  const set = (next: Rule[]) => field.onChange(next);
  const setRule = (i: number, r: Rule) => set(rules.map((x, k) => (k === i ? r : x)));
  const text = raw ?? JSON.stringify(rules, null, 2);

  const applyRaw = () => {
    try {
      const parsed = JSON.parse(text);
      if (!Array.isArray(parsed)) throw new Error('the rules must be a JSON list');
      set(parsed);
      setRaw(null);
      setRawError(null);
      setRevision((r) => r + 1);
    } catch (err) {
      setRawError((err as Error).message);
    }
  };

  return (
    <Grid container spacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Stack spacing={2} key={revision}>
          {rules.map((rule, i) => (
            <Card key={i} variant="outlined">
              <CardContent>
                <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
                  <TextField size="small" label="Rule name" name={`rules.${i}.name`} value={rule.name ?? ''} onChange={(e) => setRule(i, { ...rule, name: e.target.value })} sx={{ flex: 1 }} />
                  <TextField size="small" type="number" label="Priority" name={`rules.${i}.priority`} value={rule.priority ?? 1} onChange={(e) => setRule(i, { ...rule, priority: Math.max(1, Number(e.target.value) || 1) })} sx={{ width: 100 }} />
                  <IconButton aria-label="Remove rule" onClick={() => set(rules.filter((_, k) => k !== i))}><DeleteIcon /></IconButton>
                </Stack>
                <Typography variant="overline">When</Typography>
                <ConditionGroup group={rule.conditions} facts={facts} operators={catalog.operators} path={`rules.${i}.conditions`} onChange={(g) => setRule(i, { ...rule, conditions: g })} />
                <Typography variant="overline" component="div" sx={{ mt: 1 }}>Then</Typography>
                <DecisionEditor event={rule.event} catalog={catalog} path={`rules.${i}.event`} onChange={(e) => setRule(i, { ...rule, event: e })} />
              </CardContent>
            </Card>
          ))}
          <Box>
            <Button startIcon={<AddIcon />} onClick={() => set([...rules, newRule()])}>Add a rule</Button>
          </Box>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Typography variant="overline">Rules as JSON</Typography>
        <TextField multiline fullWidth minRows={16} name="rulesJson" value={text} onChange={(e) => setRaw(e.target.value)} slotProps={{ input: { sx: { fontFamily: 'monospace', fontSize: 13 } } }} />
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button variant="outlined" disabled={raw === null} onClick={applyRaw}>Apply JSON</Button>
          <Button disabled={raw === null} onClick={() => { setRaw(null); setRawError(null); }}>Discard</Button>
        </Stack>
        {rawError && <Alert severity="error" sx={{ mt: 1 }}>{rawError}</Alert>}
        {problems.length > 0 && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </Alert>
        )}
      </Grid>
    </Grid>
  );
}

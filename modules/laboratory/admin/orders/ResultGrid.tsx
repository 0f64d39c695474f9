/**
 * Result entry: one row per test, the flag shown while typing (the same function the server
 * uses, from the range kept at collection), saved together; then another person verifies.
 */
import { Button, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { HisDataProvider } from '../../../../admin/kit.js';
import { codedFlag, numericFlag, rangeText, type Flag } from '../../ranges.js';
import { FLAG_COLORS } from '../choices.js';

export interface ResultRow {
  id: string;
  testCode: string;
  testName: string;
  panelName?: string | null;
  resultType: 'numeric' | 'coded';
  codedValues: string[];
  abnormalValues: string[];
  unit: string | null;
  status: string;
  valueNumeric: number | null;
  valueCoded: string | null;
  flag: Flag;
  rangeLow: number | null;
  rangeHigh: number | null;
  criticalLow: number | null;
  criticalHigh: number | null;
}

const liveFlag = (r: ResultRow, typed: string): Flag => {
  if (typed.trim() === '') return null;
  if (r.resultType === 'coded') return codedFlag(typed, r.abnormalValues ?? []);
  const n = Number(typed.replace(',', '.'));
  return numericFlag(n, { sex: 'any', ageFromDays: 0, ageToDays: null, low: r.rangeLow, high: r.rangeHigh, criticalLow: r.criticalLow, criticalHigh: r.criticalHigh });
};

export const FlagChip = ({ flag }: { flag: Flag }) => (flag ? <Chip size="small" label={flag} color={FLAG_COLORS[flag] ?? 'default'} /> : null);

export function ResultGrid({ orderId, results, editable }: { orderId: string; results: ResultRow[]; editable: boolean }) {
  const dataProvider = useDataProvider<HisDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const open = results.filter((r) => r.status === 'pending' || r.status === 'entered');
  const save = async () => {
    const entries = open.filter((r) => (typed[r.id] ?? '').trim() !== '');
    try {
      await dataProvider.action('lab-orders', orderId, 'results', {
        results: entries.map((r) => ({ resultId: r.id, value: r.resultType === 'numeric' ? Number(typed[r.id].replace(',', '.')) : typed[r.id] })),
      });
      setTyped({});
      setErrors({});
      notify('Results saved', { type: 'success' });
      refresh();
    } catch (e) {
      const body = (e as { body?: { errors?: Record<string, string> }; message: string }).body;
      const byRow: Record<string, string> = {};
      for (const [k, v] of Object.entries(body?.errors ?? {})) {
        const i = Number(k.split('.')[1]);
        if (entries[i]) byRow[entries[i].id] = v;
      }
      setErrors(byRow);
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack spacing={1}>
      <Table size="small">
        <TableHead>
          <TableRow><TableCell>Test</TableCell><TableCell>Result</TableCell><TableCell>Unit</TableCell><TableCell>Flag</TableCell><TableCell>Range</TableCell><TableCell>Status</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {results.map((r) => {
            const canEdit = editable && (r.status === 'pending' || r.status === 'entered');
            const stored = r.valueNumeric ?? r.valueCoded ?? '';
            const value = typed[r.id] ?? '';
            const flag = value ? liveFlag(r, value) : r.flag;
            return (
              <TableRow key={r.id} sx={flag === 'LL' || flag === 'HH' ? { backgroundColor: '#ffebee' } : undefined}>
                <TableCell>{r.panelName ? `${r.panelName}: ` : ''}{r.testName}</TableCell>
                <TableCell>
                  {canEdit ? (
                    r.resultType === 'coded' && r.codedValues.length ? (
                      <TextField select size="small" name={`result-${r.testCode}`} value={value || String(stored)} onChange={(e) => setTyped({ ...typed, [r.id]: e.target.value })} sx={{ minWidth: 160 }} error={!!errors[r.id]} helperText={errors[r.id]}>
                        {r.codedValues.map((v) => <MenuItem key={v} value={v}>{v}</MenuItem>)}
                      </TextField>
                    ) : (
                      <TextField size="small" name={`result-${r.testCode}`} placeholder={String(stored)} value={value} onChange={(e) => setTyped({ ...typed, [r.id]: e.target.value })} sx={{ width: 120 }} error={!!errors[r.id]} helperText={errors[r.id]} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
                    )
                  ) : (
                    String(stored)
                  )}
                </TableCell>
                <TableCell>{r.unit}</TableCell>
                <TableCell data-testid={`flag-${r.testCode}`}><FlagChip flag={flag} /></TableCell>
                <TableCell>{rangeText({ low: r.rangeLow, high: r.rangeHigh })}</TableCell>
                <TableCell>{r.status}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {editable && open.length > 0 && (
        <Button variant="contained" onClick={save} disabled={!Object.values(typed).some((v) => v.trim())} sx={{ alignSelf: 'flex-start' }}>
          Save results
        </Button>
      )}
    </Stack>
  );
}

/**
 * The priority the triage rules give what has been typed so far, asked of the API as the form
 * changes (the rules live on the server, editable by the facility head).
 */
import { Alert, Chip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { HisDataProvider } from '../../../../admin/kit.js';

const COLORS: Record<string, 'error' | 'warning' | 'info' | 'success'> = { emergency: 'error', 'very-urgent': 'warning', urgent: 'info', routine: 'success' };
const clean = (v: Record<string, unknown> = {}) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== '' && x !== undefined));

export function ComputedPriority() {
  const dataProvider = useDataProvider<HisDataProvider>();
  const [visitId, chiefComplaint, dangerSigns, vitals] = useWatch({ name: ['visitId', 'chiefComplaint', 'dangerSigns', 'vitals'] });
  const [result, setResult] = useState<{ priority: string; decidedBy: string | null; bmi: number | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const key = JSON.stringify({ visitId, chiefComplaint, dangerSigns, vitals });
  useEffect(() => {
    const t = setTimeout(() => {
      dataProvider
        .collectionAction('triage-assessments', 'evaluate', { visitId: visitId || undefined, chiefComplaint: chiefComplaint ?? '', dangerSigns: dangerSigns ?? [], vitals: clean(vitals) })
        .then(
          (r) => (setResult(r.data), setProblem(null)),
          (e: any) => setProblem(e?.body?.message ?? e.message),
        );
    }, 300);
    return () => clearTimeout(t);
  }, [key]);
  if (problem) return <Alert severity="warning">{problem}</Alert>;
  if (!result) return null;
  return (
    <Alert severity={result.priority === 'routine' ? 'success' : 'warning'} icon={false} data-testid="computed-priority" sx={{ mb: 2 }}>
      Priority by the triage rules: <Chip label={result.priority} color={COLORS[result.priority]} size="small" />
      {result.decidedBy && <span> ({result.decidedBy})</span>}
      {result.bmi != null && <span> · BMI {result.bmi}</span>}
    </Alert>
  );
}

/**
 * The triage priority comes from the rule set(s) listening to `triage.assessed` (default:
 * rules/triage-priority.json, editable in the rule store); this file only gathers the facts
 * and takes the most severe `priority.set` decision. No rule firing means routine.
 */
import type { Services } from '../../server/host/services.js';
import { bmiOf, type Vitals } from './vital-ranges.js';
import { TRIAGE_PRIORITIES, type TriagePriority } from './validation.js';

export const TRIAGE_EVENT = 'triage.assessed';
export const TRIAGE_FACTS = [
  'systolic',
  'diastolic',
  'pulse',
  'respiratoryRate',
  'temperature',
  'spo2',
  'painScore',
  'bloodGlucose',
  'bmi',
  'ageYears',
  'chiefComplaint',
  'complaintWords',
  'dangerSigns',
];

export function triageFacts(input: { vitals?: Vitals | null; chiefComplaint?: string; dangerSigns?: string[]; ageYears?: number | null }) {
  const v = input.vitals ?? {};
  const complaint = (input.chiefComplaint ?? '').toLowerCase();
  const facts: Record<string, unknown> = {
    systolic: v.systolic ?? undefined,
    diastolic: v.diastolic ?? undefined,
    pulse: v.pulse ?? undefined,
    respiratoryRate: v.respiratoryRate ?? undefined,
    temperature: v.temperature ?? undefined,
    spo2: v.spo2 ?? undefined,
    painScore: v.painScore ?? undefined,
    bloodGlucose: v.bloodGlucose ?? undefined,
    bmi: bmiOf(v) ?? undefined,
    ageYears: input.ageYears ?? undefined,
    chiefComplaint: complaint,
    // Words let a rule match a complaint ("contains convulsion") without code.
    complaintWords: complaint.split(/[^a-z0-9]+/).filter(Boolean),
    dangerSigns: input.dangerSigns ?? [],
  };
  // A reading not taken is absent, not a value: rules about it do not fire.
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}

export async function decidePriority(services: Services, facts: Record<string, unknown>) {
  const decisions = (await services.rules.decide(TRIAGE_EVENT, facts)).filter(
    (d) => d.type === 'priority.set' && TRIAGE_PRIORITIES.includes(d.params.priority as TriagePriority),
  );
  const rank = (p: unknown) => TRIAGE_PRIORITIES.indexOf(p as TriagePriority);
  const top = decisions.sort((a, b) => rank(a.params.priority) - rank(b.params.priority))[0];
  return {
    priority: (top?.params.priority as TriagePriority | undefined) ?? 'routine',
    decidedBy: top ? `${top.ruleSet}${top.rule ? `: ${top.rule}` : ''}` : null,
  };
}

/** Helpers for the referral tests: patients, referrals and the routing rule set through the API. */
import { expect } from 'vitest';
import { unique, type Api } from '../../tests/support/harness.js';

export async function newPatient(clerk: Api, over: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/patients', { givenName: 'Achieng', familyName: `Referred${unique()}`, sex: 'female', birthDate: '1991-06-15', ...over });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; mrn: string; givenName: string; familyName: string };
}

export async function draftReferral(physician: Api, patientId: string, over: Record<string, unknown> = {}) {
  const res = await physician.post('/api/referrals', { patientId, specialty: 'maternity', urgency: 'routine', reason: 'Antenatal care at 32 weeks', ...over });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; number: string; status: string; version: number };
}

export async function submitted(physician: Api, referralId: string) {
  const res = await physician.post(`/api/referrals/${referralId}/submit`, {});
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** The routing rule set as the rule editor shows it. */
export async function routingRuleSet(head: Api) {
  const list = await head.list('workflow-rules', { filter: { q: 'referral-routing' } });
  const found = list.body.find((r: { key: string }) => r.key === 'referral-routing');
  expect(found, 'the referral-routing rule set is loaded from modules/referrals/rules').toBeTruthy();
  return (await head.get(`/api/workflow-rules/${found.id}`)).body as { id: string; rules: any[]; activeVersionId: string; version: number };
}

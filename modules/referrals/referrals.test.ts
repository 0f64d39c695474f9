import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from '../../tests/support/harness.js';
import { pdfText } from '../../tests/documents/pdf-text.js';
import { Conflict } from '../../server/http/errors.js';
import { draftReferral, newPatient, routingRuleSet, submitted } from './testing.js';

let server: TestServer;
let uploadDir: string;
let clerk: Api;
let physician: Api;
let otherPhysician: Api;
let medicalAdmin: Api;
let head: Api;

const query = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) =>
  server.host.db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
const fetchBytes = async (api: Api, url: string) => {
  const res = await fetch(`${api.base}${url}`, { headers: { authorization: `Bearer ${api.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
};

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'his-referrals-'));
  server = await startServer({ only: ['referrals'], env: { UPLOAD_DIR: uploadDir } });
  [clerk, physician, medicalAdmin, head] = await Promise.all(
    ['registration', 'physician', 'medical_admin', 'facility_head'].map((r) => server.login(`${r}@healthcare.com`)),
  );
  const admin = await server.login('admin@healthcare.com');
  const email = `physician.${unique()}@healthcare.com`;
  const created = await admin.post('/api/users', { email, name: 'Second Physician', roles: ['physician'], password: 'Second-physician-2026!' });
  expect(created.status, created.text).toBe(201);
  otherPhysician = await server.login(email, 'Second-physician-2026!');
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

describe('a referral from submission to the answer', () => {
  it('goes from draft to sent, accepted and completed, with its letter printed and names printed as text', async () => {
    const patient = await newPatient(clerk, { givenName: '<script>alert(1)</script>' });
    const draft = await draftReferral(physician, patient.id, { reason: 'Antenatal care, BP <b>150/95</b>', clinicalSummary: 'G2P1 at 32 weeks' });
    expect(draft).toMatchObject({ status: 'draft', number: expect.stringMatching(/^REF\d{6}$/) });

    const sent = await submitted(physician, draft.id);
    expect(sent).toMatchObject({ status: 'sent', priority: 'routine', letterAttachmentId: expect.any(String) });
    expect(sent.submission).toMatchObject({ status: 'sent', approvalRequired: false, destination: { code: 'MCH', external: false } });
    expect(sent.submission.decisions.map((d: { type: string }) => d.type)).toEqual(expect.arrayContaining(['referral.route', 'sla.set']));
    // Routine referrals are answered within a week (the rule set's sla.set).
    const dueIn = new Date(sent.answerDueAt).getTime() - new Date(sent.sentAt).getTime();
    expect(dueIn).toBe(7 * 24 * 3600_000);

    const pdf = await fetchBytes(physician, `/api/referrals/${draft.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = pdfText(pdf.bytes);
    expect(text).toContain(`Referral letter ${draft.number}`);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('Antenatal care, BP <b>150/95</b>');
    expect(text).toContain('Maternal and Child Health clinic');
    expect(text).toContain(patient.mrn);
    expect(text).toContain(server.host.config.facility.name);

    // The letter as submitted is kept with the referral.
    const letter = await fetchBytes(physician, `/api/attachments/${sent.letterAttachmentId}/download`);
    expect(letter.status).toBe(200);
    expect(pdfText(letter.bytes)).toContain(draft.number);

    const accepted = await physician.post(`/api/referrals/${draft.id}/accept`, { reply: 'Booked at the ANC clinic', appointmentAt: '2030-01-15T09:00:00Z' });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', reply: 'Booked at the ANC clinic', answeredAt: expect.any(String) });
    const completed = await physician.post(`/api/referrals/${draft.id}/complete`, { outcome: 'Delivered at term, mother and baby well' });
    expect(completed.body.status).toBe('completed');

    const audit = await query<{ action: string }>(`SELECT action FROM audit_logs WHERE resource = 'referrals' AND record_id = :id ORDER BY id`, { id: draft.id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'submit', 'print', 'accept', 'complete']);
    const notified = await query(`SELECT template FROM notifications WHERE resource = 'referrals' AND record_id = :id`, { id: draft.id });
    expect(notified).toEqual([{ template: 'referrals/referral-submitted' }]);
  });

  it('the destination refusing is recorded with its reply; an answered referral cannot be answered again', async () => {
    const patient = await newPatient(clerk);
    const r = await draftReferral(physician, patient.id, { specialty: 'paediatrics' });
    await submitted(physician, r.id);
    const refused = await physician.post(`/api/referrals/${r.id}/reject`, { reply: 'No paediatrician this week' });
    expect(refused.body).toMatchObject({ status: 'rejected', reply: 'No paediatrician this week' });
    expect((await physician.post(`/api/referrals/${r.id}/accept`, { reply: 'changed our mind' })).status).toBe(409);
    expect((await physician.post(`/api/referrals/${r.id}/complete`, { outcome: 'x' })).status).toBe(409);
  });
});

describe('routing by the rules', () => {
  it('a facility head edits the routing rule set and the next referral goes where it now says, with no restart', async () => {
    const patient = await newPatient(clerk);
    const before = await submitted(physician, (await draftReferral(physician, patient.id, { specialty: 'cardiology' })).id);
    expect(before.submission.destination.code).toBe('KNH');

    const set = await routingRuleSet(head);
    const rules = set.rules.map((r: any) =>
      r.event.type === 'referral.route' && r.event.params.destination === 'KNH' ? { ...r, event: { ...r.event, params: { ...r.event.params, destination: 'CRH' } } } : r,
    );
    const edit = await head.put(`/api/workflow-rules/${set.id}`, { rules, comment: 'KNH cardiology clinic closed: send to the county hospital' });
    expect(edit.status, edit.text).toBe(200);
    try {
      const after = await submitted(physician, (await draftReferral(physician, patient.id, { specialty: 'cardiology' })).id);
      expect(after.submission.destination.code).toBe('CRH');
      expect(after.routedBy).toContain('Heart, cancer and brain cases');
    } finally {
      const restore = await head.post(`/api/workflow-rules/${set.id}/activate`, { versionId: set.activeVersionId });
      expect(restore.status).toBe(200);
    }
  });

  it('the insurance of the patient is a fact: NHIF imaging goes to the contracted centre', async () => {
    const patient = await newPatient(clerk);
    await clerk.post('/api/patient-insurances', { patientId: patient.id, payerCode: 'NHIF', payerName: 'National Health Insurance Fund', memberNumber: `NHIF-${unique()}`, validFrom: '2020-01-01' });
    const r = await submitted(physician, (await draftReferral(physician, patient.id, { specialty: 'radiology' })).id);
    expect(r.submission.destination.code).toBe('IMG');
  });

  it('with no rule for the specialty, the physician chooses; without a choice it is a 409 and the draft is unchanged', async () => {
    const patient = await newPatient(clerk);
    const r = await draftReferral(physician, patient.id, { specialty: 'dermatology' });
    const refused = await physician.post(`/api/referrals/${r.id}/submit`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.errors.requestedDestinationId).toBeDefined();
    expect((await physician.get(`/api/referrals/${r.id}`)).body).toMatchObject({ status: 'draft', destinationId: null, letterAttachmentId: null });

    const [mch] = (await physician.list('facilities', { filter: { q: 'MCH' } })).body;
    await physician.put(`/api/referrals/${r.id}`, { requestedDestinationId: mch.id });
    const sent = await submitted(physician, r.id);
    expect(sent).toMatchObject({ status: 'sent', destinationId: mch.id, routedBy: 'chosen by the referring physician' });
  });
});

describe('approval of external referrals', () => {
  it("an external referral waits for the medical administrator's approval, then is sent", async () => {
    const patient = await newPatient(clerk);
    const r = await submitted(physician, (await draftReferral(physician, patient.id, { specialty: 'oncology', urgency: 'urgent' })).id);
    expect(r).toMatchObject({ status: 'pending_approval', sentAt: null });
    expect(r.submission).toMatchObject({ approvalRequired: true, destination: { code: 'KNH', external: true } });

    const [approval] = await query<{ id: string; role: string; status: string }>(`SELECT id, role, status FROM approvals WHERE resource = 'referrals' AND record_id = :id`, { id: r.id });
    expect(approval).toMatchObject({ role: 'medical_admin', status: 'pending' });
    expect((await physician.post(`/api/approvals/${approval.id}/approve`, {})).status).toBe(403);
    // Nobody records an answer before the referral has gone out.
    expect((await physician.post(`/api/referrals/${r.id}/accept`, { reply: 'too early' })).status).toBe(409);

    const approved = await medicalAdmin.post(`/api/approvals/${approval.id}/approve`, { comment: 'Agreed' });
    expect(approved.status, approved.text).toBe(200);
    const after = (await physician.get(`/api/referrals/${r.id}`)).body;
    expect(after).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    // Urgent: answer within a day of being sent.
    expect(new Date(after.answerDueAt).getTime() - new Date(after.sentAt).getTime()).toBe(24 * 3600_000);
    const [audit] = await query(`SELECT user_email, after FROM audit_logs WHERE resource = 'referrals' AND record_id = :id AND action = 'approved'`, { id: r.id });
    expect(audit).toMatchObject({ user_email: 'medical_admin@healthcare.com', after: { status: 'sent' } });
  });

  it('a refused approval returns the referral to the physician as a draft with the comment', async () => {
    const patient = await newPatient(clerk);
    const r = await submitted(physician, (await draftReferral(physician, patient.id, { specialty: 'neurology' })).id);
    const [approval] = await query<{ id: string }>(`SELECT id FROM approvals WHERE resource = 'referrals' AND record_id = :id`, { id: r.id });
    const refused = await medicalAdmin.post(`/api/approvals/${approval.id}/reject`, { comment: 'Try the county neurologist first' });
    expect(refused.status, refused.text).toBe(200);
    expect((await physician.get(`/api/referrals/${r.id}`)).body).toMatchObject({ status: 'draft', approvalComment: 'Try the county neurologist first' });
  });

  it('an emergency goes out at once, even to another facility', async () => {
    const patient = await newPatient(clerk);
    const r = await submitted(physician, (await draftReferral(physician, patient.id, { specialty: 'surgery', urgency: 'emergency' })).id);
    expect(r).toMatchObject({ status: 'sent', priority: 'emergency' });
    expect(r.submission.destination).toMatchObject({ code: 'CRH', external: true });
  });
});

describe('the submission workflow', () => {
  it('a hook adds a step without editing the workflow; when it fails, the steps before it are undone (the letter file too)', async () => {
    const { submitReferralWorkflow } = await import('./submission.workflow.js');
    const seen: string[] = [];
    const failFor = new Set<string>();
    submitReferralWorkflow.hooks.referralSubmitted(async (input: { referralId: string }) => {
      seen.push(input.referralId);
      if (failFor.has(input.referralId)) throw new Conflict('The hook refused this referral');
    });

    const patient = await newPatient(clerk);
    const ok = await submitted(physician, (await draftReferral(physician, patient.id)).id);
    expect(seen).toContain(ok.id);

    const files = () => fs.readdirSync(uploadDir, { recursive: true }).filter((f) => String(f).endsWith('.pdf')).length;
    const filesBefore = files();
    const doomed = await draftReferral(physician, patient.id);
    failFor.add(doomed.id);
    const res = await physician.post(`/api/referrals/${doomed.id}/submit`, {});
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('The hook refused this referral');
    expect((await physician.get(`/api/referrals/${doomed.id}`)).body).toMatchObject({ status: 'draft', destinationId: null, letterAttachmentId: null });
    expect(await query(`SELECT id FROM attachments WHERE record_id = :id`, { id: doomed.id })).toEqual([]);
    expect(files()).toBe(filesBefore);
  });
});

describe('who sees what', () => {
  it("a physician sees only their own referrals and their letters; registration sees where a referral stands, not why", async () => {
    const patient = await newPatient(clerk);
    const r = await submitted(physician, (await draftReferral(physician, patient.id, { reason: 'Private clinical reason' })).id);
    expect((await otherPhysician.get(`/api/referrals/${r.id}`)).status).toBe(403);
    expect((await otherPhysician.list('referrals', { filter: { patientId: patient.id } })).body).toEqual([]);
    expect((await otherPhysician.post(`/api/referrals/${r.id}/accept`, { reply: 'x' })).status).toBe(403);
    expect((await fetchBytes(otherPhysician, `/api/attachments/${r.letterAttachmentId}/download`)).status).toBe(403);
    expect((await fetchBytes(medicalAdmin, `/api/attachments/${r.letterAttachmentId}/download`)).status).toBe(200);

    const asClerk = await clerk.get(`/api/referrals/${r.id}`);
    expect(asClerk.status).toBe(200);
    expect(asClerk.body).toMatchObject({ status: 'sent', number: r.number, destination: expect.objectContaining({ code: 'MCH' }) });
    expect(asClerk.body).not.toHaveProperty('reason');
    expect(asClerk.body).not.toHaveProperty('clinicalSummary');
    expect((await clerk.post('/api/referrals', { patientId: patient.id, specialty: 'maternity', urgency: 'routine', reason: 'x' })).status).toBe(403);
    expect((await head.get(`/api/referrals/${r.id}`)).body.reason).toBe('Private clinical reason');
  });

  it('bad input is a 400 with per-field errors; a submitted referral is not edited or submitted again', async () => {
    const empty = await physician.post('/api/referrals', {});
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.errors)).toEqual(expect.arrayContaining(['patientId', 'reason', 'specialty', 'urgency']));
    const patient = await newPatient(clerk);
    const badRefs = await physician.post('/api/referrals', { patientId: patient.id, specialty: 'maternity', urgency: 'soon', reason: 'x', encounterId: '00000000-0000-4000-8000-000000000000' });
    expect(badRefs.status).toBe(400);
    const unknownEncounter = await physician.post('/api/referrals', { patientId: patient.id, specialty: 'maternity', urgency: 'routine', reason: 'Antenatal', encounterId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownEncounter.body.errors).toEqual({ encounterId: 'no such encounter' });
    const r = await draftReferral(physician, patient.id);
    await submitted(physician, r.id);
    expect((await physician.put(`/api/referrals/${r.id}`, { reason: 'Changed after sending' })).status).toBe(409);
    expect((await physician.post(`/api/referrals/${r.id}/submit`, {})).status).toBe(409);
  });
});

describe('answers that do not come', () => {
  it('an overdue answer escalates once: marked, audited, and the medical administrators are told', async () => {
    const patient = await newPatient(clerk);
    const r = await submitted(physician, (await draftReferral(physician, patient.id)).id);
    await server.host.db.sequelize.query(`UPDATE referrals SET answer_due_at = now() - interval '1 hour' WHERE id = :id`, { replacements: { id: r.id } });
    const first = (await server.host.services.jobs.runNow('referrals.escalate-overdue')) as { escalated: string[] };
    expect(first.escalated).toContain(r.id);
    const again = (await server.host.services.jobs.runNow('referrals.escalate-overdue')) as { escalated: string[] };
    expect(again.escalated).not.toContain(r.id);
    const [row] = await query<{ escalated_at: Date | null }>(`SELECT escalated_at FROM referrals WHERE id = :id`, { id: r.id });
    expect(row.escalated_at).not.toBeNull();
    expect(await query(`SELECT action FROM audit_logs WHERE resource = 'referrals' AND record_id = :id AND action = 'escalate'`, { id: r.id })).toHaveLength(1);
    const told = await query<{ template: string; user_id: string }>(`SELECT template, user_id FROM notifications WHERE record_id = :id AND template = 'referrals/referral-overdue'`, { id: r.id });
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect((await physician.list('referrals', { filter: { overdue: true, patientId: patient.id } })).body.map((x: { id: string }) => x.id)).toEqual([r.id]);
  });
});

describe('referral KPIs', () => {
  it('by destination and status, acceptance rate and median time to an answer', async () => {
    const byDest = await medicalAdmin.get('/api/kpis/referrals-by-destination-and-status');
    expect(byDest.status).toBe(200);
    expect(byDest.body).toEqual(expect.arrayContaining([expect.objectContaining({ destination: expect.stringContaining('Maternal'), status: 'completed' })]));
    const rate = await medicalAdmin.get('/api/kpis/referrals-acceptance-rate');
    expect(rate.body).toMatchObject({ answered: expect.any(Number), accepted: expect.any(Number) });
    expect(rate.body.rate).toBeGreaterThan(0);
    expect(rate.body.rate).toBeLessThanOrEqual(1);
    const median = await head.get('/api/kpis/referrals-median-answer-hours');
    expect(median.body.medianHours).toEqual(expect.any(Number));
    const helpdesk = await server.login('helpdesk@healthcare.com');
    expect((await helpdesk.get('/api/kpis/referrals-acceptance-rate')).status).toBe(403);
  });
});

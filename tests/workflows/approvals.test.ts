import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../server/http/context.js';
import type { DecisionRegistry } from '../../server/workflows/decisions.js';
import { startServer, unique, type Api, type TestServer } from '../support/harness.js';
import { createRequestsTable, newRequest, requestStatus, TEST_EVENT, testDepartment } from './support.js';

let server: TestServer;
let head: Api;
let medical: Api;
let clerk: Api;
let physician: Api;
let admin: Api;
let clerkCtx: RequestContext;

beforeAll(async () => {
  server = await startServer({ only: ['wf-test'], extraModules: [testDepartment] });
  await createRequestsTable(server.host.db.sequelize);
  head = await server.login('facility_head@healthcare.com');
  medical = await server.login('medical_admin@healthcare.com');
  clerk = await server.login('registration@healthcare.com');
  physician = await server.login('physician@healthcare.com');
  admin = await server.login('admin@healthcare.com');
  const me = await clerk.get('/api/auth/me');
  clerkCtx = { user: { id: me.body.user?.id ?? me.body.id, email: 'registration@healthcare.com', name: 'Demo clerk', roles: ['registration'] }, requestId: 'test' };
});
afterAll(() => server?.close());

const sql = <T = Record<string, any>>(text: string, replacements: Record<string, unknown> = {}) =>
  server.host.db.sequelize.query(text, { replacements, type: 'SELECT' }) as Promise<T[]>;

/** A rule set that only fires for its own department, so tests never see each other's. */
async function ruleSet(params: Record<string, unknown>) {
  const department = `dept-${unique()}`;
  const res = await head.post('/api/workflow-rules', {
    key: `wf-test-${unique()}`,
    event: TEST_EVENT,
    rules: [{ name: 'needs approval', conditions: { all: [{ fact: 'department', operator: 'equal', value: department }] }, event: { type: 'approval.required', params } }],
  });
  expect(res.status, res.text).toBe(201);
  return department;
}

/** What a department's submit action does: save, ask the rules, apply the decisions, in one transaction. */
async function submit(department: string, opts: { refuseApproval?: boolean } = {}) {
  const id = `req-${unique()}`;
  const { sequelize } = server.host.db;
  const { services } = server.host;
  await sequelize.transaction(async () => {
    await newRequest(sequelize, id, opts);
    const decisions = await services.rules.decide(TEST_EVENT, { days: 3, department });
    await services.get<DecisionRegistry>('decisions').apply(decisions, { resource: 'wf-test-requests', recordId: id, summary: `Request ${id}`, facts: { department }, ctx: clerkCtx });
  });
  return id;
}

const levels = (id: string) => sql(`SELECT id, level, role, status, decision, due_at, escalated_at, escalated_from FROM approvals WHERE record_id = :id ORDER BY created_at`, { id });
const inboxIds = async (api: Api) => ((await api.get('/api/approvals/inbox')).body as { recordId: string }[]).map((a) => a.recordId);

describe('approvals', () => {
  it('a two-level chain: each level waits in its role\'s inbox, the last approval moves the record on in the same transaction', async () => {
    const dept = await ruleSet({ chain: ['facility_head', 'medical_admin'], slaHours: 24 });
    const id = await submit(dept);
    const [first] = await levels(id);
    expect(first).toMatchObject({ level: 1, role: 'facility_head', status: 'pending' });
    expect(new Date(first.due_at).getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(await inboxIds(head)).toContain(id);
    expect(await inboxIds(medical)).not.toContain(id);
    const inboxRow = (await head.get('/api/approvals/inbox')).body.find((a: { recordId: string }) => a.recordId === id);
    expect(inboxRow.timeLeftMinutes).toBeGreaterThan(1430);

    const one = await head.post(`/api/approvals/${first.id}/approve`, { comment: 'fine by me' });
    expect(one.status, one.text).toBe(200);
    expect(one.body.next).toMatchObject({ level: 2, role: 'medical_admin', status: 'pending' });
    expect(await requestStatus(server.host.db.sequelize, id)).toBe('pending approval');
    expect(await inboxIds(medical)).toContain(id);
    // The deciders of level 2 were told: each active medical_admin once.
    const told = await sql(`SELECT n.user_id, n.template FROM notifications n WHERE n.record_id = :a`, { a: one.body.next.id });
    const deciders = await sql(`SELECT id FROM users WHERE active AND 'medical_admin' = ANY(roles)`);
    expect(told.map((t) => t.user_id).sort()).toEqual(deciders.map((d) => d.id).sort());
    expect(new Set(told.map((t) => t.template))).toEqual(new Set(['notifications/approval-requested']));

    const two = await medical.post(`/api/approvals/${one.body.next.id}/approve`, {});
    expect(two.status, two.text).toBe(200);
    expect(await requestStatus(server.host.db.sequelize, id)).toBe('approved');
    expect((await levels(id)).map((l) => [l.level, l.status, l.decision])).toEqual([
      [1, 'decided', 'approved'],
      [2, 'decided', 'approved'],
    ]);
    const audit = await sql(`SELECT action, after FROM audit_logs WHERE resource = 'approvals' AND record_id = :id AND action = 'approve'`, { id: first.id });
    expect(audit).toEqual([expect.objectContaining({ after: expect.objectContaining({ decision: 'approved', input: { comment: 'fine by me' } }) })]);
    // The requester hears of the outcome in their own outbox.
    const mine = await clerk.list('notifications', { filter: { resource: 'wf-test-requests' } });
    expect(mine.body.some((n: { recordId: string; template: string }) => n.recordId === id && n.template === 'notifications/approval-decided')).toBe(true);
  });

  it('the wrong role is refused with 403 and nothing changes; a role without approve is refused too', async () => {
    const dept = await ruleSet({ chain: ['facility_head'], slaHours: 4 });
    const id = await submit(dept);
    const [level] = await levels(id);
    const wrong = await medical.post(`/api/approvals/${level.id}/approve`, {});
    expect(wrong.status).toBe(403);
    expect(wrong.body.message).toMatch(/waits for the role facility_head/);
    expect((await physician.post(`/api/approvals/${level.id}/approve`, {})).status).toBe(403);
    expect((await levels(id))[0]).toMatchObject({ status: 'pending', decision: null });
    expect(await requestStatus(server.host.db.sequelize, id)).toBe('pending approval');
  });

  it('a rejection needs a comment and moves the record to rejected; a decided level cannot be decided again', async () => {
    const dept = await ruleSet({ chain: ['facility_head', 'medical_admin'], slaHours: 4 });
    const id = await submit(dept);
    const [level] = await levels(id);
    const noComment = await head.post(`/api/approvals/${level.id}/reject`, {});
    expect(noComment.status).toBe(400);
    expect(noComment.body.errors.comment).toBeTruthy();
    const res = await head.post(`/api/approvals/${level.id}/reject`, { comment: 'not this month' });
    expect(res.status).toBe(200);
    expect(await requestStatus(server.host.db.sequelize, id)).toBe('rejected');
    expect(await levels(id)).toHaveLength(1);
    expect((await head.post(`/api/approvals/${level.id}/approve`, {})).status).toBe(409);
  });

  it('when the department refuses the change of state, the decision rolls back with it', async () => {
    const dept = await ruleSet({ chain: ['facility_head'], slaHours: 4 });
    const id = await submit(dept, { refuseApproval: true });
    const [level] = await levels(id);
    const res = await head.post(`/api/approvals/${level.id}/approve`, {});
    expect(res.status).toBe(409);
    expect((await levels(id))[0]).toMatchObject({ status: 'pending', decision: null });
    expect(await sql(`SELECT 1 FROM audit_logs WHERE resource = 'approvals' AND record_id = :id AND action = 'approve'`, { id: level.id })).toEqual([]);
  });

  it('an overdue level moves to the next role when the rule set says reassign, and only once', async () => {
    const dept = await ruleSet({ chain: ['facility_head'], slaHours: 2, escalate: { action: 'reassign', to: 'medical_admin', slaHours: 1 } });
    const id = await submit(dept);
    const [level] = await levels(id);
    await server.host.db.sequelize.query(`UPDATE approvals SET due_at = now() - interval '1 minute' WHERE id = :id`, { replacements: { id: level.id } });
    await server.host.services.jobs.runNow('workflows.sla-check');
    await server.host.services.jobs.runNow('workflows.sla-check');
    const after = await levels(id);
    expect(after.map((l) => [l.level, l.role, l.status])).toEqual([
      [1, 'facility_head', 'escalated'],
      [1, 'medical_admin', 'pending'],
    ]);
    expect(after[1].escalated_from).toBe(level.id);
    expect(new Date(after[1].due_at).getTime() - Date.now()).toBeGreaterThan(0.9 * 3_600_000);
    expect((await head.post(`/api/approvals/${level.id}/approve`, {})).status).toBe(409);
    expect((await medical.post(`/api/approvals/${after[1].id}/approve`, {})).status).toBe(200);
    expect(await requestStatus(server.host.db.sequelize, id)).toBe('approved');
    expect(await sql(`SELECT action FROM audit_logs WHERE resource = 'approvals' AND record_id = :id AND action = 'escalate'`, { id: level.id })).toHaveLength(1);
  });

  it('an overdue level notifies whom the rule set names, once, and keeps waiting', async () => {
    const dept = await ruleSet({ chain: ['medical_admin'], slaHours: 2, escalate: { action: 'notify', to: 'facility_head' } });
    const id = await submit(dept);
    const [level] = await levels(id);
    await server.host.db.sequelize.query(`UPDATE approvals SET due_at = now() - interval '5 minutes' WHERE id = :id`, { replacements: { id: level.id } });
    await server.host.services.jobs.runNow('workflows.sla-check');
    await server.host.services.jobs.runNow('workflows.sla-check');
    expect((await levels(id))[0]).toMatchObject({ status: 'pending' });
    const overdue = await head.list('notifications', { filter: { template: 'notifications/approval-overdue' } });
    expect(overdue.body.filter((n: { recordId: string }) => n.recordId === level.id)).toHaveLength(1);
    expect(overdue.body.find((n: { recordId: string }) => n.recordId === level.id).subject).toMatch(/^Overdue approval: Request req-/);
    const inbox = (await medical.get('/api/approvals/inbox')).body.find((a: { recordId: string }) => a.recordId === id);
    expect(inbox.overdue).toBe(true);
  });
});

describe('notifications', () => {
  it('users read only their own notifications; superadmin reads all', async () => {
    const mine = await clerk.list('notifications', { range: [0, 499] });
    expect(mine.status).toBe(200);
    const me = (await clerk.get('/api/auth/me')).body;
    const myId = me.user?.id ?? me.id;
    expect(mine.body.every((n: { userId: string }) => n.userId === myId)).toBe(true);
    const all = await admin.list('notifications', { range: [0, 499] });
    expect(new Set(all.body.map((n: { userId: string }) => n.userId)).size).toBeGreaterThan(1);
    const someoneElses = all.body.find((n: { userId: string }) => n.userId !== myId);
    expect((await clerk.get(`/api/notifications/${someoneElses.id}`)).status).toBe(403);
  });

  it('a user marks a notification read', async () => {
    const [first] = (await clerk.list('notifications')).body;
    const res = await clerk.post(`/api/notifications/${first.id}/mark-read`, {});
    expect(res.status).toBe(200);
    expect(res.body.readAt).toBeTruthy();
    const unread = await clerk.list('notifications', { filter: { unread: true } });
    expect(unread.body.some((n: { id: string }) => n.id === first.id)).toBe(false);
  });

  it('a template renders escaped data, and a module\'s own text message is stored escaped too', async () => {
    const notifications = server.host.services.get<{ send(m: unknown): Promise<{ id: string }[]> }>('notifications');
    const [a] = await server.host.db.sequelize.transaction(() =>
      notifications.send({ template: 'notifications/approval-requested', to: ['facility_head'], data: { summary: '<script>alert(1)</script>', resource: 'x', recordId: '1', level: 1, chain: ['facility_head'] } }),
    );
    const [b] = await server.host.db.sequelize.transaction(() => notifications.send({ email: 'someone@example.org', subject: 'Hello <b>', body: 'Line <i>one</i>\nline two' }));
    const rows = await sql(`SELECT id, subject, body, status, email FROM notifications WHERE id IN (:ids)`, { ids: [a.id, b.id] });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[a.id].body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(byId[a.id].body).not.toContain('<script>');
    expect(byId[a.id].status).toBe('stored');
    expect(byId[b.id]).toMatchObject({ email: 'someone@example.org', subject: 'Hello <b>' });
    expect(byId[b.id].body).toContain('Line &lt;i&gt;one&lt;/i&gt;<br>line two');
  });
});

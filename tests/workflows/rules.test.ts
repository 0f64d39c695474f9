import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from '../support/harness.js';
import { approvalRules, TEST_EVENT, testDepartment } from './support.js';

/** This file's rule sets only fire for this department, never on other tests' facts. */
const DEPT = `rules-test-${unique()}`;
const rulesFor = (days: number) => approvalRules(days, DEPT);

let web: TestServer;
let worker: TestServer;
let head: Api;
let clerk: Api;

beforeAll(async () => {
  web = await startServer({ only: ['wf-test'], extraModules: [testDepartment] });
  // A second process on the same database and Redis (another web node or the worker).
  worker = await startServer({ only: ['wf-test'], extraModules: [testDepartment] });
  head = await web.login('facility_head@healthcare.com');
  clerk = await web.login('registration@healthcare.com');
});
afterAll(async () => {
  await web?.close();
  await worker?.close();
});

const chainOf = async (server: TestServer, facts: Record<string, unknown>) =>
  (await server.host.services.rules.decide(TEST_EVENT, { department: DEPT, ...facts })).filter((d) => d.ruleSet.startsWith('wf-test')).map((d) => (d.params as { chain: string[] }).chain);

async function createRuleSet(key = `wf-test-${unique()}`) {
  const res = await head.post('/api/workflow-rules', { key, event: TEST_EVENT, description: 'Test approvals', rules: rulesFor(5), comment: 'first' });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('the rule store', () => {
  it('a facility head creates a rule set: version 1 is active and decides the next event', async () => {
    const set = await createRuleSet();
    expect(set.activeVersionId).toBeTruthy();
    const got = await head.get(`/api/workflow-rules/${set.id}`);
    expect(got.body.versions).toEqual([expect.objectContaining({ number: 1, active: true, comment: 'first' })]);
    expect(got.body.knownFacts).toEqual(expect.arrayContaining(['days', 'department']));
    expect(await chainOf(web, { days: 10 })).toContainEqual(['facility_head', 'medical_admin']);
  });

  it('an edit through the API changes the next decision without a restart, in this process and in a second one', async () => {
    const set = await createRuleSet();
    const key = set.key;
    const decideIn = async (s: TestServer) => (await s.host.services.rules.decide(TEST_EVENT, { days: 10, department: DEPT })).filter((d) => d.ruleSet === key).map((d) => (d.params as { chain: string[] }).chain);
    expect(await decideIn(web)).toEqual([['facility_head', 'medical_admin']]);
    expect(await decideIn(worker)).toEqual([['facility_head', 'medical_admin']]);

    const edit = await head.put(`/api/workflow-rules/${set.id}`, { rules: rulesFor(20), comment: 'raise the threshold to 20 days', version: set.version });
    expect(edit.status).toBe(200);
    expect(edit.body.activeVersionId).not.toBe(set.activeVersionId);
    expect(await decideIn(web)).toEqual([['medical_admin']]);
    // The second process heard of it through Redis, well before its cache would expire.
    await expect.poll(() => decideIn(worker), { timeout: 2000, interval: 50 }).toEqual([['medical_admin']]);

    // Rolling back is activating version 1 again: an audited action, effective everywhere.
    const rollback = await head.post(`/api/workflow-rules/${set.id}/activate`, { versionId: set.activeVersionId });
    expect(rollback.status).toBe(200);
    await expect.poll(() => decideIn(worker), { timeout: 2000, interval: 50 }).toEqual([['facility_head', 'medical_admin']]);
    const [audit] = await web.host.db.sequelize.query(`SELECT action, before, after FROM audit_logs WHERE resource = 'workflow-rules' AND record_id = :id AND action = 'activate'`, {
      replacements: { id: set.id },
      type: 'SELECT',
    });
    expect(audit).toMatchObject({ action: 'activate', after: { activeVersionId: set.activeVersionId } });
  });

  it('a draft version is saved without changing what decides', async () => {
    const set = await createRuleSet();
    const draft = await head.post('/api/workflow-rule-versions', { ruleSetId: set.id, rules: rulesFor(30), comment: 'draft' });
    expect(draft.status).toBe(201);
    expect(draft.body.number).toBe(2);
    const after = await head.get(`/api/workflow-rules/${set.id}`);
    expect(after.body.activeVersionId).toBe(set.activeVersionId);
    const noActivate = await head.put(`/api/workflow-rules/${set.id}`, { rules: rulesFor(40), activate: false });
    expect(noActivate.body.activeVersionId).toBe(set.activeVersionId);
    const versions = await head.list('workflow-rule-versions', { filter: { ruleSetId: set.id } });
    expect(versions.body.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    // The editor sends the rules with every save: saving the description alone makes no version.
    const current = await head.get(`/api/workflow-rules/${set.id}`);
    const described = await head.put(`/api/workflow-rules/${set.id}`, { ...current.body, description: 'Reworded' });
    expect(described.status, described.text).toBe(200);
    expect((await head.get(`/api/workflow-rules/${set.id}`)).body.versions).toHaveLength(3);
  });

  it('the test endpoint runs the active version, a saved version or a draft on sample facts, and changes nothing', async () => {
    const set = await createRuleSet();
    const before = await web.host.db.sequelize.query(`SELECT count(*)::int AS n FROM approvals`, { type: 'SELECT', plain: true });
    const active = await head.post(`/api/workflow-rules/${set.id}/test`, { facts: { days: 7, department: DEPT } });
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({ version: 1, draft: false, decisions: [{ type: 'approval.required', params: { chain: ['facility_head', 'medical_admin'] }, rule: 'long requests need two levels' }] });
    const draft = await head.post(`/api/workflow-rules/${set.id}/test`, { facts: { days: 7, department: DEPT }, rules: rulesFor(10) });
    expect(draft.body).toMatchObject({ draft: true, decisions: [{ params: { chain: ['medical_admin'] } }] });
    const badDraft = await head.post(`/api/workflow-rules/${set.id}/test`, { facts: {}, rules: '[{"conditions": ' });
    expect(badDraft.status).toBe(400);
    expect(badDraft.body.errors.rules).toMatch(/not valid JSON/);
    const after = await web.host.db.sequelize.query(`SELECT count(*)::int AS n FROM approvals`, { type: 'SELECT', plain: true });
    expect(after).toEqual(before);
  });

  it('a default rule set is loaded once and an edited set is never overwritten by a re-seed', async () => {
    const { loadDefaultRuleSets } = await import('../../server/workflows/rule-defaults.js');
    const { StoredRulesService } = await import('../../server/workflows/rule-store.js');
    const key = `wf-test-default-${unique()}`;
    const ctx = web.host.contextOf('workflows');
    const store = new StoredRulesService(ctx.sequelize, null, 'x:', [{ key, event: TEST_EVENT, description: 'shipped', rules: rulesFor(5) as never, module: 'wf-test' }]);
    const decisions = ctx.services.get('decisions') as never;
    await loadDefaultRuleSets(ctx, store, decisions);
    const list = await head.list('workflow-rules', { filter: { q: key } });
    expect(list.body).toHaveLength(1);
    const id = list.body[0].id;
    await head.put(`/api/workflow-rules/${id}`, { rules: rulesFor(1000), comment: 'our facility differs' });
    await loadDefaultRuleSets(ctx, store, decisions);
    const again = await head.get(`/api/workflow-rules/${id}`);
    expect(again.body.versions).toHaveLength(2);
    expect(again.body.activeVersionNumber).toBe(2);
  });
});

describe('rule sets are checked when saved', () => {
  let setId: string;
  beforeAll(async () => {
    setId = (await createRuleSet()).id;
  });

  const save = (rules: unknown) => head.put(`/api/workflow-rules/${setId}`, { rules });
  const rule = (condition: Record<string, unknown>, event: Record<string, unknown> = { type: 'priority.set', params: { priority: 'high' } }) => [{ conditions: { all: [condition] }, event }];

  it('bad JSON is a 400 on rules', async () => {
    const res = await save('[{"conditions": {"all": [}');
    expect(res.status).toBe(400);
    expect(res.body.errors.rules).toMatch(/not valid JSON/);
  });

  it('an unknown operator is a 400 on that condition', async () => {
    const res = await save(rule({ fact: 'days', operator: 'biggerThan', value: 3 }));
    expect(res.status).toBe(400);
    expect(res.body.errors['rules.0.conditions.all.0.operator']).toMatch(/unknown operator "biggerThan"/);
  });

  it('a fact the event does not provide is a 400 naming the facts it does provide', async () => {
    const res = await save(rule({ fact: 'salary', operator: 'greaterThan', value: 3 }));
    expect(res.status).toBe(400);
    expect(res.body.errors['rules.0.conditions.all.0.fact']).toMatch(/"salary" is not a fact of this event.*days/);
  });

  it('a decision type nobody handles is a 400', async () => {
    const res = await save(rule({ fact: 'days', operator: 'equal', value: 3 }, { type: 'coffee.make', params: {} }));
    expect(res.status).toBe(400);
    expect(res.body.errors['rules.0.event.type']).toMatch(/no handler takes the decision "coffee.make"/);
  });

  it('decision params are checked: a chain role that may not approve, a missing template', async () => {
    const res = await save([
      ...rule({ fact: 'days', operator: 'equal', value: 3 }, { type: 'approval.required', params: { chain: ['cashier'], slaHours: 4 } }),
      ...rule({ fact: 'days', operator: 'equal', value: 4 }, { type: 'notify', params: { template: 'no/such-template', to: 'facility_head' } }),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors['rules.0.event.params.chain.0']).toMatch(/may approve/);
    expect(res.body.errors['rules.1.event.params.template']).toMatch(/existing notification template/);
  });

  it('nothing is saved when the rules are refused', async () => {
    const before = await head.get(`/api/workflow-rules/${setId}`);
    await save(rule({ fact: 'salary', operator: 'greaterThan', value: 3 }));
    const after = await head.get(`/api/workflow-rules/${setId}`);
    expect(after.body.versions).toHaveLength(before.body.versions.length);
    expect(after.body.version).toBe(before.body.version);
  });

  it('a rule set for an event no module declares is refused', async () => {
    const res = await head.post('/api/workflow-rules', { key: `wf-test-${unique()}`, event: 'nobody.declares', rules: rulesFor(5) });
    expect(res.status).toBe(400);
    expect(res.body.errors.event).toMatch(/no module declares/);
  });

  it('only facility heads and superadmin edit rules', async () => {
    expect((await clerk.put(`/api/workflow-rules/${setId}`, { rules: rulesFor(3) })).status).toBe(403);
    expect((await clerk.post(`/api/workflow-rules/${setId}/activate`, { versionId: setId })).status).toBe(403);
    const physician = await web.login('physician@healthcare.com');
    expect((await physician.get('/api/workflow-rules')).status).toBe(403);
  });
});

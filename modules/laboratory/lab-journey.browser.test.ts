/**
 * In the browser, from order to verified result: the physician orders electrolytes STAT from
 * the encounter; the laboratory collects and receives the specimen and types the results (the
 * critical sodium is flagged LL while typing); a second technologist verifies.
 */
import { QueryTypes } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT, byName, choose, clickByText, fill, screenshot, signIn, visit, waitForText, useBrowserEnv } from '../../tests/browser/support.js';
import { unique } from '../../tests/support/harness.js';

describe('a lab order in the browser', () => {
  const env = useBrowserEnv({ only: ['laboratory'] });

  it('is ordered, collected, received, resulted with live flags and verified by a second person', async () => {
    const admin = await env.server.login('admin@healthcare.com');
    const clerk = await env.server.login('registration@healthcare.com');
    const physicianApi = await env.server.login('physician@healthcare.com');
    const verifierEmail = `verifier-${unique()}@healthcare.com`;
    await admin.post('/api/users', { email: verifierEmail, name: 'Verifying Technologist', roles: ['laboratory'], password: 'password123' });
    const patient = (await clerk.post('/api/patients', { givenName: 'Achieng', familyName: `Browser${unique()}`, sex: 'female', birthDate: '1988-03-14' })).body;
    const physicianId = (await physicianApi.get('/api/auth/me')).body.user.id;
    const [encounter] = await env.server.host.db.sequelize.query<{ id: string }>(`INSERT INTO encounters (patient_id, physician_id) VALUES (:p, :u) RETURNING id`, {
      type: QueryTypes.SELECT,
      replacements: { p: patient.id, u: physicianId },
    });

    // The physician orders from the encounter: the form opens with the encounter filled in.
    const doc = await env.newPage();
    await signIn(doc, 'physician@healthcare.com');
    await visit(doc, `/lab-orders/create?source=${encodeURIComponent(JSON.stringify({ encounterId: encounter.id }))}`);
    await doc.waitForSelector(byName('panelIds'));
    await fill(doc, 'panelIds', 'Electro');
    await clickByText(doc, '[role="listbox"] [role="option"]', 'Electrolytes');
    await choose(doc, 'priority', 'STAT');
    await doc.click('form button[type="submit"]');
    await doc.waitForFunction(() => /#\/lab-orders\/[^/]+\/show/.test(location.hash));
    const [order] = (await physicianApi.list('lab-orders', { filter: { encounterId: encounter.id } })).body;
    expect(order).toMatchObject({ status: 'ordered', priority: 'stat', patientId: patient.id });

    // The laboratory sees it on the worklist at once, collects and receives the specimen.
    const lab = await env.newPage();
    await signIn(lab, 'laboratory@healthcare.com');
    await visit(lab, '/lab-orders');
    await waitForText(lab, order.orderNumber);
    await visit(lab, `/lab-orders/${order.id}/show`);
    await clickByText(lab, 'button', 'Collect specimens');
    await clickByText(lab, 'button', 'Receive');
    await lab.waitForSelector(byName('result-NA'));

    // Flags appear while typing, before anything is saved.
    await fill(lab, 'result-NA', '118');
    await fill(lab, 'result-K', '4.0');
    await fill(lab, 'result-CL', '109');
    await lab.waitForFunction(() => document.querySelector('[data-testid="flag-NA"]')?.textContent === 'LL');
    expect(await lab.$eval('[data-testid="flag-CL"]', (e) => e.textContent)).toBe('H');
    expect(await lab.$eval('[data-testid="flag-K"]', (e) => e.textContent)).toBe('');
    await screenshot(lab, 'lab-journey-1-result-entry');
    await clickByText(lab, 'button', 'Save results');
    await waitForText(lab, 'resulted');

    // The one who entered cannot verify; a second technologist does.
    const verifier = await env.newPage();
    await signIn(verifier, verifierEmail);
    await visit(verifier, '/lab-verification');
    await waitForText(verifier, order.orderNumber);
    await visit(verifier, `/lab-orders/${order.id}/show`);
    await clickByText(verifier, 'button', 'Verify entered results');
    await waitForText(verifier, 'verified');
    await screenshot(verifier, 'lab-journey-2-verified');

    const done = (await physicianApi.get(`/api/lab-orders/${order.id}`)).body;
    expect(done.status).toBe('verified');
    expect(done.results.map((r: any) => [r.testCode, r.valueNumeric, r.flag]).sort()).toEqual([['CL', 109, 'H'], ['K', 4, null], ['NA', 118, 'LL']]);
    expect(new Set(done.results.map((r: any) => r.verifiedBy)).size).toBe(1);
    expect(done.results[0].verifiedBy).not.toBe(done.results[0].enteredBy);
    expect([...doc.errors, ...lab.errors, ...verifier.errors]).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);
});

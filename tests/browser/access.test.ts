import { describe, expect, it } from 'vitest';
import { allowDownloads, BROWSER_TEST_TIMEOUT, menu, openRow, pageText, screenshot, signIn, visit, useBrowserEnv, waitForDownload } from './support.js';

describe('what each role sees in the browser', () => {
  // Every module, so the cashier's menu is checked against all the departments there are.
  const env = useBrowserEnv();

  it('a cashier sees no clinical menu and is told plainly when typing the URL of a forbidden screen', async () => {
    const page = await env.newPage();
    await signIn(page, 'cashier@healthcare.com');
    const { groups, items } = await menu(page);
    expect(items).not.toContain('Allergies');
    expect(groups).not.toContain('Clinical');
    expect(items).not.toContain('Users');
    await screenshot(page, 'access-1-cashier-menu');

    await visit(page, '/users');
    await page.waitForSelector('[data-testid="not-allowed"]');
    expect(await pageText(page)).toContain('You are not allowed to see this page');
    await screenshot(page, 'access-2-cashier-not-allowed');
  }, BROWSER_TEST_TIMEOUT);

  it('a physician sees patients but no delete button, a superadmin does', async () => {
    const physician = await env.newPage();
    await signIn(physician, 'physician@healthcare.com');
    expect((await menu(physician)).items).toContain('Patients');
    await visit(physician, '/patients');
    await physician.waitForSelector('.RaList-main tbody tr');
    const firstMrn = await physician.$eval('.RaList-main tbody tr td', (e) => e.textContent?.trim() ?? '');
    await openRow(physician, firstMrn, '[data-testid="patient-mrn"]');
    // Editing is granted to physicians; deleting is not.
    await physician.waitForSelector('[aria-label="Edit"]');
    expect((await menu(physician)).items).toContain('Allergies');
    expect(await physician.$('button.ra-delete-button, [aria-label="Delete"]')).toBeNull();
    await screenshot(physician, 'access-3-physician-patient-no-delete');

    const admin = await env.newPage();
    await signIn(admin, 'admin@healthcare.com');
    await visit(admin, physician.url().split('#')[1]);
    await admin.waitForSelector('[data-testid="patient-mrn"]');
    await admin.waitForSelector('button.ra-delete-button, [aria-label="Delete"]');
  }, BROWSER_TEST_TIMEOUT);

  it('a registration clerk exports the patient list as CSV; a physician has no export button', async () => {
    const clerk = await env.newPage();
    const downloads = await allowDownloads(clerk);
    await signIn(clerk, 'registration@healthcare.com');
    await visit(clerk, '/patients');
    await clerk.waitForSelector('.RaList-main tbody tr');
    await clerk.click('button[aria-label="Export"]');
    const csv = await waitForDownload(downloads, 'patients.csv');
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toContain('mrn');
    expect(rows.length).toBeGreaterThan(25);
    await screenshot(clerk, 'access-4-clerk-export');

    const physician = await env.newPage();
    await signIn(physician, 'physician@healthcare.com');
    await visit(physician, '/patients');
    await physician.waitForSelector('.RaList-main tbody tr');
    expect(await physician.$('button[aria-label="Export"]')).toBeNull();
  }, BROWSER_TEST_TIMEOUT);
});

import { describe, expect, it } from 'vitest';
import { unique } from '../support/harness.js';
import { BROWSER_TEST_TIMEOUT, fill, openRow, openSignIn, pageText, screenshot, signIn, submitSignIn, visit, waitForText, useBrowserEnv } from './support.js';

describe('a superadmin in the browser', () => {
  const env = useBrowserEnv({ only: ['patients'] });

  it('deactivates a user, who then cannot sign in', async () => {
    const admin = await env.server.login('admin@healthcare.com');
    const email = `leaver-${unique()}@healthcare.com`;
    const created = await admin.post('/api/users', { email, name: 'Leaving Clerk', roles: ['registration'], password: 'Leaving-pass-2024' });
    expect(created.status).toBe(201);
    // The account works before it is deactivated.
    await env.server.login(email, 'Leaving-pass-2024');

    const page = await env.newPage();
    await signIn(page, 'admin@healthcare.com');
    await visit(page, '/users');
    await fill(page, 'q', email);
    await page.waitForFunction((e) => {
      const rows = [...document.querySelectorAll('.RaList-main tbody tr')];
      return rows.length === 1 && (rows[0] as HTMLElement).innerText.includes(e);
    }, {}, email);
    await openRow(page, email, '[data-testid="user-deactivate"]');
    await page.click('[data-testid="user-deactivate"]');
    await waitForText(page, 'Deactivate Leaving Clerk?');
    await page.click('.RaConfirm-confirmPrimary, [role="dialog"] button.MuiButton-containedPrimary, [role="dialog"] .ra-confirm');
    await page.waitForSelector('[data-testid="user-deactivated"]');
    expect(await pageText(page)).toContain('This account is deactivated');
    await screenshot(page, 'administration-1-user-deactivated');

    const row = (await admin.get(`/api/users/${created.body.id}`)).body;
    expect(row.active).toBe(false);
    const audit = await admin.list('audit-logs', { filter: { resource: 'users', recordId: created.body.id, action: 'deactivate' } });
    expect(audit.body.length).toBe(1);

    const leaver = await env.newPage();
    await openSignIn(leaver);
    await submitSignIn(leaver, email, 'Leaving-pass-2024');
    await leaver.waitForSelector('[data-testid="login-error"]');
    expect(await leaver.$eval('[data-testid="login-error"]', (e) => (e as HTMLElement).innerText)).toContain('deactivated');
    expect(await leaver.$('[data-testid="dashboard"]')).toBeNull();
    await screenshot(leaver, 'administration-2-deactivated-user-refused');
  }, BROWSER_TEST_TIMEOUT);
});

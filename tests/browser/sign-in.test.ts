import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT, clickByText, openSignIn, screenshot, signIn, submitSignIn, waitForText, useBrowserEnv } from './support.js';

describe('signing in', () => {
  const env = useBrowserEnv({ only: ['patients'] });

  it('loads at most 300 kB of JavaScript (gzip) before signing in, all from its own origin', async () => {
    const page = await env.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.buffer().then((b) => zlib.gzipSync(b, { level: 9 }).length));
    });
    await openSignIn(page);
    await page.waitForNetworkIdle({ idleTime: 500 });
    const gzip = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    console.log(`JavaScript loaded by the sign-in page: ${(gzip / 1024).toFixed(1)} kB gzip in ${scripts.length} files`);
    expect(gzip).toBeGreaterThan(0);
    expect(gzip).toBeLessThanOrEqual(300 * 1024);
    expect(page.foreignRequests).toEqual([]);
    await screenshot(page, 'sign-in-1-page');
  }, BROWSER_TEST_TIMEOUT);

  it('says why a wrong password is refused, and speaks French when asked', async () => {
    const page = await env.newPage();
    await openSignIn(page);
    await submitSignIn(page, 'physician@healthcare.com', 'not-the-password');
    await page.waitForSelector('[data-testid="login-error"]');
    expect(await page.$eval('[data-testid="login-error"]', (e) => (e as HTMLElement).innerText)).toContain('Wrong e-mail or password');

    await clickByText(page, 'button', 'Français');
    await waitForText(page, 'Mot de passe');
    await signIn(page, 'physician@healthcare.com');
    await waitForText(page, 'Bienvenue, Demo Physician');
    await waitForText(page, 'Tableau de bord');
    await screenshot(page, 'sign-in-2-french-dashboard');

    // Signing out revokes the refresh token on the server, not only in this tab.
    const { refreshToken } = await page.evaluate(() => JSON.parse(localStorage.getItem('his.session') ?? '{}'));
    await page.click('button[aria-label="Profil"]');
    await clickByText(page, '[role="menuitem"]', 'Déconnexion');
    await page.waitForSelector('[name="email"]');
    expect((await env.server.api.post('/api/auth/refresh', { refreshToken })).status).toBe(401);
    expect(page.errors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);
});

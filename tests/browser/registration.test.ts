import { describe, expect, it } from 'vitest';
import { unique } from '../support/harness.js';
import { BROWSER_TEST_TIMEOUT, byName, choose, fill, pageText, screenshot, signIn, visit, waitForText, useBrowserEnv } from './support.js';

describe('a registration clerk in the browser', () => {
  const env = useBrowserEnv({ only: ['patients'] });

  it('registers a patient, is warned of a similar one, and finds the patient by MRN', async () => {
    const page = await env.newPage();
    await signIn(page, 'registration@healthcare.com');
    const family = `Browsertest${unique()}`;

    await visit(page, '/patients/create');
    await fill(page, 'givenName', 'Amina');
    await fill(page, 'familyName', family);
    await choose(page, 'sex', 'Female');
    await fill(page, 'birthDate', '1990-04-12');
    // The server's own words, next to the field it refused; nothing is registered.
    await fill(page, 'phone', 'call me');
    await page.click('form button[type="submit"]');
    await waitForText(page, 'a phone number of 6 to 20 digits');
    expect(await page.$eval(byName('phone'), (e) => e.closest('.MuiFormControl-root')?.textContent ?? '')).toContain('a phone number of 6 to 20 digits');
    await screenshot(page, 'registration-0-server-field-error');
    await fill(page, 'phone', '+254 700 123456');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-testid="patient-mrn"]');
    const mrn = (await page.$eval('[data-testid="patient-mrn"]', (e) => e.textContent ?? '')).trim();
    expect(mrn).toMatch(/\S{4,}/);
    expect(await pageText(page)).toContain(`Amina ${family}`);
    await screenshot(page, 'registration-1-registered');

    // The saved record is the one the API returns for that MRN.
    const api = await env.server.login('registration@healthcare.com');
    const found = await api.list('patients', { filter: { mrn } });
    expect(found.body).toHaveLength(1);
    expect(found.body[0]).toMatchObject({ givenName: 'Amina', familyName: family, sex: 'female', birthDate: '1990-04-12' });

    // A second registration with a near-identical name and the same birth date.
    await visit(page, '/patients/create');
    await fill(page, 'givenName', 'Aminah');
    await fill(page, 'familyName', family);
    await choose(page, 'sex', 'Female');
    await fill(page, 'birthDate', '1990-04-12');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[data-testid="duplicate-dialog"]');
    await waitForText(page, 'This patient may already be registered');
    const dialog = await page.$eval('[data-testid="duplicate-dialog"]', (e) => (e as HTMLElement).innerText);
    expect(dialog).toContain(mrn);
    expect(dialog).toContain(`Amina ${family}`);
    await screenshot(page, 'registration-2-duplicate-warning');
    // Nothing was registered while the clerk decides.
    expect((await api.list('patients', { filter: { q: family } })).body).toHaveLength(1);
    await page.keyboard.press('Escape');

    // Finding the patient by MRN from the list's search box.
    await visit(page, '/patients');
    await page.waitForSelector(byName('q'));
    await fill(page, 'q', mrn);
    await page.waitForFunction((m) => {
      const rows = [...document.querySelectorAll('.RaList-main tbody tr')];
      return rows.length === 1 && (rows[0] as HTMLElement).innerText.includes(m);
    }, {}, mrn);
    expect(await page.$eval('.RaList-main tbody tr', (e) => (e as HTMLElement).innerText)).toContain(family);
    await screenshot(page, 'registration-3-found-by-mrn');
    expect(page.errors).toEqual([]);
    expect(page.foreignRequests).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);
});

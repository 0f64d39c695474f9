/**
 * The referral screens in the browser: a physician submits a draft, prints its letter and
 * records the destination's acceptance; the medical administrator sees the facilities directory.
 */
import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT, clickByText, fill, pageText, screenshot, signIn, visit, waitForText, useBrowserEnv } from '../../tests/browser/support.js';
import { draftReferral, newPatient } from './testing.js';

describe('referrals in the browser', () => {
  const env = useBrowserEnv({ only: ['referrals'] });

  it('a physician submits a referral, opens its letter and records the acceptance', { timeout: BROWSER_TEST_TIMEOUT }, async () => {
    const clerk = await env.server.login('registration@healthcare.com');
    const physician = await env.server.login('physician@healthcare.com');
    const patient = await newPatient(clerk);
    const draft = await draftReferral(physician, patient.id);

    const page = await env.newPage();
    await signIn(page, 'physician@healthcare.com');
    await visit(page, '/referrals');
    await waitForText(page, draft.number);
    await visit(page, `/referrals/${draft.id}/show`);
    await waitForText(page, 'Antenatal care at 32 weeks');
    await clickByText(page, 'button', 'Submit');
    await waitForText(page, 'Referral submitted');
    await expect.poll(async () => (await physician.get(`/api/referrals/${draft.id}`)).body.status, { timeout: 10_000 }).toBe('sent');
    await waitForText(page, 'Maternal and Child Health clinic');
    await screenshot(page, 'referrals-1-sent');

    const letterTab = env.browser.waitForTarget((t) => t.url().startsWith('blob:'), { timeout: 20_000 });
    await clickByText(page, 'button', 'Letter (PDF)');
    const letter = await letterTab;
    expect(letter.url()).toMatch(/^blob:/);
    // Back to the referral: a tab in the background does not paint, and the waits below poll on paints.
    await (await letter.page())?.close();
    await page.bringToFront();

    await clickByText(page, 'button', 'Accepted');
    await fill(page, 'reply', 'Booked at the ANC clinic on Monday');
    await clickByText(page, '[role="dialog"] button', 'Accepted');
    await expect.poll(async () => (await physician.get(`/api/referrals/${draft.id}`)).body.status, { timeout: 10_000 }).toBe('accepted');
    await waitForText(page, 'Booked at the ANC clinic on Monday');
    await screenshot(page, 'referrals-2-accepted');
    expect(page.errors).toEqual([]);
    expect(page.foreignRequests).toEqual([]);
  });

  it('the medical administrator sees the facilities directory', { timeout: BROWSER_TEST_TIMEOUT }, async () => {
    const page = await env.newPage();
    await signIn(page, 'medical_admin@healthcare.com');
    await visit(page, '/facilities');
    await waitForText(page, 'National Referral Hospital');
    expect(await pageText(page)).toContain('KNH');
    await screenshot(page, 'referrals-3-facilities');
    expect(page.errors).toEqual([]);
  });
});

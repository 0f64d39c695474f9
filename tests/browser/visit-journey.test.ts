/**
 * One whole outpatient visit in the browser: the clerk books a free slot and checks the
 * patient in; the physician triages (the rules' priority shows at once), calls the token, which
 * the waiting-room display shows without any name, consults with a signed SOAP note and a
 * diagnosis, and completes the visit.
 */
import type { Page } from 'puppeteer-core';
import { QueryTypes } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { createClinic, createPatient } from '../../modules/appointments/testing.js';
import { unique } from '../support/harness.js';
import { BROWSER_TEST_TIMEOUT, byName, choose, clickByText, fill, pageText, screenshot, signIn, visit, waitForText, useBrowserEnv } from './support.js';

/** The reception and queue-board clinic picker is a native select. */
async function pickClinic(page: Page, clinicId: string) {
  await page.waitForSelector(`select[name="clinicId"] option[value="${clinicId}"]`);
  await page.select('select[name="clinicId"]', clinicId);
}

describe('a visit from booking to signed note', () => {
  const env = useBrowserEnv({ only: ['triage', 'clinical'] });

  it('books, checks in, triages, calls, consults and completes; the display shows the token and no name', async () => {
    const admin = await env.server.login('admin@healthcare.com');
    const clerkApi = await env.server.login('registration@healthcare.com');
    const fx = await createClinic(env.server, admin, { tokenPrefix: 'J' });
    const clinicLabel = `${fx.clinic.code} · ${fx.clinic.name}`;
    const patient = await createPatient(clerkApi, { givenName: 'Wanjiru', familyName: `Journey${unique()}` });
    const patientLabel = `${patient.mrn} · Wanjiru ${patient.familyName}`;

    // Reception books the first free slot of today.
    const clerk = await env.newPage();
    await signIn(clerk, 'registration@healthcare.com');
    await visit(clerk, '/appointments/create');
    await fill(clerk, 'patientId', patient.familyName);
    await clickByText(clerk, '[role="listbox"] [role="option"]', patientLabel);
    await fill(clerk, 'clinicId', fx.clinic.code);
    await clickByText(clerk, '[role="listbox"] [role="option"]', clinicLabel);
    await clerk.waitForSelector('[data-slot]');
    await clerk.click('[data-slot]');
    await fill(clerk, 'reason', 'Cough and fever');
    await screenshot(clerk, 'journey-1-booking');
    await clerk.click('form button[type="submit"]');
    await clerk.waitForFunction(() => location.hash.startsWith('#/appointments') && !location.hash.includes('create'));
    const booked = await clerkApi.list('appointments', { filter: { patientId: patient.id } });
    expect(booked.body).toEqual([expect.objectContaining({ status: 'booked', clinicId: fx.clinic.id, providerId: fx.physician.id, reason: 'Cough and fever' })]);
    const appointmentId = booked.body[0].id;

    // One-click check-in hands out the clinic's first token of the day.
    await visit(clerk, '/reception');
    await pickClinic(clerk, fx.clinic.id);
    await clerk.waitForSelector(`[aria-label="check in ${appointmentId}"]`);
    await clerk.click(`[aria-label="check in ${appointmentId}"]`);
    await clerk.waitForSelector('[data-testid="issued-token"]');
    expect(await clerk.$eval('[data-testid="issued-token"]', (e) => (e as HTMLElement).innerText)).toContain('J-001');
    await screenshot(clerk, 'journey-2-checked-in');
    expect((await clerkApi.get(`/api/appointments/${appointmentId}`)).body.status).toBe('checked-in');
    const [checkedIn] = (await clerkApi.list('visits', { filter: { appointmentId } })).body;
    expect(checkedIn).toMatchObject({ token: 'J-001', queueStatus: 'waiting' });

    // The physician triages from the queue board: a fever of 39.2 °C is urgent by the rules.
    const doc = await env.newPage();
    await signIn(doc, fx.physician.email);
    await visit(doc, '/queue-board');
    await pickClinic(doc, fx.clinic.id);
    await doc.waitForSelector('[data-token="J-001"]');
    await clickByText(doc, '[data-token="J-001"] a', 'Triage');
    await fill(doc, 'chiefComplaint', 'Cough and fever for three days');
    await fill(doc, 'vitals.temperature', '39.2');
    await fill(doc, 'vitals.pulse', '96');
    await fill(doc, 'vitals.systolic', '124');
    await fill(doc, 'vitals.diastolic', '82');
    await doc.waitForFunction(() => document.querySelector('[data-testid="computed-priority"]')?.textContent?.includes('urgent'));
    await screenshot(doc, 'journey-3-triage');
    await doc.click('form button[type="submit"]');
    await doc.waitForSelector('[aria-label="call J-001"]');
    expect((await clerkApi.get(`/api/visits/${checkedIn.id}`)).body.priority).toBe('urgent');

    // Calling the token puts it on the waiting-room display: the token, never the patient.
    await doc.click('[aria-label="call J-001"]');
    await doc.waitForSelector('[aria-label="start J-001"]');
    const display = await env.newPage();
    await display.goto(`${env.url}/display/${fx.clinic.code}`, { waitUntil: 'domcontentloaded' });
    const shown = await pageText(display);
    expect(shown).toContain('Now calling');
    expect(shown).toContain('J-001');
    for (const secret of [patient.familyName, 'Wanjiru', patient.mrn]) expect(shown).not.toContain(secret);
    expect(await display.content()).not.toContain(patient.id);
    await screenshot(display, 'journey-4-display');

    // The consultation: the clinical worklist opens the encounter; a signed note and a diagnosis.
    await visit(doc, '/worklist');
    // Wait for the worklist's own clinic picker: the queue board's may still be on the page.
    await doc.waitForSelector('.MuiInputBase-root:has(input[name="clinicId"]) [role="combobox"]');
    await choose(doc, 'clinicId', fx.clinic.name);
    await waitForText(doc, 'J-001');
    await clickByText(doc, 'tbody tr button', 'Start consultation');
    await doc.waitForFunction(() => /#\/encounters\/[^/]+\/show/.test(location.hash));
    await clickByText(doc, 'button', 'Write a note');
    await doc.waitForSelector(byName('subjective'));
    await fill(doc, 'subjective', 'Productive cough, fever for three days.');
    await fill(doc, 'objective', 'T 39.2, chest: coarse crackles right base.');
    await fill(doc, 'assessment', 'Community-acquired pneumonia.');
    await fill(doc, 'plan', 'Amoxicillin 1 g three times daily for 5 days; review in 48 hours.');
    await clickByText(doc, 'button', 'Sign');
    await clickByText(doc, '.MuiDialog-root button', 'Confirm');
    const encounterId = (await doc.evaluate(() => location.hash)).split('/')[2];
    await expect.poll(async () => (await fx.physician.api.get(`/api/encounters/${encounterId}`)).body.soapNotes?.[0]?.signedAt, { timeout: 15_000 }).toBeTruthy();
    await fill(doc, 'icd10', 'J18');
    await doc.waitForSelector('[role="listbox"] [role="option"]');
    await doc.click('[role="listbox"] [role="option"]');
    await waitForText(doc, 'primary');
    await screenshot(doc, 'journey-5-encounter');

    const physicianApi = fx.physician.api;
    const encounter = (await physicianApi.get(`/api/encounters/${encounterId}`)).body;
    expect(encounter.visitId).toBe(checkedIn.id);
    expect(encounter.soapNotes).toEqual([expect.objectContaining({ assessment: 'Community-acquired pneumonia.', signedAt: expect.any(String) })]);
    expect(encounter.diagnoses).toEqual([expect.objectContaining({ code: expect.stringMatching(/^J18/), rank: 'primary' })]);

    // Back on the queue board the visit is completed; the appointment with it.
    await visit(doc, '/queue-board');
    await doc.waitForSelector('[aria-label="complete J-001"]');
    await doc.click('[aria-label="complete J-001"]');
    await doc.waitForFunction(() => !document.querySelector('[data-token="J-001"]'));
    expect((await clerkApi.get(`/api/visits/${checkedIn.id}`)).body.queueStatus).toBe('done');
    expect((await clerkApi.get(`/api/appointments/${appointmentId}`)).body.status).toBe('completed');
    const [vitals] = await env.server.host.db.sequelize.query<{ temperature: number }>(`SELECT temperature FROM vital_signs WHERE visit_id = :id`, {
      type: QueryTypes.SELECT,
      replacements: { id: checkedIn.id },
    });
    expect(vitals.temperature).toBeCloseTo(39.2);

    for (const p of [clerk, doc, display]) {
      expect(p.errors).toEqual([]);
      expect(p.foreignRequests).toEqual([]);
    }
  }, BROWSER_TEST_TIMEOUT);
});

/**
 * The end of the patient journey in the browser: the physician prescribes from the encounter,
 * the pharmacy dispenses (the batch picked is shown), and the cashier finds the invoice, takes
 * the payment and gets the receipt.
 */
import { describe, expect, it } from 'vitest';
import { unique } from '../support/harness.js';
import { registerPatient } from '../../modules/billing/tests/fixtures.js';
import { inDays, openEncounter, receive, stockedDrug } from '../../modules/pharmacy/tests/fixtures.js';
import { pdfText } from '../documents/pdf-text.js';
import { BROWSER_TEST_TIMEOUT, byName, clickByText, fill, screenshot, signIn, visit, waitForText, useBrowserEnv, type TrackedPage } from './support.js';

/**
 * The tab a PDF button of `page` opens (call before the click): resolves once the tab shows the
 * PDF (a blob: URL of the app), with the PDF's text read from that very blob.
 */
async function receiptTabOf(page: TrackedPage) {
  const target = await page.browser().waitForTarget((t) => t.opener() === page.target() && t.url().startsWith('blob:'), { timeout: 60_000 });
  const blobUrl = target.url();
  return {
    url: blobUrl,
    // The blob belongs to the app's page (which made it), so it is read there.
    async pdfText() {
      const base64 = await page.evaluate(async (u) => {
        const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
        let s = '';
        for (const b of bytes) s += String.fromCharCode(b);
        return btoa(s);
      }, blobUrl);
      const pdf = Buffer.from(base64, 'base64');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      return pdfText(pdf);
    },
    async close() {
      await (await target.page())?.close();
    },
  };
}

describe('prescribe, dispense, pay', () => {
  const env = useBrowserEnv({ only: ['pharmacy', 'insurance'] });

  it('a physician prescribes, the pharmacy dispenses from the right batch, the cashier takes payment and prints the receipt', async () => {
    const clerkApi = await env.server.login('registration@healthcare.com');
    const physicianApi = await env.server.login('physician@healthcare.com');
    const pharmacistApi = await env.server.login('pharmacy@healthcare.com');
    const cashierApi = await env.server.login('cashier@healthcare.com');
    const headApi = await env.server.login('facility_head@healthcare.com');
    const familyName = `Journey${unique()}`;
    const patient = await registerPatient(clerkApi, { givenName: 'Achieng', familyName });
    const encounterId = await openEncounter(physicianApi, patient.id);
    const { drug, itemId, code } = await stockedDrug(pharmacistApi);
    expect((await headApi.post('/api/price-lists', { code, description: 'Testamol 100 mg tablet', department: 'Pharmacy', category: 'drug', unitPrice: 25 })).status).toBe(201);
    await receive(pharmacistApi, itemId, 'LOT-LATE', 50, inDays(300));
    await receive(pharmacistApi, itemId, 'LOT-EARLY', 50, inDays(40));
    const genericName = (await pharmacistApi.get(`/api/drugs/${drug.id}`)).body.genericName as string;

    // The physician writes 1 tablet three times a day for 5 days: 15 tablets.
    const doc = await env.newPage();
    await signIn(doc, 'physician@healthcare.com');
    await visit(doc, `/prescriptions/create?source=${encodeURIComponent(JSON.stringify({ encounterId }))}`);
    await fill(doc, 'items.0.drugId', genericName);
    await clickByText(doc, '[role="listbox"] [role="option"]', `${genericName} 100 mg tablet`);
    await fill(doc, 'items.0.dose', '1');
    await fill(doc, 'items.0.doseUnit', 'tablet');
    await screenshot(doc, 'rx-1-prescription');
    await doc.click('form button[type="submit"]');
    await doc.waitForFunction(() => location.hash.includes('/show'));
    const [rx] = (await physicianApi.list('prescriptions', { filter: { encounterId } })).body;
    expect(rx).toMatchObject({ status: 'active' });

    // The pharmacy dispenses it all: the earliest expiry goes first.
    const pharmacy = await env.newPage();
    await signIn(pharmacy, 'pharmacy@healthcare.com');
    await visit(pharmacy, `/prescriptions/${rx.id}/show`);
    await pharmacy.waitForSelector(byName('dispense'));
    await pharmacy.click(byName('dispense'));
    await pharmacy.waitForSelector(byName('confirm-dispense'));
    await pharmacy.click(byName('confirm-dispense'));
    await waitForText(pharmacy, 'lot LOT-EARLY');
    await screenshot(pharmacy, 'rx-2-dispensed');
    expect((await pharmacistApi.get(`/api/prescriptions/${rx.id}`)).body.status).toBe('dispensed');

    // The cashier opens the till, finds the invoice by MRN, issues it and takes the payment.
    const opened = await cashierApi.post('/api/cash-sessions', { openingFloat: 1000 });
    expect([201, 409]).toContain(opened.status);
    const cashier = await env.newPage();
    await signIn(cashier, 'cashier@healthcare.com');
    await visit(cashier, '/cashier');
    await fill(cashier, 'cashier-search', patient.mrn);
    await cashier.waitForSelector('[aria-label^="open INV"]');
    await cashier.click('[aria-label^="open INV"]');
    await clickByText(cashier, 'button', 'Issue');
    await cashier.waitForSelector(byName('take-payment'));
    await cashier.click(byName('take-payment'));
    await cashier.waitForSelector(byName('confirm-payment'));

    // "Take payment and print" opens the receipt in a tab of its own, in front of the cashier's
    // screen. A hidden page draws no frames, so the waits on it watch the DOM (mutation polling),
    // not animation frames (waitForFunction's default, which never fires in a background tab).
    const receiptTab = receiptTabOf(cashier);
    await cashier.click(byName('confirm-payment'));
    const notice = await cashier.waitForFunction(() => /Receipt (R\d{8})/.exec(document.body.innerText)?.[1], { polling: 'mutation', timeout: 60_000 });
    const receiptNumber = (await notice.jsonValue()) as string;
    const receipt = await receiptTab;
    expect(await receipt.pdfText()).toContain(`Receipt ${receiptNumber}`);
    await receipt.close();

    // Back on the cashier's screen: the invoice is paid and the payment is listed with its receipt.
    await cashier.bringToFront();
    await cashier.waitForSelector(byName(`print-${receiptNumber}`), { timeout: 60_000 });
    await waitForText(cashier, 'balance due 0.00', 60_000);
    await cashier.waitForFunction(() => [...document.querySelectorAll('h6')].some((h) => h.textContent?.endsWith('· paid')));
    await screenshot(cashier, 'rx-3-paid');

    // The receipt can be printed again from the payment's row.
    const reprint = receiptTabOf(cashier);
    await cashier.click(byName(`print-${receiptNumber}`));
    const again = await reprint;
    expect(await again.pdfText()).toContain(`Receipt ${receiptNumber}`);
    await again.close();
    await cashier.bringToFront();
    expect(cashier.errors).toEqual([]);
    expect(cashier.foreignRequests).toEqual([]);

    const [invoice] = (await cashierApi.list('invoices', { filter: { patientId: patient.id } })).body;
    expect(invoice).toMatchObject({ status: 'paid', total: 375, patientPaid: 375, balance: 0 });
    const [payment] = (await cashierApi.list('payments', { filter: { invoiceId: invoice.id } })).body;
    expect(payment).toMatchObject({ amount: 375, method: 'cash', kind: 'payment', receiptNumber });
    expect(receiptNumber).toMatch(/^R\d{8}$/);
    // The receipt as the API serves it to the cashier.
    const pdf = await fetch(`${env.url}/api/payments/${payment.id}/pdf`, { headers: { authorization: `Bearer ${cashierApi.token}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain(`Receipt ${receiptNumber}`);
    expect(text).toContain(invoice.number);
    expect(text).toContain(patient.mrn);
    expect(text).toMatch(/Received\s+3\.75/);
  }, BROWSER_TEST_TIMEOUT);
});

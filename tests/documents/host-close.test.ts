import { expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { startServer } from '../support/harness.js';

it('closing the host closes the document browser it started', async () => {
  const server = await startServer({ only: [] });
  const docs = server.host.services.documents;
  expect(docs.has('layouts/letterhead')).toBe(true);
  const pdf = await docs.renderPdf('layouts/letterhead', { body: 'x' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const browser = (await (docs as unknown as { browser: Promise<Browser> }).browser) as Browser;
  expect(browser.connected).toBe(true);
  await server.close();
  expect(browser.connected).toBe(false);
  expect(browser.process()?.exitCode ?? browser.process()?.signalCode).not.toBeNull();
});

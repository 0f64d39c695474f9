import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandlebarsDocuments } from '../../server/documents/documents.js';
import { testConfig } from '../support/harness.js';
import { pdfImageCount, pdfText } from './pdf-text.js';

// A 1x1 PNG, enough for the letterhead to carry an image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let dir: string;
let docs: HandlebarsDocuments;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'his-docs-'));
  fs.writeFileSync(path.join(dir, 'logo.png'), PNG);
  fs.mkdirSync(path.join(dir, 'templates'));
  fs.writeFileSync(path.join(dir, 'templates', 'note.hbs'), '<h2>Note for {{patient.name}}</h2><p>{{text}}</p>');
  docs = new HandlebarsDocuments(
    testConfig({ FACILITY_NAME: 'Kibera Health Centre', FACILITY_ADDRESS: 'Olympic Road, Nairobi', FACILITY_LOGO: path.join(dir, 'logo.png') }),
  );
  docs.load(path.join(dir, 'templates'), 'test/');
});
afterAll(async () => {
  await docs?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('printed documents', () => {
  it('a name written as HTML prints as text, not as markup', async () => {
    const name = '<script>alert(1)</script><b>Bold</b>';
    const pdf = await docs.renderPdf('test/note', { patient: { name }, text: '<img src=x onerror=alert(2)>' });
    const text = pdfText(pdf);
    expect(text).toContain('Note for <script>alert(1)</script><b>Bold</b>');
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(docs.renderHtml('test/note', { patient: { name } })).not.toContain('<script>');
  });

  it('carries the facility letterhead from the configuration: name, address and logo', async () => {
    const pdf = await docs.renderPdf('test/note', { patient: { name: 'Amina' } });
    const text = pdfText(pdf);
    expect(text).toContain('Kibera Health Centre');
    expect(text).toContain('Olympic Road, Nairobi');
    expect(pdfImageCount(pdf)).toBeGreaterThan(0);
    const plain = new HandlebarsDocuments(testConfig({ FACILITY_NAME: 'No Logo Clinic' }));
    plain.load(path.join(dir, 'templates'), 'test/');
    try {
      expect(pdfImageCount(await plain.renderPdf('test/note', { patient: { name: 'Amina' } }))).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('reuses one browser: a warm PDF takes a fraction of the first', async () => {
    await docs.close();
    const t0 = performance.now();
    await docs.renderPdf('test/note', { patient: { name: 'Cold' } });
    const cold = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await docs.renderPdf('test/note', { patient: { name: `Warm ${i}` } });
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    const median = warm[2];
    console.log(`PDF render: cold ${cold.toFixed(0)} ms, warm median ${median.toFixed(0)} ms (${warm.map((w) => w.toFixed(0)).join(', ')})`);
    expect(median).toBeLessThan(cold);
    expect(median).toBeLessThan(1500);
  });

  it('a crashed browser is replaced on the next document, and close() ends it', async () => {
    await docs.renderPdf('test/note', { patient: { name: 'Before' } });
    const browser = await (docs as any).browser;
    browser.process()?.kill('SIGKILL');
    await new Promise((r) => browser.once('disconnected', r));
    expect(pdfText(await docs.renderPdf('test/note', { patient: { name: 'After crash' } }))).toContain('After crash');
    const replaced = await (docs as any).browser;
    await docs.close();
    expect(replaced.connected).toBe(false);
  });

  it('a missing logo file stops start-up with a message that names the setting', () => {
    expect(() => new HandlebarsDocuments(testConfig({ FACILITY_LOGO: path.join(dir, 'nope.png') }))).toThrow(/FACILITY_LOGO: no file/);
  });
});

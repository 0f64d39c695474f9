/**
 * Documents: handlebars templates (`templates/` and `modules/*\/templates/*.hbs`) rendered in
 * the letterhead layout, then to PDF by one reused headless Chromium (puppeteer-core).
 * Handlebars escapes `{{value}}`, so text from the database prints as text.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Browser } from 'puppeteer-core';
import type { Config } from '../../config/index.js';

export interface DocumentService {
  /** Template names are `<module>/<file without .hbs>` or `<file>` for the shared folder. */
  has(template: string): boolean;
  renderHtml(template: string, data: Record<string, unknown>, opts?: { title?: string }): string;
  renderPdf(template: string, data: Record<string, unknown>, opts?: { title?: string }): Promise<Buffer>;
  close(): Promise<void>;
}

export class HandlebarsDocuments implements DocumentService {
  private hb = Handlebars.create();
  private templates = new Map<string, Handlebars.TemplateDelegate>();
  private browser: Promise<Browser> | null = null;

  constructor(private config: Readonly<Config>) {
    this.hb.registerHelper('date', (v: unknown) => (v ? new Date(String(v)).toISOString().slice(0, 10) : ''));
    this.hb.registerHelper('datetime', (v: unknown) => (v ? new Date(String(v)).toISOString().slice(0, 16).replace('T', ' ') : ''));
    this.hb.registerHelper('money', (v: unknown) => (typeof v === 'number' ? `${(v / 100).toFixed(2)} ${config.currency}` : ''));
    this.hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.load(path.join(config.rootDir, 'templates'), '');
  }

  /** Registers every .hbs file of a folder; partials live in `partials/`. */
  load(dir: string, prefix: string) {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        this.load(file, `${prefix}${entry.name}/`);
      } else if (entry.name.endsWith('.hbs')) {
        const name = `${prefix}${entry.name.slice(0, -4)}`;
        const source = fs.readFileSync(file, 'utf8');
        if (prefix.endsWith('partials/')) this.hb.registerPartial(name.split('/').pop()!, source);
        this.templates.set(name, this.hb.compile(source, { strict: false }));
      }
    }
  }

  has(template: string) {
    return this.templates.has(template);
  }

  renderHtml(template: string, data: Record<string, unknown>, opts: { title?: string } = {}) {
    const t = this.templates.get(template);
    if (!t) throw new Error(`No document template "${template}"`);
    const facility = this.config.facility;
    const body = t({ ...data, facility });
    const layout = this.templates.get('layouts/letterhead');
    return layout ? layout({ body: new Handlebars.SafeString(body), title: opts.title ?? template, facility, printedAt: new Date().toISOString() }) : body;
  }

  private launch(): Promise<Browser> {
    this.browser ??= import('puppeteer-core').then(({ default: puppeteer }) =>
      puppeteer.launch({
        executablePath: this.config.chromePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      }),
    );
    return this.browser;
  }

  async renderPdf(template: string, data: Record<string, unknown>, opts: { title?: string } = {}) {
    const html = this.renderHtml(template, data, opts);
    const browser = await this.launch();
    const page = await browser.newPage();
    try {
      // No network: a document is self-contained.
      await page.setRequestInterception(true);
      page.on('request', (r) => (r.url().startsWith('data:') ? r.continue() : r.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
    } finally {
      await page.close();
    }
  }

  async close() {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b).close().catch(() => undefined);
  }
}

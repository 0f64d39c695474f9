/**
 * Documents: handlebars templates (`templates/` and `modules/*\/templates/*.hbs`) rendered in
 * the letterhead layout, then to PDF by one reused headless Chromium (puppeteer-core).
 * Handlebars escapes `{{value}}`, so text from the database prints as text; the page also runs
 * with JavaScript off and no network, so even a template bug cannot run or fetch anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Browser, Page } from 'puppeteer-core';
import type { Config } from '../../config/index.js';
import { detectType } from './file-types.js';

const RENDER_TIMEOUT_MS = 30_000;
/** Opening a tab costs more than printing on a busy machine (200-700 ms measured): keep a few. */
const IDLE_PAGES = 4;

/**
 * The letterhead logo as a data URL: the page has no network, so a file path (relative to the
 * project root) is read once at start-up. A missing or non-image file stops start-up.
 */
export function logoDataUrl(logo: string | undefined, rootDir: string): string | undefined {
  if (!logo) return undefined;
  if (logo.startsWith('data:image/')) return logo;
  const file = path.isAbsolute(logo) ? logo : path.join(rootDir, logo);
  if (!fs.existsSync(file)) throw new Error(`FACILITY_LOGO: no file at ${file}`);
  const bytes = fs.readFileSync(file);
  const type = file.endsWith('.svg') && bytes.subarray(0, 512).toString('utf8').includes('<svg') ? 'image/svg+xml' : detectType(bytes);
  if (!type?.startsWith('image/')) throw new Error(`FACILITY_LOGO: ${file} is not a PNG, JPEG or SVG image`);
  return `data:${type};base64,${bytes.toString('base64')}`;
}

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
  private idle: { browser: Browser; page: Page }[] = [];
  private facility: Config['facility'];

  constructor(private config: Readonly<Config>) {
    this.facility = { ...config.facility, logo: logoDataUrl(config.facility.logo, config.rootDir) };
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
    const facility = this.facility;
    const body = t({ ...data, facility });
    const layout = this.templates.get('layouts/letterhead');
    return layout ? layout({ body: new Handlebars.SafeString(body), title: opts.title ?? template, facility, printedAt: new Date().toISOString() }) : body;
  }

  /** One browser for the process: launched on first use, relaunched if it dies, closed with the host. */
  private launch(): Promise<Browser> {
    if (this.browser) return this.browser;
    const launching = import('puppeteer-core').then(async ({ default: puppeteer }) => {
      const browser = await puppeteer.launch({
        executablePath: this.config.chromePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      });
      browser.once('disconnected', () => {
        if (this.browser === launching) this.browser = null;
        this.idle = this.idle.filter((p) => p.browser !== browser);
      });
      return browser;
    });
    // A failed launch (wrong CHROME_PATH) is retried on the next document, not cached.
    launching.catch(() => {
      if (this.browser === launching) this.browser = null;
    });
    this.browser = launching;
    return launching;
  }

  /** A tab with JavaScript off and no network (a document is self-contained), reused between documents. */
  private async acquire(): Promise<{ browser: Browser; page: Page }> {
    const browser = await this.launch();
    const reused = this.idle.pop();
    if (reused?.browser === browser && !reused.page.isClosed()) return reused;
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (r) => (r.url().startsWith('data:') ? r.continue() : r.abort()));
    return { browser, page };
  }

  async renderPdf(template: string, data: Record<string, unknown>, opts: { title?: string } = {}) {
    const html = this.renderHtml(template, data, opts);
    const tab = await this.acquire();
    let healthy = false;
    try {
      await tab.page.setContent(html, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
      const pdf = Buffer.from(
        await tab.page.pdf({ format: 'A4', printBackground: true, timeout: RENDER_TIMEOUT_MS, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }),
      );
      healthy = true;
      return pdf;
    } finally {
      // A tab that failed is not trusted again.
      if (healthy && this.idle.length < IDLE_PAGES && tab.browser.connected) this.idle.push(tab);
      else await tab.page.close().catch(() => undefined);
    }
  }

  async close() {
    const b = this.browser;
    this.browser = null;
    this.idle = [];
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }
}

/**
 * Browser tests: the back-office built into a private directory for this test run, served
 * with the API by one server per test file, driven by one headless Chromium.
 *
 *   const env = useBrowserEnv();                  // in a describe block: starts and stops both
 *   const page = await env.newPage();
 *   await signIn(page, 'physician@healthcare.com');
 *   await screenshot(page, 'physician-home');     // test-artifacts/physician-home.png
 *
 * Inputs are selected by their `name` (react-admin's `source`), never by generated ids.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { buildAdmin, staleReason } from '../../admin/build/build.js';
import { DEMO_PASSWORD, startServer, testConfig, type TestServer } from '../support/harness.js';

/** A user journey of a dozen screens; generous because test machines are shared and busy. */
export const BROWSER_TEST_TIMEOUT = 180_000;

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../test-artifacts');
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * One build per test run, in the temp directory and named after the run's database, so test
 * runs of several engineers at once never overwrite each other's build (nor admin/dist).
 */
export async function buildForThisRun(): Promise<string> {
  const run = new URL(inject('DATABASE_URL' as never) as string).pathname.slice(1) || String(process.pid);
  const outDir = path.join(os.tmpdir(), `his-admin-${run}`);
  const config = testConfig();
  const opts = { outDir, disabledModules: config.disabledModules, plugins: config.plugins };
  if (staleReason(opts)) {
    removeOldBuilds();
    await buildAdmin(opts);
  }
  return outDir;
}

/** Builds of earlier test runs (a day old): nothing removes them when a run ends. */
function removeOldBuilds() {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith('his-admin-his_test_')) continue;
    const dir = path.join(os.tmpdir(), name);
    if (fs.statSync(dir).mtimeMs < dayAgo) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The built app and the API on one origin, as `npm start` serves them. */
function serveApp(server: TestServer, outDir: string): Promise<{ url: string; http: Server }> {
  const app = express();
  app.use(express.static(outDir, { index: false }));
  app.get(/^\/(?!api\/|health|metrics|display)/, (_req, res) => res.sendFile(path.join(outDir, 'index.html')));
  app.use(server.host.app);
  return new Promise((resolve) => {
    const http = app.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, http }));
  });
}

export interface BrowserEnv {
  url: string;
  server: TestServer;
  browser: Browser;
  /** A fresh tab (own storage: signed out) that records errors and requests to other origins. */
  newPage(): Promise<TrackedPage>;
}

export interface TrackedPage extends Page {
  errors: string[];
  foreignRequests: string[];
}

/** Starts the server and the browser before the file's tests, stops them after. */
export function useBrowserEnv(opts: { only?: string[] } = {}): BrowserEnv {
  const env = {} as BrowserEnv;
  const openPages: Page[] = [];
  let http: Server | undefined;
  let userDataDir: string | undefined;
  beforeAll(async () => {
    const outDir = await buildForThisRun();
    env.server = await startServer(opts.only ? { only: opts.only } : {});
    const served = await serveApp(env.server, outDir);
    http = served.http;
    env.url = served.url;
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'his-chromium-'));
    env.browser = await puppeteer.launch({ executablePath: CHROME_PATH, args: [...CHROME_FLAGS, `--user-data-dir=${userDataDir}`] });
    env.newPage = async () => {
      const context = await env.browser.createBrowserContext();
      const page = (await context.newPage()) as TrackedPage;
      page.errors = [];
      page.foreignRequests = [];
      await page.setViewport({ width: 1366, height: 900 });
      page.on('pageerror', (e) => page.errors.push(e instanceof Error ? e.message : String(e)));
      page.on('request', (r) => {
        const u = r.url();
        if (!u.startsWith(env.url) && !u.startsWith('data:') && !u.startsWith('blob:')) page.foreignRequests.push(u);
      });
      page.setDefaultTimeout(20_000);
      bindOrigin(page, env.url);
      openPages.push(page);
      return page;
    };
  });
  // A failed test leaves a screenshot of every page it opened, named after the test.
  afterEach(async (ctx) => {
    const pages = openPages.splice(0);
    if (ctx.task.result?.state !== 'fail') return;
    for (const [i, p] of pages.entries()) await screenshot(p, `FAILED-${ctx.task.name}-${i}`).catch(() => undefined);
  });
  afterAll(async () => {
    await env.browser?.close();
    if (http) await new Promise((r) => http!.close(r));
    await env.server?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });
  return env;
}

/** `[name="..."]`: how tests find inputs. */
export const byName = (name: string) => `[name="${name}"]`;

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  // The viewport, as the user sees it (a full-page capture misplaces the fixed app bar).
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}

/** Opens the app signed out, fills the sign-in form and waits for the home dashboard. */
export async function signIn(page: TrackedPage | Page, email: string, password = DEMO_PASSWORD, url?: string): Promise<void> {
  await openSignIn(page, url);
  await submitSignIn(page, email, password);
  await page.waitForSelector('[data-testid="dashboard"]');
}

export async function openSignIn(page: Page, url?: string): Promise<void> {
  const base = url ?? currentOrigin(page);
  await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector(byName('email'));
}

export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await fill(page, 'email', email);
  await fill(page, 'password', password);
  await page.click('form button[type="submit"]');
}

const origins = new WeakMap<Page, string>();
/** Remembers the app's origin for a page so helpers can take paths. */
export function bindOrigin(page: Page, url: string): void {
  origins.set(page, url);
}
function currentOrigin(page: Page): string {
  const known = origins.get(page);
  if (known) return known;
  const u = page.url();
  if (!u.startsWith('http')) throw new Error('Call bindOrigin(page, env.url) or pass the url first');
  return new URL(u).origin;
}

/** Goes to a screen of the app (`/patients/create`; the app routes with the URL hash). */
export async function visit(page: Page, route: string): Promise<void> {
  const hash = `#${route.startsWith('/') ? route : `/${route}`}`;
  const origin = currentOrigin(page);
  // Inside the app a hash change is an in-app navigation (page.goto would wait for a load that never comes).
  if (page.url().startsWith(origin)) await page.evaluate((h) => void (window.location.hash = h), hash);
  else await page.goto(`${origin}/${hash}`, { waitUntil: 'domcontentloaded' });
}

/** Sets an input's value the way typing does (React sees it), replacing what was there. */
export async function fill(page: Page, name: string, value: string): Promise<void> {
  const selector = byName(name);
  await page.waitForSelector(selector);
  await page.$eval(
    selector,
    (el, v) => {
      const input = el as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
      setter.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

/** Picks an option of a react-admin SelectInput (a MUI select) by the option's visible text. */
export async function choose(page: Page, name: string, optionText: string): Promise<void> {
  const selector = byName(name);
  await page.waitForSelector(selector);
  await page.$eval(selector, (el) => {
    const box = el.closest('.MuiInputBase-root')?.querySelector('[role="combobox"], [aria-haspopup="listbox"]') as HTMLElement | null;
    if (!box) throw new Error('not a select input');
    box.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  });
  await page.waitForSelector('[role="listbox"] [role="option"]');
  await clickByText(page, '[role="listbox"] [role="option"]', optionText);
  await page.waitForFunction(() => !document.querySelector('[role="listbox"]'));
}

/** Clicks the first element matching `selector` whose text is `text` (trimmed; as written, not as CSS capitalises it). */
export async function clickByText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction((s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent?.trim() === t), {}, selector, text);
  await page.$$eval(
    selector,
    (els, t) => {
      const el = els.find((e) => e.textContent?.trim() === t) as HTMLElement;
      el.click();
    },
    text,
  );
}

/**
 * Clicks the list row showing `text` until `opened` appears: a row is clickable only once
 * react-admin knows the user may open it, which can be a moment after the row is drawn.
 */
export async function openRow(page: Page, text: string, opened: string, attempts = 8): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    await page.$$eval('.RaList-main tbody tr', (rows, t) => (rows.find((r) => r.textContent?.includes(t))?.querySelector('td') as HTMLElement | null)?.click(), text);
    if (await page.waitForSelector(opened, { timeout: 2_500 }).then(() => true, () => false)) return;
  }
  throw new Error(`Clicking the row "${text}" did not open ${opened}`);
}

/** Lets the page download files into a fresh directory, returned; `waitForDownload` then reads one. */
export async function allowDownloads(page: Page): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'his-downloads-'));
  const cdp = await page.browser().target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, browserContextId: page.browserContext().id, eventsEnabled: true });
  return dir;
}

export async function waitForDownload(dir: string, name: string, timeout = 20_000): Promise<string> {
  const file = path.join(dir, name);
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No download named ${name} in ${timeout} ms`);
}

/** Waits until the page shows `text` somewhere. */
export async function waitForText(page: Page, text: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text);
}

export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Texts of the side menu's entries, and of its department headings. */
export async function menu(page: Page): Promise<{ groups: string[]; items: string[] }> {
  await page.waitForSelector('[data-menu-group]');
  return page.evaluate(() => ({
    groups: [...document.querySelectorAll('[data-menu-group]')].map((e) => e.getAttribute('data-menu-group') ?? ''),
    items: [...document.querySelectorAll('.RaMenu-root a, [data-menu-group] a')].map((a) => (a as HTMLElement).innerText.trim()).filter(Boolean),
  }));
}

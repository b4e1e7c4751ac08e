// Shared helpers for Tend's end-to-end tests (node:test + playwright-core).
//
// The suite runs against the release build served by scripts/static-server.mjs;
// scripts/test starts the server and sets BASE_URL and SCREENSHOT_DIR.
//
//   import { test, before, after } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { BASE_URL, launchBrowser, newPage, assertClean, checkA11y, screenshot } from './harness.mjs';
//
//   const SETTINGS = JSON.stringify({ v: 1, data: { band: '15-17' } }); // skips /welcome
//
//   let browser;
//   before(async () => { browser = await launchBrowser(); });
//   after(async () => { await browser?.close(); });
//
//   test('help is reachable', async () => {
//     const page = await newPage(browser, { viewport: 'phone', storage: { 'tend.settings': SETTINGS } });
//     try {
//       await page.goto(`${BASE_URL}/help`);
//       await checkA11y(page, 'help');
//       await screenshot(page, 'help-phone');
//       assertClean(page);
//     } finally {
//       await page.context().close();
//     }
//   });
//
// Every page gets its own browser context, so tests never share storage.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/** Origin under test, e.g. `http://127.0.0.1:8090` (env BASE_URL, no trailing slash). */
export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8090').replace(/\/+$/, '');
const BASE_ORIGIN = new URL(BASE_URL).origin;

/** Where screenshot() writes (env SCREENSHOT_DIR, default target/e2e-screenshots). */
export const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR || 'target/e2e-screenshots');

/** The axe-core rule tags every page must pass. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Flags for the system Chromium on these machines (no sandbox as root, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
};

const SEEDED_FLAG = '__tend_e2e_seeded';
const CSP_BINDING = '__tendE2eCspViolation';

/** @type {WeakMap<import('playwright-core').Page, {problems: string[], requests: string[]}>} */
const records = new WeakMap();

/**
 * Launches the system Chromium (/usr/bin/chromium) headless. Close it in `after()`.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens a page in a NEW browser context (fresh storage) and starts recording problems:
 * requests to any origin other than BASE_URL's (data: and blob: are fine), console
 * errors, console text containing "panicked", uncaught page errors and
 * Content-Security-Policy violations. Check them with assertClean(page).
 * Close with `await page.context().close()`.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {object} [options]
 * @param {'phone'|'desktop'} [options.viewport='phone'] phone = 390×844 touch at 2×; desktop = 1280×800
 * @param {'light'|'dark'} [options.colorScheme='light']
 * @param {boolean} [options.reducedMotion=false] emulate `prefers-reduced-motion: reduce`
 * @param {string} [options.locale='en-US'] the browser's language (navigator.language)
 * @param {boolean} [options.javaScript=true] false: the page runs no script at all
 * @param {'allow'|'block'} [options.serviceWorkers='allow'] block: no service worker, so
 *   every file the page asks for passes through page.route
 * @param {Record<string, string|object>} [options.storage] localStorage entries written before the
 *   app's first load on BASE_URL's origin (objects are JSON-encoded). Reloads, later
 *   navigations and further tabs do not write them again, so the app's changes survive.
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function newPage(browser, options = {}) {
  const { viewport = 'phone', colorScheme = 'light', reducedMotion = false, locale = 'en-US', javaScript = true, serviceWorkers = 'allow', storage } = options;
  const device = VIEWPORTS[viewport];
  if (!device) throw new Error(`newPage: unknown viewport ${JSON.stringify(viewport)} (phone or desktop)`);

  const context = await browser.newContext({
    ...device,
    colorScheme,
    locale,
    reducedMotion: reducedMotion ? 'reduce' : 'no-preference',
    javaScriptEnabled: javaScript,
    serviceWorkers,
  });
  const rec = { problems: [], requests: [] };

  context.on('request', (req) => {
    const url = req.url();
    rec.requests.push(url);
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!sameOrigin(url)) rec.problems.push(`foreign request: ${req.method()} ${url}`);
  });

  await context.exposeBinding(CSP_BINDING, (_source, v) => {
    rec.problems.push(`CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}`);
  });
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = {
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile || location.href}:${e.lineNumber}`,
      };
      if (typeof window[binding] === 'function') window[binding](v);
      else console.error(`CSP violation: ${v.directive} blocked ${v.blocked} at ${v.source}`);
    });
  }, CSP_BINDING);

  const page = await context.newPage();

  if (storage && Object.keys(storage).length > 0) {
    const entries = Object.entries(storage).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
    const seeding = await context.addInitScript(
      ({ origin, flag, entries }) => {
        if (location.origin !== origin) return;
        try {
          if (sessionStorage.getItem(flag)) return;
          for (const [k, v] of entries) localStorage.setItem(k, v);
          sessionStorage.setItem(flag, '1');
        } catch (err) {
          console.error(`e2e harness could not seed storage: ${err}`);
        }
      },
      { origin: BASE_ORIGIN, flag: SEEDED_FLAG, entries },
    );
    // Once the first document on our origin has loaded, stop seeding altogether; the
    // sessionStorage flag covers a reload racing this.
    const onLoad = () => {
      if (!sameOrigin(page.url())) return;
      page.off('domcontentloaded', onLoad);
      seeding.dispose().catch(() => {});
    };
    page.on('domcontentloaded', onLoad);
  }

  context.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error') rec.problems.push(`console error: ${text}${where(msg)}`);
    else if (/panicked/i.test(text)) rec.problems.push(`panic (console.${msg.type()}): ${text}`);
  });
  page.on('pageerror', (err) => rec.problems.push(`page error: ${err.stack || err.message || err}`));
  page.on('crash', () => rec.problems.push('page crashed'));

  records.set(page, rec);
  return page;
}

function sameOrigin(url) {
  try {
    return new URL(url).origin === BASE_ORIGIN;
  } catch {
    return false;
  }
}

function where(msg) {
  const loc = msg.location();
  return loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
}

function recordOf(page) {
  const rec = records.get(page);
  if (!rec) throw new Error('this page was not opened with newPage() from harness.mjs');
  return rec;
}

/**
 * Problems recorded on a page so far (a copy).
 * @param {import('playwright-core').Page} page
 * @returns {string[]}
 */
export function problems(page) {
  return [...recordOf(page).problems];
}

/**
 * Every URL the page's context requested so far, in order (a copy).
 * @param {import('playwright-core').Page} page
 * @returns {string[]}
 */
export function requests(page) {
  return [...recordOf(page).requests];
}

/**
 * Throws one error listing every problem recorded on the page (foreign requests,
 * console errors, panics, page errors, CSP violations).
 * @param {import('playwright-core').Page} page
 * @param {{ignore?: RegExp[]}} [options] problems matching any of these are expected and skipped
 */
export function assertClean(page, { ignore = [] } = {}) {
  const found = recordOf(page).problems.filter((p) => !ignore.some((re) => re.test(p)));
  if (found.length === 0) return;
  // The same message often arrives more than once (a CSP in both header and <meta>
  // reports each violation twice): list each once, with a count.
  const counts = new Map();
  for (const p of found) counts.set(p, (counts.get(p) ?? 0) + 1);
  const lines = [...counts].map(([p, n]) => `  - ${p}${n > 1 ? ` (×${n})` : ''}`);
  throw new Error(`${found.length} problem(s) on ${page.url()}:\n${lines.join('\n')}`);
}

/**
 * Runs axe-core with the WCAG 2.0–2.2 A/AA tags on the page as it is now and
 * throws a readable list of violations.
 * @param {import('playwright-core').Page} page
 * @param {string} label names the state being checked in the error, e.g. 'settings (dark)'
 * @param {{exclude?: string[]}} [options] CSS selectors to leave out (use sparingly, say why)
 */
export async function checkA11y(page, label, { exclude = [] } = {}) {
  // A screen arriving with a short fade (at most a second) is checked as it settles, not
  // half-faded: axe reads colours mid-animation as blended. Long or endless animations
  // (a breathing session's shape) are left running.
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((a) => a.playState === 'running' && (a.effect?.getComputedTiming().endTime ?? Infinity) <= 1000)
    .map((a) => a.finished.catch(() => {}))));
  let builder = new AxeBuilder({ page }).withTags(A11Y_TAGS);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  if (violations.length === 0) return;
  const lines = violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
      .join('\n');
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `  - ${v.id} [${v.impact}]: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
  });
  throw new Error(`axe: ${violations.length} violation(s) on ${label} (${page.url()}):\n${lines.join('\n')}`);
}

/**
 * Saves a full-page PNG as `<SCREENSHOT_DIR>/<name>.png` and returns its path.
 * @param {import('playwright-core').Page} page
 * @param {string} name e.g. 'welcome-phone-dark'
 * @returns {Promise<string>}
 */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-zA-Z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs `run(page)` on a page from newPage() and always closes its context.
 * @param {import('playwright-core').Browser} browser
 * @param {Parameters<typeof newPage>[1]} options
 * @param {(page: import('playwright-core').Page) => Promise<void>} run
 */
export async function withPage(browser, options, run) {
  const page = await newPage(browser, options);
  try {
    await run(page);
  } finally {
    await page.context().close();
  }
}

/**
 * Waits for the page's h1 with this accessible name and, unless `started` is false (a
 * page with script off), for the app to have taken the page over: a page of its own
 * (help.html, family.html) shows its heading before the app starts, and a test acts on
 * the app's page, not the plain one. A page whose app could not start counts as taken
 * over (it says so, beside Help now), and so does the lock screen, which is all that
 * starts while Tend is locked.
 */
export async function heading(page, name, { started = true } = {}) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  if (started) await page.locator('html.boot-failed, body:not(:has(#boot)), #boot .lock-screen').waitFor({ state: 'attached' });
}

/** A `tend.settings` storage seed holding `data` in a version 1 envelope. */
export function settingsSeed(data) {
  return { 'tend.settings': JSON.stringify({ v: 1, data }) };
}

/**
 * One browser for a test file: launched before its tests, closed after them.
 * Call at the top level of a `*.test.mjs` file.
 * @returns {{ browser: () => import('playwright-core').Browser,
 *             withPage: (options: Parameters<typeof newPage>[1], run: (page: import('playwright-core').Page) => Promise<void>) => Promise<void> }}
 */
export function sharedBrowser() {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return { browser: () => browser, withPage: (options, run) => withPage(browser, options, run) };
}

/**
 * Everything of Tend's on this origin, to compare byte for byte: every `tend.*` key and
 * value in localStorage and in sessionStorage, the names of the caches, and the scopes
 * of the service workers.
 * @param {import('playwright-core').Page} page
 */
export function tendSnapshot(page) {
  return page.evaluate(async () => {
    const keys = (store) => {
      const out = {};
      for (let i = 0; i < store.length; i++) {
        const k = store.key(i);
        if (k.startsWith('tend.')) out[k] = store.getItem(k);
      }
      return out;
    };
    const caches_ = 'caches' in self ? (await caches.keys()).sort() : [];
    const workers = 'serviceWorker' in navigator
      ? (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope).sort()
      : [];
    return { data: keys(localStorage), session: keys(sessionStorage), caches: caches_, workers };
  });
}

/** How many pages a PDF has: its page objects, not the page tree (`/Pages`). */
/** An init script: counts every localStorage write the page makes from its load on. */
export const COUNT_WRITES = () => {
  window.__tendWrites = [];
  for (const name of ['setItem', 'removeItem', 'clear']) {
    const original = Storage.prototype[name];
    Storage.prototype[name] = function (...args) {
      if (this === window.localStorage) window.__tendWrites.push(`${name} ${args[0] ?? ''}`);
      return original.apply(this, args);
    };
  }
};

/**
 * An init script: this browser promises to keep Tend's data (`navigator.storage.persisted()`
 * answers true), so Settings has no one-time note about it to show and remember. For
 * tests that prove a visit to Settings writes nothing.
 */
export const STORAGE_KEPT = () => {
  if (navigator.storage) navigator.storage.persisted = () => Promise.resolve(true);
};

/** The localStorage writes counted by COUNT_WRITES. */
export const localWrites = (page) => page.evaluate(() => window.__tendWrites);

export const pdfPages = (bytes) => (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;

/**
 * The page as printed: switches to print media, returns its visible text and how many
 * buttons, bars and statuses still show, and a PDF of it (A4), then switches back.
 * @param {import('playwright-core').Page} page
 */
export async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  try {
    const seen = await page.evaluate(() => {
      const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
      return {
        text: document.body.innerText,
        chrome: [...document.querySelectorAll('button, .tabbar, .topbar, .demo-bar')].filter(visible).length,
      };
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    return { ...seen, pdf, pages: pdfPages(pdf) };
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

/** Today as Tend counts days: days since 1970-01-01 in the local calendar. */
export function localDay(date = new Date()) {
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000);
}

/** The demo's bar, and one of its age band buttons ('12–14', '15–17', '18+'). */
export const demoBar = (page) => page.getByRole('region', { name: 'Demo mode' });
export const demoBand = (page, name) => demoBar(page).getByRole('button', { name, exact: true });

/** A record as Tend stores it: `data` in a version 1 envelope. */
export const envelope = (data) => JSON.stringify({ v: 1, data });

/**
 * Someone's own Tend on a shared laptop: a band, a light theme, a session with a
 * private note and a drawing. Demo mode reads none of it and must leave it as it is.
 */
export const OWN_TEND = {
  ...settingsSeed({ band: '12-14', theme: 'light', region: 'gb' }),
  'tend.breath.1764000000000': envelope({
    pattern: 'soothing', name: 'Soothing rhythm', day: 20400, minute: 600, seconds: 60,
    finished: true, before: 'low', after: 'okay', note: 'My own private note about today',
  }),
  'tend.drawing.1764000000001': envelope({
    name: 'My own drawing', prompt: 'free', day: 20400,
    drawing: { paper: 'warm', strokes: [] }, words: 'A quiet room with a lamp',
  }),
};

// A new version of Tend deployed while a page is open. Each test serves a copy of dist/
// (version A) from a server of its own, opens Tend, then deploys "the next version"
// (scripts/derive-version.mjs: the same files under another build folder and version,
// with A's files gone from the server, as after a real deploy) and lets the browser
// find it, as it does when Tend is opened in another tab.
//
// - The open page keeps working on version A: a section it had not opened yet still
//   arrives (from A's kept copy), and A's copy goes once no page runs A.
// - The new version waits: while a breathing session runs or a stroke is being drawn,
//   nothing is offered; then "A new version of Tend is ready" with "Use it now", which
//   loads version B.
//
// These tests start their own server (BASE_URL is not used) and read the built files
// from dist/ (or DIST_DIR).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, checkA11y, screenshot } from './harness.mjs';
import { deriveVersion, versionOf } from '../../scripts/derive-version.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.resolve(process.env.DIST_DIR || path.join(REPO, 'dist'));
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const SETTINGS = JSON.stringify({ v: 1, data: { band: '15-17' } });

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * Serves a copy of dist/ (version A) on a port of its own while `run` runs.
 * `site.deploy()` replaces it with the next version and returns that version's ids.
 */
async function withSite(run) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tend-update-'));
  cpSync(DIST, dir, { recursive: true });
  const server = spawn(process.execPath, [path.join(REPO, 'scripts/static-server.mjs'), '--dir', dir, '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /Serving .* at (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      server.on('exit', (code) => reject(new Error(`the test's server stopped (exit ${code})`)));
    });
    const site = { url, first: versionOf(dir), deploy: () => deriveVersion(DIST, dir) };
    const context = await browser.newContext(PHONE);
    try {
      await run(site, context);
    } finally {
      await context.close();
    }
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A tab in `context` on `site`, recording problems as the harness does: requests to
 * another origin, console errors, uncaught errors. Seeds an age band, so Home opens.
 */
async function tab(context, site) {
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(site.url).origin;
  page.on('request', (req) => {
    const url = req.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) problems.push(`foreign request: ${url}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /panicked/i.test(msg.text())) problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.addInitScript((settings) => {
    if (!localStorage.getItem('tend.settings')) localStorage.setItem('tend.settings', settings);
  }, SETTINGS);
  page.clean = () => assert.deepEqual(problems, [], `problems on ${page.url()}`);
  return page;
}

const h1 = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();
/** Waits for a section's page, failing at once if the section says it did not arrive. */
async function arrives(page, name) {
  const heading = page.getByRole('heading', { level: 1, name });
  const failed = page.getByRole('alert').filter({ hasText: "didn't arrive" });
  await heading.or(failed).first().waitFor();
  assert.equal(await failed.count(), 0, `the section with "${name}" did not arrive`);
}
const tabbar = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
const pageVersion = (page) => page.evaluate(() => document.querySelector('meta[name="tend-version"]')?.content);

/** Waits until the service worker looks after the page, and notes when another takes over. */
async function lookedAfter(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    window.__takenOver = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

/**
 * Deploys the next version while `page` is open on the first, and has the browser find
 * it as it does when Tend is opened in another tab; returns once the new version's
 * worker has taken over `page` too. The browser's HTTP cache is emptied first: what an
 * open page can count on is Tend's own kept copy, not what the browser happened to keep.
 */
async function deployNext(site, context, page) {
  const next = site.deploy();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  const other = await tab(context, site);
  await other.goto(`${site.url}/about`);
  await h1(other, 'About Tend');
  assert.equal(await pageVersion(other), next.version, 'the other tab opened the new version');
  await page.evaluate(() => window.__takenOver);
  await other.close();
  return next;
}

test('a page open when a new version is deployed still opens sections it had not opened; the old files go once no page runs them', () =>
  withSite(async (site, context) => {
    const page = await tab(context, site);
    await page.goto(`${site.url}/`);
    await h1(page, 'Good to see you');
    await lookedAfter(page);
    const next = await deployNext(site, context, page);
    assert.equal(await pageVersion(page), site.first.version, 'the open page still runs the first version');

    // Neither section was opened before, and the server no longer has them.
    await tabbar(page, 'Breathe').click();
    await arrives(page, 'Breathing space');
    await tabbar(page, 'Draw').click();
    await arrives(page, 'Drawing room');
    await screenshot(page, 'update-old-page-opens-draw');
    page.clean();

    // Once no page runs the first version, its kept copy goes (at the next page load).
    const old = `tend-${site.first.version}`;
    await page.close();
    const later = await tab(context, site);
    await later.goto(`${site.url}/`);
    await h1(later, 'Good to see you');
    await later.waitForFunction(async (name) => !(await navigator.locks.query()).held.some((l) => l.name === name), old);
    await later.reload();
    await h1(later, 'Good to see you');
    await later.waitForFunction(async (name) => !(await caches.keys()).includes(name), old);
    assert.deepEqual(await later.evaluate(() => caches.keys()), [`tend-${next.version}`]);
    later.clean();
  }));

test('a new version waits for a breathing session to end, is then offered, and "Use it now" loads it', () =>
  withSite(async (site, context) => {
    const page = await tab(context, site);
    await page.goto(`${site.url}/breathe`);
    await h1(page, 'Breathing space');
    await lookedAfter(page);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();

    const next = await deployNext(site, context, page);
    // The page has heard of it, and offers nothing while the session runs.
    await page.waitForFunction(() => document.documentElement.dataset.update === 'waiting');
    assert.equal(await page.getByRole('button', { name: 'Use it now' }).count(), 0);
    assert.equal(await page.getByText('A new version of Tend is ready').count(), 0);
    await page.getByRole('button', { name: 'Pause' }).waitFor();

    await page.getByRole('button', { name: 'Stop' }).click();
    await h1(page, "You stopped, and that's okay");
    const offer = page.getByRole('status').filter({ hasText: 'A new version of Tend is ready.' });
    await offer.getByRole('button', { name: 'Use it now' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.update), 'offered');
    // Offered, not forced: the focus stays where it was, and the page carries on.
    assert.notEqual(await page.evaluate(() => document.activeElement?.textContent), 'Use it now');
    await checkA11y(page, 'a new version offered');
    await screenshot(page, 'update-offered-phone');
    page.clean();

    await offer.getByRole('button', { name: 'Use it now' }).click();
    await page.waitForFunction((v) => document.querySelector('meta[name="tend-version"]')?.content === v, next.version);
    await h1(page, 'Breathing space');
    assert.equal(await page.getByRole('button', { name: 'Use it now' }).count(), 0, 'the new version offers nothing');
    page.clean();
  }));

test('a stroke being drawn holds the offer of a new version until the pen lifts', () =>
  withSite(async (site, context) => {
    const page = await tab(context, site);
    await page.goto(`${site.url}/draw`);
    await h1(page, 'Drawing room');
    await lookedAfter(page);
    const canvas = await page.locator('canvas').first().boundingBox();
    const x = canvas.x + canvas.width / 2;
    const y = canvas.y + canvas.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 20, y + 10);

    await deployNext(site, context, page);
    await page.waitForFunction(() => document.documentElement.dataset.update === 'waiting');
    assert.equal(await page.getByRole('button', { name: 'Use it now' }).count(), 0);

    await page.mouse.move(x + 40, y + 20);
    await page.mouse.up();
    await page.getByRole('button', { name: 'Use it now' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.update), 'offered');
    page.clean();
  }));

for (const [what, path, title, field] of [
  ['a plan\'s note typed in the plan maker', '/plan/make', 'Make a practice plan', 'A note in your own words (optional)'],
  ['a breathing pattern being made', '/breathe/patterns', 'Your own patterns', 'Name'],
]) {
  test(`${what} holds the offer of a new version until it is cleared`, () =>
    withSite(async (site, context) => {
      const page = await tab(context, site);
      await page.goto(`${site.url}${path}`);
      await arrives(page, title);
      const input = page.getByLabel(field, { exact: true });
      await input.waitFor();
      await lookedAfter(page);
      await input.fill('Slow and kind');

      await deployNext(site, context, page);
      await page.waitForFunction(() => document.documentElement.dataset.update === 'waiting');
      assert.equal(await page.getByRole('button', { name: 'Use it now' }).count(), 0);

      await input.fill('');
      await page.getByRole('button', { name: 'Use it now' }).waitFor();
      page.clean();
    }));
}

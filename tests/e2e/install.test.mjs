// Tend on the home screen: Chromium finds nothing missing to install it (its own
// installability check over the DevTools protocol), the manifest's icons and shortcuts
// are real, Settings offers "Add Tend to your home screen" when the browser does (and
// shows the browser's dialog), Safari on an iPhone gets its steps instead, and Settings
// says once, not again, when the browser may clear what Tend keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { BASE_URL, CHROMIUM_ARGS, assertClean, checkA11y, screenshot, heading as h1, settingsSeed, sharedBrowser, STORAGE_KEPT } from './harness.mjs';

const SEED = settingsSeed({ band: '15-17', region: 'gb' });
const { withPage } = sharedBrowser();

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

/** Before any script of the page: the browser answers `persisted()` with `kept`. */
const storageKept = (page, kept) =>
  kept
    ? page.addInitScript(STORAGE_KEPT)
    : page.addInitScript(() => {
        if (navigator.storage) navigator.storage.persisted = () => Promise.resolve(false);
      });

/** A stand-in for Chromium's `beforeinstallprompt`, which needs real engagement to fire. */
function offerInstall() {
  const offer = new Event('beforeinstallprompt');
  offer.prompt = () => {
    window.__installDialogs = (window.__installDialogs || 0) + 1;
    return Promise.resolve({ outcome: 'accepted', platform: 'web' });
  };
  offer.userChoice = Promise.resolve({ outcome: 'accepted', platform: 'web' });
  dispatchEvent(offer);
}

const stored = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('tend.settings') ?? 'null')?.data ?? {});

test('Chromium can install Tend: no installability errors, real PNG icons (a maskable one too) and shortcuts to Breathe and Help now', async () => {
  // Chromium never installs from an incognito-like context (every harness page's), so
  // this one has a profile of its own, thrown away afterwards.
  const profile = await mkdtemp(path.join(tmpdir(), 'tend-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    context.on('request', (r) => {
      if (!/^(data|blob):/.test(r.url()) && new URL(r.url()).origin !== new URL(BASE_URL).origin) problems.push(`foreign request: ${r.url()}`);
    });
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${BASE_URL}/`);
    await page.locator('main h1').first().waitFor();

    const cdp = await page.context().newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, [], 'the manifest parses without complaint');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'nothing stops Chromium installing Tend');
    // Chromium would take one SVG icon alone; other browsers and launchers ask for PNGs
    // at set sizes, a maskable one, and a full square for an iPhone.

    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.name, 'Tend');
    assert.match(manifest.theme_color, /^#[0-9A-F]{6}$/i);
    assert.match(manifest.background_color, /^#[0-9A-F]{6}$/i);
    const pngs = manifest.icons.filter((i) => i.type === 'image/png');
    const has = (size, purpose) => pngs.some((i) => i.sizes === size && i.purpose.split(' ').includes(purpose));
    assert.ok(has('192x192', 'any') && has('512x512', 'any'), 'icons at 192 and 512 pixels');
    assert.ok(has('512x512', 'maskable'), 'a maskable icon');
    assert.deepEqual(
      manifest.shortcuts.map((s) => [s.name, s.url]),
      [['Breathe', '/breathe'], ['Help now', '/help']],
    );
    // Every PNG icon is there, is a PNG and is the size the manifest says.
    for (const icon of [...pngs, { src: '/icons/apple-touch-icon.png', sizes: '180x180' }]) {
      const got = await page.evaluate(async (src) => {
        const res = await fetch(src);
        const bitmap = await createImageBitmap(await res.blob());
        return { status: res.status, type: res.headers.get('content-type'), size: `${bitmap.width}x${bitmap.height}` };
      }, icon.src);
      assert.deepEqual(got, { status: 200, type: 'image/png', size: icon.sizes }, icon.src);
    }
    // Light and dark each have their own colour for the browser's frame.
    const themes = await page.locator('meta[name="theme-color"]').evaluateAll((ms) => ms.map((m) => m.media));
    assert.deepEqual(themes.sort(), ['(prefers-color-scheme: dark)', '(prefers-color-scheme: light)']);
    assert.equal(await page.locator('link[rel="apple-touch-icon"]').getAttribute('href'), '/icons/apple-touch-icon.png');

    // The shortcuts open where they say.
    await page.goto(`${BASE_URL}/breathe`);
    await h1(page, /breath/i);
    await page.goto(`${BASE_URL}/help`);
    await h1(page, 'Help now');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('Settings offers "Add Tend to your home screen" when the browser does, even if the offer came before Tend started, and shows the browser\'s dialog', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await storageKept(page, true);
    // The offer arrives as the page loads, before the app has started.
    await page.addInitScript(`document.addEventListener('DOMContentLoaded', ${offerInstall.toString()})`);
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const card = page.getByRole('region', { name: 'Tend on this device' });
    const add = card.getByRole('button', { name: 'Add Tend to your home screen' });
    await add.waitFor();
    await checkA11y(page, 'settings with the install offer');
    await screenshot(page, 'settings-install-phone');
    await add.click();
    await card.getByRole('status').filter({ hasText: 'Tend is on its way to your home screen.' }).waitFor();
    assert.equal(await page.evaluate(() => window.__installDialogs), 1, "the browser's own dialog showed once");
    assert.equal(await add.count(), 0, 'the offer works once');

    // An offer that comes while Settings is open shows the button too.
    await page.evaluate(offerInstall);
    await add.waitFor();
    assertClean(page);
  }));

test('Safari on an iPhone gets the steps to add Tend from its Share menu; a browser with no offer gets nothing it could not do', async () => {
  await withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await storageKept(page, true);
    await page.addInitScript((ua) => {
      Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => ua });
      Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5 });
    }, IPHONE_SAFARI);
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const card = page.getByRole('region', { name: 'Tend on this device' });
    const steps = await card.getByRole('listitem').allInnerTexts();
    assert.equal(steps.length, 3);
    assert.match(steps[0], /Share/);
    assert.match(steps[1], /Add to Home Screen/);
    assert.equal(await card.getByRole('button').count(), 0, 'Safari has no button to press');
    await screenshot(page, 'settings-install-iphone');
    assertClean(page);
  });
  await withPage({ viewport: 'desktop', storage: SEED }, async (page) => {
    await storageKept(page, true);
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Tend on this device' }).count(), 0);
  });
});

test('where the browser may clear what Tend keeps, Settings says so plainly once, and suggests installing and exporting', async () => {
  await withPage({ viewport: 'desktop', storage: SEED }, async (page) => {
    await storageKept(page, false);
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const note = page.getByRole('region', { name: 'Tend on this device' }).locator('.notice');
    await note.waitFor();
    const said = await note.innerText();
    assert.match(said, /hasn't promised to keep what Tend saves/);
    assert.match(said, /home screen/);
    assert.match(said, /Exporting/);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('tend.settings')).data.storage_note_shown === true);
    assert.equal(await page.getByText('Saved on this device.').count(), 0, 'remembering it is not a change the person made');
    await screenshot(page, 'settings-storage-note-desktop');

    // Once is enough.
    await page.reload();
    await h1(page, 'Settings');
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    await page.getByText('Not promised', { exact: false }).waitFor(); // the facts still say it, quietly
    assert.equal(await page.locator('.notice').filter({ hasText: "hasn't promised" }).count(), 0);
    assert.equal((await stored(page)).band, '15-17', 'the rest of the settings are as they were');
    assertClean(page);
  });
  // Where the browser promises to keep it, nothing is said.
  await withPage({ viewport: 'desktop', storage: SEED }, async (page) => {
    await storageKept(page, true);
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    await page.getByText('Yes: this browser won').waitFor();
    assert.equal(await page.locator('.notice').filter({ hasText: "hasn't promised" }).count(), 0);
    assert.equal((await stored(page)).storage_note_shown, undefined);
  });
});

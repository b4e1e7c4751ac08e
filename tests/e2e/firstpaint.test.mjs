// The first paint needs no WebAssembly, and Help now needs no script at all: the page's
// top bar and Help now come from plain HTML, /help is a page of its own, and when the
// app cannot start the page says so in plain words and keeps Help now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed as settings } from './harness.mjs';

const { withPage } = sharedBrowser();

/** Checks the static Help page: every kind of link is there and real. */
async function helpWorks(page) {
  await h1(page, 'Help now');
  assert.equal(await page.getByRole('link', { name: 'Call 0800 1111' }).getAttribute('href'), 'tel:08001111');
  assert.equal(await page.getByRole('link', { name: 'Text SHOUT to 85258' }).getAttribute('href'), 'sms:85258?body=SHOUT');
  assert.equal(await page.getByRole('link', { name: 'Call 988' }).first().getAttribute('href'), 'tel:988');
  assert.equal(await page.getByRole('link', { name: '999' }).first().getAttribute('href'), 'tel:999');
  await page.getByRole('listitem').filter({ hasText: '5 things you can see' }).waitFor();
  // Places are reached by in-page links, which need no script.
  await page.getByRole('link', { name: 'Australia' }).click();
  assert.equal(new URL(page.url()).hash, '#help-au');
  await page.getByRole('link', { name: 'Call 1800 55 1800' }).waitFor();
}

// With script off nothing can be evaluated in the page (axe included), so the same
// plain pages are checked for accessibility with script on and the WebAssembly failing.
for (const viewport of ['phone', 'desktop']) {
  test(`with JavaScript off, Tend shows its top bar and Help now works (${viewport})`, () =>
    withPage({ viewport, javaScript: false }, async (page) => {
      await page.goto(`${BASE_URL}/`);
      await page.getByText("Tend's exercises need JavaScript").waitFor();
      await screenshot(page, `noscript-home-${viewport}`);
      await page.getByRole('link', { name: 'Help now' }).click();
      assert.equal(new URL(page.url()).pathname, '/help');
      await helpWorks(page);
      assertClean(page);
    }));
}

for (const [viewport, colorScheme] of [['phone', 'light'], ['phone', 'dark'], ['desktop', 'light'], ['desktop', 'dark']]) {
  test(`the plain help page passes axe (${viewport}, ${colorScheme})`, () =>
    withPage({ viewport, colorScheme }, async (page) => {
      await page.route('**/*.wasm', (route) => route.abort()); // the plain page, not the app's
      await page.goto(`${BASE_URL}/help`);
      await page.getByRole('link', { name: 'Call 0800 1111' }).waitFor();
      await checkA11y(page, `static help (${viewport}, ${colorScheme})`);
      await screenshot(page, `static-help-${viewport}-${colorScheme}`);
      assertClean(page, { ignore: [/wasm|WebAssembly|Failed to fetch|ERR_FAILED|net::/i] });
    }));
}

test('when the WebAssembly cannot be fetched, the page says so plainly and keeps Help now', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '12-14' }) }, async (page) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('alert').filter({ hasText: "Tend couldn't start on this device" }).waitFor();
    await checkA11y(page, 'app could not start');
    await screenshot(page, 'boot-failed-phone');
    await page.getByRole('link', { name: 'Help now' }).click();
    await helpWorks(page);
    assertClean(page, { ignore: [/wasm|WebAssembly|Failed to fetch|ERR_FAILED|net::/i] });
  }));

test('the top bar and Help now are painted before the WebAssembly arrives, and the app takes over without a second bar', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '15-17' }) }, async (page) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    const help = page.getByRole('link', { name: 'Help now' });
    let before;
    try {
      await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
      await help.waitFor();
      assert.equal(await help.getAttribute('href'), '/help');
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0, 'the app has not started yet');
      before = await help.boundingBox();
    } finally {
      release(); // a held request would keep the page from closing
    }
    await h1(page, 'Good to see you');
    assert.equal(await page.locator('#boot').count(), 0, 'the static page is gone');
    assert.equal(await help.count(), 1, 'one Help now, not two');
    const after = await help.boundingBox();
    assert.deepEqual(after, before, 'Help now did not move when the app took over');
    assertClean(page);
  }));

test('the plain help page comes with the person\'s own text size and theme, before any WebAssembly', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '15-17', theme: 'dark', text_size: 'larger' }) }, async (page) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${BASE_URL}/help`);
    await helpWorks(page);
    const attrs = await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.dataset.text]);
    assert.deepEqual(attrs, ['dark', 'larger']);
    assertClean(page, { ignore: [/wasm|WebAssembly|Failed to fetch|ERR_FAILED|net::/i] });
  }));

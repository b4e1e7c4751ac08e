// The first paint needs no WebAssembly, and Help now needs no script at all: the page's
// top bar and Help now come from plain HTML, /help is a page of its own, and when the
// app cannot start the page says so in plain words and keeps Help now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed as settings } from './harness.mjs';

const { withPage } = sharedBrowser();

/** Checks the static Help page: every kind of link is there and real. */
async function helpWorks(page, { started = true } = {}) {
  await h1(page, 'Help now', { started });
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

/** Holds every request for `pattern` until the function it returns is called (call it in
 * a `finally`: a held request would keep the page from closing). */
async function held(page, pattern) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
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
      await helpWorks(page, { started: false });
      assertClean(page);
    }));

  test(`with JavaScript off, a parent's link to /family shows the family page, and its links work (${viewport})`, () =>
    withPage({ viewport, javaScript: false }, async (page) => {
      await page.goto(`${BASE_URL}/family`);
      await h1(page, 'For parents and carers', { started: false });
      assert.equal(await page.title(), 'For families · Tend');
      await page.getByText("Nothing your teen writes or draws in Tend is shown here.").waitFor();
      assert.equal(await page.getByRole('link', { name: /^Why criticism backfires/ }).getAttribute('href'), '/family/criticism-and-coaching');
      assert.equal(await page.getByRole('link', { name: /^A slammed door/ }).getAttribute('href'), '/family/rehearse/slammed-door');
      await screenshot(page, `noscript-family-${viewport}`);
      await page.getByRole('link', { name: 'Help now' }).first().click();
      await helpWorks(page, { started: false });
      assertClean(page);
    }));
}

for (const [viewport, colorScheme] of [['phone', 'light'], ['desktop', 'dark']]) {
  test(`the plain family page passes axe (${viewport}, ${colorScheme})`, () =>
    withPage({ viewport, colorScheme }, async (page) => {
      await page.route('**/*.wasm', (route) => route.abort()); // the plain page, not the app's
      await page.goto(`${BASE_URL}/family`);
      await page.getByRole('link', { name: /^Their private space/ }).waitFor();
      await checkA11y(page, `static family (${viewport}, ${colorScheme})`);
      assertClean(page, { ignore: [/wasm|WebAssembly|Failed to fetch|ERR_FAILED|net::/i] });
    }));
}

test('/family paints its page before any WebAssembly, and the app takes it over in place once its section is ready', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    const release = await held(page, '**/pack_family.bin');
    const title = page.getByRole('heading', { level: 1, name: 'For parents and carers' });
    let before;
    try {
      const asked = page.waitForRequest(/\/pack_family\.bin$/);
      await page.goto(`${BASE_URL}/family`, { waitUntil: 'domcontentloaded' });
      await title.waitFor();
      before = await title.boundingBox();
      // The app starts once the page has loaded, and opens /family's section, which is
      // held: the plain page stays, with no placeholder and no second page beside it.
      await asked;
      await page.locator('.boot ~ main, .boot ~ * main').waitFor({ state: 'attached' });
      assert.equal(await page.locator('#boot').count(), 1, 'the plain page is still there');
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'one heading in view');
      assert.equal(await page.locator('.boot__placeholder:visible').count(), 0, 'no placeholder in view');
    } finally {
      release();
    }
    await h1(page, 'For parents and carers');
    await page.locator('#boot').waitFor({ state: 'detached' }); // the app has taken over
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    assert.deepEqual(await title.boundingBox(), before, 'the heading did not move when the app took over');
    // It is the app's page now: the band pick keeps the parent's choice.
    await page.getByRole('radio', { name: '15–17' }).check();
    await page.waitForFunction(() => localStorage.getItem('tend.family.settings') !== null);
    assertClean(page);
  }));

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
    const release = await held(page, '**/*.wasm');
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
    await page.locator('#boot').waitFor({ state: 'detached' }); // the static page is gone
    assert.equal(await help.count(), 1, 'one Help now, not two');
    const after = await help.boundingBox();
    assert.deepEqual(after, before, 'Help now did not move when the app took over');
    assertClean(page);
  }));

// A first visit's largest paint is what Tend is, from plain HTML: the welcome's top is on
// index.html, shown by boot.js only where the app will show the welcome.
test('a first visit reads what Tend is before any WebAssembly, and the app\'s welcome takes its place without a move', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    await page.addInitScript(() => {
      window.__tendLargest = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tendLargest.push({ static: !!e.element?.closest('#boot'), text: e.element?.textContent ?? null });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const release = await held(page, '**/*.wasm');
    const title = page.getByRole('heading', { level: 1, name: 'Hi, welcome to Tend' });
    const practice = page.getByText('Tend is for practice.');
    let before;
    try {
      await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
      await title.waitFor();
      await practice.waitFor();
      assert.equal(await page.locator('#boot').count(), 1, 'the static page, before any WebAssembly');
      assert.equal(await page.locator('.boot__placeholder:visible').count(), 0, 'no calm cards on a first visit');
      await screenshot(page, 'static-welcome-phone');
      before = [await title.boundingBox(), await practice.boundingBox()];
    } finally {
      release();
    }
    await page.getByRole('button', { name: 'Start' }).waitFor();
    await page.locator('#boot').waitFor({ state: 'detached' });
    assert.equal(new URL(page.url()).pathname, '/welcome');
    assert.deepEqual([await title.boundingBox(), await practice.boundingBox()], before, 'nothing moved when the app took over');
    // Nothing the app drew was larger than what the static page painted first.
    const largest = await page.evaluate(() => window.__tendLargest);
    assert.ok(largest.length > 0);
    assert.ok(largest.every((e) => e.static), `largest paints: ${JSON.stringify(largest)}`);
    assertClean(page);
  }));

test('the app\'s files are asked for once the static page has painted, not before', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '15-17' }) }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    const [paint, files] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      performance.getEntriesByType('resource').filter((e) => /\/build-[0-9a-f]{16}\/(?:tend\.js|tend_bg\.wasm)$/.test(e.name)).map((e) => [e.name, e.startTime]),
    ]);
    assert.ok(paint > 0, 'the static page painted');
    assert.equal(files.length, 2, JSON.stringify(files));
    for (const [name, at] of files) assert.ok(at >= paint, `${name} was asked for at ${at} ms, before the first paint at ${paint} ms`);
    assertClean(page);
  }));

test('someone who has been here before never sees the welcome\'s top, and with no script nobody does', async () => {
  await withPage({ viewport: 'phone', storage: settings({ band: '15-17' }) }, async (page) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('alert').filter({ hasText: "Tend couldn't start on this device" }).waitFor();
    assert.equal(await page.locator('h1').count(), 0, 'no heading of the welcome in the page at all');
    assertClean(page, { ignore: [/wasm|WebAssembly|Failed to fetch|ERR_FAILED|net::/i] });
  });
  await withPage({ viewport: 'phone', javaScript: false }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await page.getByText("Tend's exercises need JavaScript").waitFor();
    assert.equal(await page.getByText('Hi, welcome to Tend').isVisible(), false);
  });
});

test('a first visit whose WebAssembly cannot be fetched keeps what Tend is and Help now, and passes axe', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('alert').filter({ hasText: "Tend couldn't start on this device" }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Hi, welcome to Tend' }).waitFor();
    assert.equal(await page.locator('.boot__form:visible').count(), 0, 'no place for a form that will not come');
    await checkA11y(page, 'first visit, app could not start');
    await screenshot(page, 'boot-failed-first-visit-phone');
    assertClean(page, { ignore: [/wasm|WebAssembly|Failed to fetch|ERR_FAILED|net::/i] });
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

// The app draws its first page a part per task, behind the static page: what the static
// page gives way to is the whole page, never one still being drawn.
const WHAT_SHOWED = () => {
  window.__tendShown = null;
  let painted = false;
  new MutationObserver((changes, observer) => {
    const boot = document.getElementById('boot');
    if (boot && !boot.hidden) {
      painted = true;
    } else if (painted) {
      window.__tendShown = document.getElementById('main')?.innerText ?? '';
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
};

for (const { route, storage, heading, last } of [
  { route: '/', storage: undefined, heading: 'Hi, welcome to Tend', last: 'Start' },
  { route: '/help', storage: settings({ band: '15-17' }), heading: 'Help now', last: '5 things you can see' },
  { route: '/', storage: settings({ band: '12-14' }), heading: 'Good to see you', last: "Let's breathe for a minute" },
]) {
  test(`the static page gives way to ${heading} only once it is whole`, () =>
    withPage({ viewport: 'phone', storage }, async (page) => {
      await page.addInitScript(WHAT_SHOWED);
      await page.goto(`${BASE_URL}${route}`);
      await h1(page, heading);
      await page.waitForFunction(() => window.__tendShown !== null);
      const shown = await page.evaluate(() => window.__tendShown);
      assert.ok(shown.includes(heading), `the heading was there: ${shown.slice(0, 80)}`);
      assert.ok(shown.includes(last), `the last part was there too: ${shown.slice(-200)}`);
      assertClean(page);
    }));
}

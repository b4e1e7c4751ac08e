// Each section of Tend arrives when it is first opened: the first download holds the
// shell, Help and the top of Home (the rest of Home is a section too); a section's file
// comes from the same build's folder as the page that asks for it; and a section that
// cannot arrive says so plainly, with "Try again" and Help now, never a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, requests, settingsSeed as settings } from './harness.mjs';

const { withPage } = sharedBrowser();
const SECTION = /\/build-[0-9a-f]{16}\/pack_[a-z0-9_]+\.bin$/;
const NET = /wasm|WebAssembly|Failed to fetch|ERR_FAILED|net::|failed to load split module/i;

test('Home starts with no section, the rest of Home says plainly when it cannot arrive, and a section opened by keyboard arrives from the same build folder and takes the focus', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '15-17' }) }, async (page) => {
    // Every section's file (and the code sections share) fails: Home's first lines
    // still show, with one tap to breathe.
    await page.route(SECTION, (route) => route.abort());
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    await page.getByRole('button', { name: /breathe for a minute/i }).waitFor();
    const rest = page.getByRole('alert').filter({ hasText: "The rest of this page didn't arrive" });
    await rest.waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'the message is a line within Home, not a page');
    assert.equal(await rest.getByRole('link', { name: 'Help now' }).getAttribute('href'), '/help');
    await checkA11y(page, 'the rest of Home did not arrive');
    await screenshot(page, 'home-rest-failed-phone');
    // The service worker's first install may fetch the same file again to keep it for
    // offline; what matters is that the only wasm outside the sections is the main one.
    const main = [...new Set(requests(page).filter((u) => /\.(?:wasm|bin)$/.test(u) && !SECTION.test(u)))];
    assert.equal(main.length, 1, `one first wasm: ${main.join(', ')}`);
    assert.match(main[0], /\/build-[0-9a-f]{16}\/tend_bg\.wasm$/);
    const folder = main[0].replace(/[^/]+$/, '');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    // Try again: the rest of Home arrives below what is there, and the focus stays put.
    await rest.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 2, name: 'All exercises' }).waitFor();
    assert.equal(await rest.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'no heading took the focus');
    // Opened by keyboard: the section's heading takes the focus once it has arrived.
    await page.getByRole('link', { name: 'Settings' }).first().focus();
    await page.keyboard.press('Enter');
    await h1(page, 'Settings');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    const sections = requests(page).filter((u) => SECTION.test(u));
    assert.ok(sections.some((u) => /pack_settings\.bin$/.test(u)), 'the settings section arrived when opened, in one file');
    assert.equal(requests(page).filter((u) => /\/build-[0-9a-f]{16}\/(?:split|chunk)_/.test(u)).length, 0, 'no section module fetched on its own');
    for (const u of sections) assert.ok(u.startsWith(folder), `${u} comes from ${folder}`);
    assertClean(page, { ignore: [NET] });
  }));

test('the sections\' loader is not in the first download, and when it cannot arrive a section says so and loads on Try again', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '15-17' }) }, async (page) => {
    await page.route('**/split-loader.js*', (route) => route.abort());
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    const rest = page.getByRole('alert').filter({ hasText: "The rest of this page didn't arrive" });
    await rest.waitFor();
    const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload], link[rel=preload]')].map((l) => l.href));
    assert.ok(!preloaded.some((u) => /split-loader/.test(u)), `the page does not fetch the loader at start: ${preloaded.join(', ')}`);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await rest.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 2, name: 'All exercises' }).waitFor();
    assert.ok(requests(page).some((u) => /\/split-loader\.js(?:\?\d+)?$/.test(u)), 'the loader arrived on Try again');
    // And a whole page from a section, now that the loader is here.
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await h1(page, 'Settings');
    assertClean(page, { ignore: [NET] });
  }));

for (const [viewport, colorScheme] of [['phone', 'light'], ['desktop', 'dark']]) {
  test(`a section that cannot arrive says so, offers Try again and Help now, and loads on Try again (${viewport}, ${colorScheme})`, () =>
    withPage({ viewport, colorScheme }, async (page) => {
      await page.route('**/pack_family.bin', (route) => route.abort());
      await page.goto(`${BASE_URL}/family`);
      const alert = page.getByRole('alert').filter({ hasText: "This part of Tend didn't arrive" });
      await alert.waitFor();
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'the message is the page, with one heading');
      assert.equal(await page.getByRole('link', { name: 'Help now' }).last().getAttribute('href'), '/help');
      await checkA11y(page, `section did not arrive (${viewport}, ${colorScheme})`);
      await screenshot(page, `section-failed-${viewport}-${colorScheme}`);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await page.getByRole('button', { name: 'Try again' }).click();
      await h1(page, 'For parents and carers');
      assert.equal(await alert.count(), 0);
      // The button that had the focus is gone: the focus goes to the page's heading.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      assertClean(page, { ignore: [NET] });
    }));
}

test('a section opened first is a few modules to compile, not dozens, and sections that share code each still work when opened one after another in one page', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '15-17' }) }, async (page) => {
    // Every module the page compiles, whichever way it is asked for (instantiating a
    // module already compiled compiles nothing).
    await page.addInitScript(() => {
      window.__compiled = 0;
      for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
        const original = WebAssembly[name];
        WebAssembly[name] = function (source, ...rest) {
          if (!(source instanceof WebAssembly.Module)) window.__compiled += 1;
          return original.call(this, source, ...rest);
        };
      }
    });
    await page.goto(`${BASE_URL}/draw`);
    await h1(page, 'Drawing room');
    // The first download, the shared pack and the section's pack, and the few chunks that
    // keep state of their own (scripts/packs.mjs): the splitter's modules one by one were
    // over 80.
    const compiled = await page.evaluate(() => window.__compiled);
    assert.ok(compiled >= 2 && compiled <= 6, `modules compiled to show /draw: ${compiled}`);
    // Home, then the family section, which shares code with the drawing room that both
    // their packs hold, then the drawing room again, all in the same page.
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await h1(page, 'Good to see you');
    await page.getByRole('heading', { level: 2, name: 'All exercises' }).waitFor();
    await page.locator('main a[href="/family"]').first().click();
    await h1(page, 'For parents and carers');
    await page.locator('main a[href^="/family/"]').first().click();
    await page.getByRole('button', { name: 'Mark as read' }).click();
    await page.getByRole('status').filter({ hasText: 'Marked as read.' }).waitFor();
    await page.goBack();
    await page.goBack();
    await h1(page, 'Good to see you');
    await page.locator('main a[href="/draw"]').first().click();
    await h1(page, 'Drawing room');
    await page.locator('canvas').first().waitFor();
    assertClean(page);
  }));

test('where a service worker keeps the sections for offline use, the page does not fetch them ahead itself', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '15-17' }) }, async (page) => {
    // The page's own requests (the worker's are not the page's).
    const fromPage = [];
    page.on('request', (r) => fromPage.push(r.url()));
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    await page.getByRole('heading', { level: 2, name: 'All exercises' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    // A few idle moments after the worker is there: a page fetching ahead fetches a
    // section at each.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => requestIdleCallback(done)))));
    const ahead = fromPage.filter((u) => SECTION.test(u) && !/pack_(?:home|shared)\.bin$/.test(u));
    // The first idle moment may come before the worker is registered (it is, once the
    // page has loaded), and so one section at most.
    assert.ok(ahead.length <= 1, `sections the page fetched ahead itself: ${ahead.join(', ')}`);
    // The worker has them all.
    const kept = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('tend-')));
      return (await cache.keys()).map((r) => r.url).filter((u) => /pack_\w+\.bin$/.test(u)).length;
    });
    assert.ok(kept >= 20, `packs the worker keeps: ${kept}`);
  }));

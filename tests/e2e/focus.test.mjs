// Focus and announcements that never get lost, for keyboard and screen-reader users:
// the skip link, the heading of each new screen, and the one live region that is there
// before anything is said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, assertClean, heading as h1, settingsSeed as settings } from './harness.mjs';

const { withPage } = sharedBrowser();

/** What has focus: its tag, id, and the start of its text. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), id: el?.id ?? '', text: (el?.textContent ?? '').trim().slice(0, 60) };
  });

test('"Skip to content" moves focus into main, and the next Tab lands on the page, not the top bar', () =>
  withPage({ viewport: 'desktop', storage: settings({ band: '15-17' }) }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Skip to content');
    await page.keyboard.press('Enter');
    assert.deepEqual(await focused(page), { tag: 'main', id: 'main', text: (await focused(page)).text });
    assert.equal(new URL(page.url()).pathname, '/settings', 'the address does not change');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement.closest('main') !== null);
    assert.ok(next, 'the next Tab stays inside the page');
    assertClean(page);
  }));

test('after a move to another screen by keyboard, focus is on its heading, with a visible ring', () =>
  withPage({ viewport: 'desktop', storage: settings({ band: '15-17' }) }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    await page.keyboard.press('Tab'); // keyboard use, as the browser sees it
    await page.getByRole('link', { name: /What Tend is/ }).focus();
    await page.keyboard.press('Enter');
    await h1(page, 'About Tend');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      return { tabindex: el.getAttribute('tabindex'), outline: getComputedStyle(el).outlineStyle };
    });
    assert.equal(ring.tabindex, '-1');
    assert.notEqual(ring.outline, 'none', 'the focused heading shows a ring');
    // The next Tab starts from the heading, inside the page.
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement.closest('main') !== null));
    assertClean(page);
  }));

test('the live region is on the page, empty, before anything is said', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '12-14' }) }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    const region = page.getByTestId('announcer');
    assert.equal(await region.getAttribute('role'), 'status');
    assert.equal((await region.textContent()).trim(), '');
    assertClean(page);
  }));

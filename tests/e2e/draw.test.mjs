// The drawing room: draw with the mouse, undo and redo, keep it, find it in the
// gallery after a reload (the room itself opens on a fresh page), carry on, download a
// picture; the words-instead path by keyboard only; nothing drawn is lost when the tab
// closes; and the room says plainly who could see what is drawn here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, newPage, assertClean, checkA11y, screenshot, heading as h1, settingsSeed } from './harness.mjs';

const SEED = settingsSeed({ band: '15-17', region: 'gb' });
const draft = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('tend.draft.drawing') ?? 'null')?.data ?? null);
const kept = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('tend.drawing.'))
      .map((k) => JSON.parse(localStorage.getItem(k)).data),
  );

/** Draws a wavy line across the canvas with the mouse. */
async function scribble(page, { from = 0.2, to = 0.8, y = 0.5 } = {}) {
  await page.locator('canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('canvas').boundingBox();
  const at = (fx, fy) => [box.x + box.width * fx, box.y + box.height * fy];
  await page.mouse.move(...at(from, y));
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    const fx = from + ((to - from) * i) / 20;
    await page.mouse.move(...at(fx, y + (i % 2 ? 0.03 : -0.03)));
  }
  await page.mouse.up();
}

/** How many pixels of the canvas differ from its paper colour (top-left pixel). */
const inked = (page) =>
  page.locator('canvas').evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) n++;
    }
    return n;
  });

const { browser, withPage } = sharedBrowser();

test('draw with the mouse, undo and redo, keep it, reload to a fresh page, reopen it from the gallery, carry on, download a picture', () =>
  withPage({ viewport: 'desktop', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/draw`);
    await h1(page, 'Drawing room');
    assert.equal(await inked(page), 0, 'a fresh page is blank');
    await page.getByLabel('What to draw').selectOption({ index: 1 });
    const promptTitle = await page.locator('#prompt option:checked').innerText();
    assert.equal(await page.locator('canvas').getAttribute('role'), 'img');
    assert.equal(await page.locator('canvas').getAttribute('aria-label'), `Your drawing for: ${promptTitle}`);

    await page.getByRole('radio', { name: 'Blue', exact: true }).check();
    await page.getByRole('radio', { name: 'Large' }).check();
    await scribble(page);
    assert.ok((await inked(page)) > 500, 'the stroke is on the canvas');
    let d = await draft(page);
    assert.equal(d.work.drawing.strokes.length, 1, 'the stroke is saved as soon as it is drawn');
    assert.equal(d.work.drawing.strokes[0].colour, 'drive');
    assert.equal(d.work.drawing.strokes[0].size, 'large');
    assert.ok(d.work.drawing.strokes[0].points.length / 21 <= 8, 'at most 8 characters per point');

    await page.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await inked(page), 0);
    assert.equal((await draft(page)).work.drawing.strokes.length, 0);
    await page.keyboard.press('Control+Shift+Z');
    assert.ok((await inked(page)) > 500, 'redo by keyboard brings it back');
    // Clear and Replay wait under the toolbar's More.
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('button', { name: 'Clear' }).click();
    assert.equal(await inked(page), 0);
    await page.keyboard.press('Control+Z');
    assert.ok((await inked(page)) > 500, 'a clear can be undone');
    await checkA11y(page, 'drawing room');
    await screenshot(page, 'draw-desktop');

    await page.getByLabel('Name').fill('Blue wave');
    assert.equal(await page.locator('canvas').getAttribute('aria-label'), `Blue wave, your drawing for: ${promptTitle}`);
    // Replay paints it again stroke by stroke, and ends with all of it there.
    const before = await inked(page);
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.waitForFunction(async (n) => {
      const c = document.querySelector('canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let k = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) k++;
      }
      return k === n && !document.querySelector('canvas').ariaBusy;
    }, before);
    await page.getByRole('button', { name: 'Keep in my drawings' }).click();
    await page.getByRole('status').filter({ hasText: 'Kept “Blue wave” in your drawings.' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as a picture' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'Blue wave.png');

    // A kept drawing waits in the gallery: the room opens on a fresh page, so someone
    // else opening Tend on a shared device does not meet it at once.
    await page.reload();
    await h1(page, 'Drawing room');
    await page.locator('canvas').waitFor();
    assert.equal(await inked(page), 0, 'the room opens on a fresh page');
    assert.equal(await page.getByLabel('Name').inputValue(), '');
    assert.equal(await draft(page), null, 'nothing is in progress that the gallery does not hold');
    await page.getByRole('link', { name: 'Your drawings' }).click();
    await h1(page, 'Your drawings');
    assert.match(await page.locator('main').innerText(), /Blue wave/);
    assert.equal(await page.locator('.thumb polyline').count(), 1);
    await checkA11y(page, 'gallery');
    await screenshot(page, 'gallery-desktop');

    await page.getByRole('button', { name: 'Open Blue wave' }).click();
    await h1(page, 'Drawing room');
    await page.waitForFunction(() => document.querySelector('canvas')?.width > 0);
    assert.equal(await page.getByLabel('Name').inputValue(), 'Blue wave', 'Open opens that drawing');
    await scribble(page, { y: 0.3 });
    // Changes not kept yet are work in progress: a reload keeps them on the page.
    await page.reload();
    await h1(page, 'Drawing room');
    assert.equal(await page.getByLabel('Name').inputValue(), 'Blue wave');
    assert.equal((await draft(page)).work.drawing.strokes.length, 2, 'the unkept stroke is still in progress');
    await page.getByRole('button', { name: 'Keep in my drawings' }).click();
    await page.getByRole('status').filter({ hasText: 'Kept “Blue wave”' }).waitFor();
    const all = await kept(page);
    assert.equal(all.length, 1, 'carrying on saves over the same drawing');
    assert.equal(all[0].drawing.strokes.length, 2);
    assertClean(page);
  }));

test('describe it in words instead, by keyboard only, and it is kept with the drawings', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/draw`);
    await h1(page, 'Drawing room');
    await page.getByLabel('What to draw').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByLabel('Or describe it in words instead').focus();
    await page.keyboard.type('A quiet room with a window and rain outside.');
    await page.getByLabel('Name').focus();
    await page.keyboard.type('Rain room');
    await page.getByRole('button', { name: 'Keep in my drawings' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Kept “Rain room”' }).waitFor();
    const [saved] = await kept(page);
    assert.equal(saved.words, 'A quiet room with a window and rain outside.');
    assert.equal(saved.drawing.strokes.length, 0);
    await checkA11y(page, 'drawing room (phone)');
    await screenshot(page, 'draw-phone');
    // Who could see it, plainly: anyone opening Tend on this device; Settings has export
    // and delete.
    const who = page.locator('.who-can-see');
    assert.match(await who.innerText(), /anyone who opens Tend on this device could see what's here/);
    assert.equal(await who.getByRole('link', { name: 'Settings' }).getAttribute('href'), '/settings');
    assert.doesNotMatch(await page.locator('main').innerText(), /Nobody sees/);

    await page.getByRole('link', { name: 'Your drawings' }).focus();
    await page.keyboard.press('Enter');
    await h1(page, 'Your drawings');
    assert.match(await page.locator('main').innerText(), /A quiet room with a window/);
    await page.getByRole('button', { name: 'Delete Rain room' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'undo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Rain room' }).waitFor();
    assertClean(page);
  }));

test('a stroke drawn just before the tab closes is kept', async () => {
  const page = await newPage(browser(), { viewport: 'phone', storage: SEED });
  try {
    await page.goto(`${BASE_URL}/draw`);
    await h1(page, 'Drawing room');
    await scribble(page);
    await page.close({ runBeforeUnload: true });
    const again = await page.context().newPage();
    await again.goto(`${BASE_URL}/draw`);
    await again.getByRole('heading', { level: 1, name: 'Drawing room' }).waitFor();
    assert.ok((await inked(again)) > 300);
  } finally {
    await page.context().close();
  }
});

test('opening a kept drawing from the gallery first keeps the page in progress there, so nothing is lost', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/draw`);
    await h1(page, 'Drawing room');
    await page.getByLabel('Name').fill('Sea');
    await page.getByRole('button', { name: 'Keep in my drawings' }).click();
    await page.getByRole('status').filter({ hasText: 'Kept “Sea”' }).waitFor();
    await page.getByRole('button', { name: 'New drawing' }).click();
    await page.getByRole('status').filter({ hasText: 'A fresh page.' }).waitFor();
    await scribble(page);
    assert.equal((await draft(page)).work.drawing.strokes.length, 1, 'a page never kept, in progress');

    await page.getByRole('link', { name: 'Your drawings' }).click();
    await h1(page, 'Your drawings');
    await page.getByRole('button', { name: 'Open Sea' }).click();
    await h1(page, 'Drawing room');
    assert.equal(await page.getByLabel('Name').inputValue(), 'Sea');
    const all = await kept(page);
    assert.equal(all.length, 2, 'the page in progress went to the gallery first');
    assert.equal(all.find((d) => d.name !== 'Sea').drawing.strokes.length, 1);
    assertClean(page);
  }));

test('on a phone the canvas and its toolbar, Keep included, fit on the first screen; More holds the rest', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/draw`);
    await h1(page, 'Drawing room');
    assert.deepEqual(page.viewportSize(), { width: 390, height: 844 });
    // The first screen ends where the tab bar starts.
    const bar = await page.locator('.tabbar').boundingBox();
    const bottom = bar ? bar.y : 844;
    const toolbar = page.getByRole('group', { name: 'Drawing tools' });
    const parts = {
      canvas: page.locator('canvas'),
      Keep: toolbar.getByRole('button', { name: 'Keep in my drawings' }),
      Undo: toolbar.getByRole('button', { name: 'Undo' }),
      Tool: toolbar.getByRole('group', { name: 'Tool' }),
      'Brush size': toolbar.getByRole('group', { name: 'Brush size' }),
      Colour: toolbar.getByRole('group', { name: 'Colour' }),
    };
    for (const [name, locator] of Object.entries(parts)) {
      const box = await locator.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= bottom, `${name} is on the first screen (${JSON.stringify(box)}, ends at ${bottom})`);
    }
    await screenshot(page, 'draw-toolbar-phone-first-screen');

    // Pick a tool, a size and a colour, draw, and keep.
    await toolbar.getByRole('radio', { name: 'Glow' }).check();
    await toolbar.getByRole('radio', { name: 'Small' }).check();
    await toolbar.getByRole('radio', { name: 'Purple', exact: true }).check();
    const box = await page.locator('canvas').boundingBox();
    await page.mouse.move(box.x + 40, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 120, { steps: 10 });
    await page.mouse.up();
    const d = await draft(page);
    assert.deepEqual(
      [d.work.drawing.strokes[0].tool, d.work.drawing.strokes[0].size, d.work.drawing.strokes[0].colour],
      ['glow', 'small', 'calm'],
    );

    // The rest is one tap (or one Enter) away, and closes again.
    const more = toolbar.getByRole('button', { name: 'More' });
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('group', { name: 'Paper' }).count(), 0, 'paper waits under More');
    await more.focus();
    await page.keyboard.press('Enter');
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    await page.getByRole('radio', { name: 'Night sky' }).check();
    await page.getByRole('switch', { name: /Mirror/ }).waitFor();
    await checkA11y(page, 'drawing toolbar with More open (phone)');
    await screenshot(page, 'draw-toolbar-phone-more');
    await page.keyboard.press('Shift+Tab');
    await more.focus();
    await page.keyboard.press('Enter');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');

    await toolbar.getByRole('button', { name: 'Keep in my drawings' }).click();
    await page.getByRole('status').filter({ hasText: /Kept/ }).waitFor();
    const [saved] = await kept(page);
    assert.equal(saved.drawing.paper, 'night');
    assert.equal(saved.drawing.strokes.length, 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkA11y(page, 'drawing toolbar (phone)');
    assertClean(page);
  }));

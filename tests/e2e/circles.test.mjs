// The three circles check-in, the self-compassion break and the way in from Home:
// each journey by keyboard alone, the circles by dragging on a phone, and the issue's
// "done when" for a 13-year-old on a phone: upset, something to do within two taps of
// Home, circles sized, a practice offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed } from './harness.mjs';

const MID = settingsSeed({ band: '15-17', region: 'gb' });
const EARLY = settingsSeed({ band: '12-14', region: 'gb' });

/** Every kept check-in's data, oldest key first. */
const checkins = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('tend.circles.'))
      .sort()
      .map((k) => JSON.parse(localStorage.getItem(k))),
  );

/** Presses Tab until the focused element matches `test` (by keyboard alone). */
async function tabTo(page, describe, test, max = 30) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test)) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}
const focusedId = (id) => new Function(`return document.activeElement?.id === ${JSON.stringify(id)}`);
const focusedText = (text) =>
  new Function(`return document.activeElement?.textContent.trim() === ${JSON.stringify(text)}`);

const slider = (page, colour) => page.getByRole('slider', { name: new RegExp(`^${colour} circle`) });

/** Drags from the centre of a circle to `units` (picture units) to its right. */
async function dragCircle(page, system, units) {
  const picture = page.getByRole('img', { name: /^Your three circles/ });
  const box = await picture.boundingBox();
  const scale = box.width / 300;
  const centre = { threat: [95, 95], drive: [205, 95], soothing: [150, 190] }[system];
  const x = box.x + centre[0] * scale;
  const y = box.y + centre[1] * scale;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (units * scale) / 2, y, { steps: 3 });
  await page.mouse.move(x + units * scale, y, { steps: 3 });
  await page.mouse.up();
}

const { withPage } = sharedBrowser();

test('the three circles by keyboard alone: size each, add a note, keep it, be offered choices, see it in the history', () =>
  withPage({ viewport: 'phone', storage: MID }, async (page) => {
    await page.goto(`${BASE_URL}/circles`);
    await h1(page, 'Three circles');
    for (const [colour, name] of [['Red', 'threat'], ['Blue', 'drive'], ['Green', 'soothing']]) {
      assert.equal(await slider(page, colour).getAttribute('type'), 'range', `${colour} is a real slider`);
      assert.match(await slider(page, colour).getAttribute('aria-valuetext'), /medium/);
      assert.ok((await page.locator(`#size-${name}-hint`).innerText()).length > 20, 'one line of meaning');
    }
    await page.getByText('There is no right size').or(page.getByText('Any size is okay')).waitFor();

    await tabTo(page, 'the red slider', focusedId('size-threat'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await slider(page, 'Red').getAttribute('aria-valuetext'), 'very big');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Home');
    assert.equal(await slider(page, 'Green').inputValue(), '1');
    // The picture follows the sliders: the red circle is now the biggest.
    const radii = await page.locator('.circles__picture circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('r'))));
    assert.ok(radii[0] > radii[1] && radii[1] > radii[2], `radii ${radii}`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'circles-note');
    await page.keyboard.type('Big test tomorrow');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // Focus lands on what comes next; a big red circle is met with choices.
    const next = page.getByRole('region', { name: 'Kept' });
    await next.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'circles-next');
    const words = await next.innerText();
    assert.match(words, /threat circle is big right now/);
    assert.doesNotMatch(words, /score|anxious|disorder|%/i);
    await next.getByRole('link', { name: /Breathing space/ }).waitFor();
    await next.getByRole('link', { name: /Self-compassion break/ }).waitFor();
    await next.getByRole('link', { name: 'Help now' }).waitFor();

    const kept = await checkins(page);
    assert.equal(kept.length, 1);
    assert.equal(kept[0].v, 1, 'a versioned envelope');
    assert.deepEqual(
      { ...kept[0].data, day: 0, minute: 0 },
      { threat: 5, drive: 2, soothing: 1, day: 0, minute: 0, note: 'Big test tomorrow' },
    );
    const history = page.getByRole('region', { name: 'Your last four weeks' });
    await history.getByText('In the last four weeks you checked in once. The biggest circle was the red one once.').waitFor();
    await history.getByText('red very big, blue small, green tiny').waitFor();
    await history.getByText('Big test tomorrow').waitFor();
    await checkA11y(page, 'circles kept, with choices and history');
    await screenshot(page, 'circles-kept-phone');

    // The choice is one key away.
    await tabTo(page, 'the break', () => document.activeElement?.textContent.includes('Self-compassion break'));
    await page.keyboard.press('Enter');
    await h1(page, 'Self-compassion break');

    // Kept after a reload.
    await page.goto(`${BASE_URL}/circles`);
    await page.getByText('Big test tomorrow').waitFor();
    assertClean(page);
  }));

test('on a phone, dragging a circle sizes it, the same as its slider does', () =>
  withPage({ viewport: 'phone', storage: MID }, async (page) => {
    await page.goto(`${BASE_URL}/circles`);
    await h1(page, 'Three circles');
    await dragCircle(page, 'soothing', 70);
    await page.waitForFunction(() => document.querySelector('#size-soothing').value === '5');
    assert.equal(await slider(page, 'Green').getAttribute('aria-valuetext'), 'very big');
    await dragCircle(page, 'threat', 22);
    await page.waitForFunction(() => document.querySelector('#size-threat').value === '1');
    assert.equal(await slider(page, 'Blue').inputValue(), '3', 'only the dragged circle changes');
    // Dragging does not scroll the page.
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.circles__picture')).touchAction), 'none');
    await screenshot(page, 'circles-dragged-phone');
    await page.getByRole('button', { name: 'Keep this check-in' }).click();
    const next = page.getByRole('region', { name: 'Kept' });
    await next.getByText('Thanks for checking in').waitFor();
    assert.equal(await next.getByRole('link', { name: 'Help now' }).count(), 0, 'a calm check-in gets no alarm');
    const [kept] = await checkins(page);
    assert.equal(kept.data.threat, 1);
    assert.equal(kept.data.soothing, 5);
    assertClean(page);
  }));

for (const colorScheme of ['light', 'dark']) {
  test(`on a phone (${colorScheme}), the picture, the three sliders and Keep fit the first screen, and a small circle's word stays readable`, () =>
    withPage({ viewport: 'phone', colorScheme, storage: EARLY }, async (page) => {
      await page.goto(`${BASE_URL}/circles`);
      await h1(page, 'Three circles');
      const screen = page.viewportSize().height;
      // Nothing scrolled: the main button is not below its options (LOOK.md).
      assert.equal(await page.evaluate(() => window.scrollY), 0);
      const bottom = async (locator) => { const b = await locator.boundingBox(); return b.y + b.height; };
      const picture = page.getByRole('img', { name: /^Your three circles/ });
      const keep = page.getByRole('button', { name: 'Keep this check-in' });
      // The bar of places along the bottom of a phone covers the screen's last strip.
      const tabs = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
      const visible = tabs && tabs.y > screen / 2 ? tabs.y : screen;
      for (const [what, locator] of [['the picture', picture], ['the green slider', slider(page, 'Green')], ['Keep', keep]]) {
        const end = await bottom(locator);
        assert.ok(end <= visible, `${what} ends at ${Math.round(end)}px, below the first screen (${Math.round(visible)}px)`);
      }
      assert.ok((await picture.boundingBox()).width >= 150, 'the picture is still big enough to drag');

      // The smallest green circle's two-line word sits beside it, not across its edge.
      await slider(page, 'Green').focus();
      await page.keyboard.press('Home');
      const apart = () => page.evaluate(() => {
        const c = document.querySelector('.circles__picture circle[data-system="soothing"]').getBoundingClientRect();
        const words = [...document.querySelectorAll('.circles__picture text')].find((t) => t.textContent.includes('rest and'));
        const w = words.getBoundingClientRect();
        const inside = w.left >= c.left && w.right <= c.right && w.top >= c.top && w.bottom <= c.bottom;
        const clear = w.top >= c.bottom || w.bottom <= c.top || w.left >= c.right || w.right <= c.left;
        return { inside, clear };
      });
      let at = await apart();
      assert.ok(at.clear && !at.inside, `small: the word ${JSON.stringify(at)}`);
      await screenshot(page, `circles-first-screen-phone-${colorScheme}`);
      // Grown, the word moves inside.
      await page.keyboard.press('End');
      at = await apart();
      assert.ok(at.inside, `big: the word ${JSON.stringify(at)}`);
      await checkA11y(page, `circles first screen (${colorScheme})`);
      assertClean(page);
    }));
}

test('the self-compassion break by keyboard alone, with "this feels like too much" on the way', () =>
  withPage({ viewport: 'phone', storage: MID }, async (page) => {
    await page.goto(`${BASE_URL}/break`);
    await h1(page, 'Self-compassion break');
    await tabTo(page, 'Start', focusedText('Start'));
    await page.keyboard.press('Enter');
    for (const [n, title] of [[1, 'This is hard'], [2, 'Others feel this too'], [3, 'May I be kind to myself']]) {
      const step = page.getByRole('heading', { level: 2, name: title });
      await step.waitFor();
      // The step takes the focus once it has rendered (dom::focus_after_render).
      await page.waitForFunction(() => document.activeElement?.id === 'break-step', null, { timeout: 5000 })
        .catch(() => assert.fail(`focus on step ${n}`));
      await page.getByText(`Step ${n} of 3`).waitFor();
      if (n === 1) {
        await checkA11y(page, 'break step 1');
        await screenshot(page, 'break-step-phone');
      }
      if (n === 2) {
        await tabTo(page, 'too much', focusedText('This feels like too much'));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: "Let's pause here" }).waitFor();
        assert.equal(await page.getByRole('heading', { name: title }).count(), 0, 'the step waits');
        await page.getByRole('link', { name: 'Help now' }).last().waitFor();
        await tabTo(page, 'carry on', focusedText('Carry on'));
        await page.keyboard.press('Enter');
        await step.waitFor();
      }
      await tabTo(page, 'the next button', focusedText(n === 3 ? 'Finish' : 'Next step'));
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { level: 2, name: 'Coming back' }).waitFor();
    await page.getByText('feel your feet on the floor').waitFor();
    assert.equal(await page.getByRole('button', { name: 'This feels like too much' }).count(), 0);
    await checkA11y(page, 'break ending');
    await screenshot(page, 'break-end-phone');
    assertClean(page);
  }));

test('a 13-year-old on a phone, upset: two taps from Home to the circles, sized, and a practice offered', () =>
  withPage({ viewport: 'phone', storage: EARLY }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    // The break and the circles are each one tap from Home, too.
    await page.getByRole('link', { name: /^A kind minute/ }).first().waitFor();
    await page.getByRole('link', { name: /^Three circles/ }).first().waitFor();

    // Tap 1: how they feel.
    const feel = page.getByRole('group', { name: 'I feel…' });
    await feel.getByRole('button', { name: 'Wound up or worried' }).tap();
    assert.equal(await feel.getByRole('button', { name: 'Wound up or worried' }).getAttribute('aria-pressed'), 'true');
    const answer = page.locator('.feel__answer');
    await answer.getByText('That sounds like a lot.').waitFor();
    await checkA11y(page, 'home with a feeling picked');
    await screenshot(page, 'home-feel-phone-12-14');
    // Tap 2: a suggestion.
    await answer.getByRole('link', { name: /^Three circles/ }).tap();
    await h1(page, 'Three circles');
    await page.getByText('Your alarm system').waitFor();
    await page.getByText('Your go-get-it side').waitFor();
    await page.getByText('Your rest and connect side').waitFor();

    await dragCircle(page, 'threat', 70);
    await page.waitForFunction(() => document.querySelector('#size-threat').value === '5');
    await screenshot(page, 'circles-sized-phone-12-14');
    await page.getByRole('button', { name: 'Keep this check-in' }).tap();
    const next = page.getByRole('region', { name: 'Kept' });
    await next.getByText('Your alarm circle is big right now').waitFor();
    await next.getByRole('link', { name: /^Breathing space/ }).waitFor();
    await next.getByRole('link', { name: 'Help now' }).waitFor();
    await screenshot(page, 'circles-offered-phone-12-14');
    await next.getByRole('link', { name: /^A kind minute/ }).tap();
    await h1(page, 'A kind minute');

    // Home remembers the loud alarm from today and suggests something soothing.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).tap();
    await h1(page, 'Good to see you');
    await page.getByText('Earlier today your red circle was big').waitFor();
    assertClean(page);
  }));

test('check-ins are exported, deleted with everything else and imported back, and the history follows in the same tab', () =>
  withPage({ viewport: 'desktop', storage: MID }, async (page) => {
    const tab = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
    await page.goto(`${BASE_URL}/circles`);
    await h1(page, 'Three circles');
    await page.getByText('Nothing here yet.').waitFor();
    await page.getByRole('button', { name: 'Keep this check-in' }).click();
    await page.getByRole('region', { name: 'Kept' }).waitFor();
    const [key] = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tend.circles.')));
    assert.match(key, /^tend\.circles\.\d+$/);

    await tab('Settings');
    await h1(page, 'Settings');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export my data' }).click(),
    ]);
    const exported = await readFile(await download.path(), 'utf8');
    assert.ok(JSON.parse(exported).records[key], 'the check-in is in the export');

    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('group', { name: 'Delete everything?' }).getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByRole('status').filter({ hasText: 'Everything Tend kept on this device is deleted.' }).waitFor();
    assert.equal((await checkins(page)).length, 0);
    await tab('Circles');
    await h1(page, 'Three circles');
    await page.getByText('Nothing here yet.').waitFor();

    await tab('Settings');
    await h1(page, 'Settings');
    await page.getByLabel('Import a file').setInputFiles({ name: 'tend-export.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    const preview = page.getByRole('group', { name: 'Import this file?' });
    await preview.getByText('1 three circles check-in').waitFor();
    await preview.getByRole('button', { name: "Add to what's here" }).click();
    await page.getByRole('status').filter({ hasText: 'Added' }).waitFor();
    await tab('Circles');
    await h1(page, 'Three circles');
    await page.getByText('you checked in once').waitFor();
    assertClean(page);
  }));

// In the therapy room: demo mode that reads and writes none of the device's Tend data,
// the band switcher and big-screen layout, presenter keys, and a practice plan made as a
// link and QR code, opened on a phone, added to Home and started in one tap. Links
// that are cut, changed, foreign or oversized are refused and change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed,
  tendSnapshot as snapshot, demoBar as bar, demoBand as band, OWN_TEND,
  COUNT_WRITES, STORAGE_KEPT,
  localWrites,
} from './harness.mjs';

const OWN = OWN_TEND;

const writes = localWrites;

const htmlBand = (page) => page.evaluate(() => document.documentElement.dataset.band);

/** Takes turns in a dialogue until its reflection, picking kind replies. */
async function finishDialogue(page) {
  for (let i = 0; i < 60; i++) {
    if (await page.getByRole('heading', { name: 'Looking back' }).count()) return;
    const before = await page.locator('.chat li').count();
    if (await page.getByRole('button', { name: 'Go on' }).count()) {
      // The presenter's key moves the dialogue on.
      await page.locator('main h1').focus();
      await page.keyboard.press('n');
    } else if (await page.locator('#answer').count()) {
      await page.locator('#answer').fill('Be kind to yourself.');
      await page.getByRole('button', { name: 'Send' }).click();
    } else {
      await page.locator('.reply:not(.reply--critical)').first().click();
    }
    await page.waitForFunction(
      (n) => document.querySelectorAll('.chat li').length > n || !!document.querySelector('#reflection-title'),
      before,
    );
  }
  throw new Error('the dialogue did not reach its end');
}

const { withPage } = sharedBrowser();

test('demo mode drives every exercise without reading or writing the device’s Tend data, and leaving brings it all back', () =>
  withPage({ viewport: 'desktop', storage: OWN }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    // Let the offline copy finish installing, so the caches are as they will stay.
    await page.evaluate(() => navigator.serviceWorker?.ready);
    const before = await snapshot(page);
    assert.ok(Object.keys(before.data).length >= 3);
    assert.ok(before.caches.length >= 1, 'the offline copy is there to compare');

    // In through Settings; the demo loads afresh on its memory store. This browser
    // promises to keep Tend's data, so the device's Settings has no note to remember as
    // shown (that one write would be Settings' own, before the demo starts).
    await page.addInitScript(STORAGE_KEPT);
    await page.addInitScript(COUNT_WRITES);
    await page.goto(`${BASE_URL}/settings`);
    await page.getByRole('link', { name: 'Show Tend to others (demo mode)' }).click();
    await h1(page, 'Showing Tend to others');
    await bar(page).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('tend-demo')), 'on');
    assert.equal(await htmlBand(page), '15-17', 'the demo starts with its own settings, not the device’s');

    // Sample content, and none of the device's own.
    await page.getByRole('link', { name: /Breathing history/ }).click();
    await h1(page, 'Your past sessions');
    const history = await page.locator('main').innerText();
    assert.doesNotMatch(history, /My own private note/);
    assert.match(history, /Before: Worried · After: Okay/);
    await page.goto(`${BASE_URL}/draw/gallery`);
    await h1(page, 'Your drawings');
    assert.match(await page.locator('main').innerText(), /A calm place/);
    assert.doesNotMatch(await page.locator('main').innerText(), /My own drawing/);

    // Breathing at 12–14: start, pause and go on by keyboard, stop, check in.
    await band(page, '12–14').click();
    assert.equal(await htmlBand(page), '12-14');
    await bar(page).getByRole('link', { name: 'Demo exercises' }).click();
    await page.getByRole('link', { name: /Breathing space/ }).click();
    await h1(page, 'Breathing space');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.locator('main h1').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.getByRole('radio', { name: 'Calm' }).check();
    await page.locator('textarea').first().fill('A demo note');

    // A drawing stroke, kept.
    await page.goto(`${BASE_URL}/draw`);
    await h1(page, /./);
    const box = await page.locator('canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.2 + i * 0.05), box.y + box.height * 0.5);
    await page.mouse.up();
    await page.getByRole('button', { name: 'Keep in my drawings' }).click();
    await page.getByRole('status').filter({ hasText: /Kept/ }).waitFor();

    // A dialogue, moved on with the presenter's key, kept.
    await bar(page).getByRole('link', { name: 'Demo exercises' }).click();
    await page.getByRole('link', { name: /Talk it through/ }).click();
    await page.locator('.talk .area--button').first().click();
    await page.getByRole('button', { name: 'Start', exact: true }).click(); // after the scene's preview
    await page.getByRole('log', { name: 'Conversation' }).waitFor();
    await finishDialogue(page);
    await page.getByRole('button', { name: 'Keep this conversation' }).click();
    await page.getByRole('status').filter({ hasText: /Kept/ }).waitFor();

    // Settings: age band and theme.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await h1(page, 'Settings');
    await page.getByRole('radio', { name: '18+' }).check();
    await page.getByRole('radio', { name: 'Dark' }).check();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.match(await page.locator('main').innerText(), /You're in demo mode/);

    // Nothing reached localStorage, and everything is byte for byte as it was.
    assert.deepEqual(await writes(page), [], 'no localStorage write in demo mode');
    assert.deepEqual(await snapshot(page), before);

    // A reload stays in the demo (the tab's flag), still on sample content.
    await page.reload();
    await bar(page).waitFor();
    assert.deepEqual(await writes(page), []);

    await bar(page).getByRole('button', { name: 'Leave demo' }).click();
    await h1(page, 'Good to see you');
    assert.equal(await bar(page).count(), 0);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('tend-demo')), null);
    assert.equal(await htmlBand(page), '12-14', 'the device’s own settings are back');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await page.goto(`${BASE_URL}/breathe/history`);
    // The history arrives as a section of its own: wait for the note, then compare.
    await page.locator('main').getByText('My own private note').first().waitFor();
    assert.deepEqual(await snapshot(page), before);
    assertClean(page);
  }));

test('any exercise at any band is two clicks away; the big-screen layout is readable across a room', () =>
  withPage({ viewport: 'desktop' }, async (page) => {
    await page.goto(`${BASE_URL}/demo`);
    await h1(page, 'Showing Tend to others');
    await checkA11y(page, 'demo start (desktop)');
    await screenshot(page, 'demo-start-desktop');

    // Two clicks: a band, an exercise.
    await band(page, '12–14').click();
    await page.getByRole('link', { name: /Breathing space/ }).click();
    await h1(page, 'Breathing space');
    // (The patterns sit in the "Change how it works" fold, so read the text, shown or not.)
    assert.doesNotMatch(await page.locator('main').textContent(), /4-7-8/i);
    // Switching band shows the same exercise in that band's words.
    await band(page, '15–17').click();
    await page.waitForFunction(() => /4-7-8/i.test(document.querySelector('main').textContent));
    await h1(page, 'Breathing space');
    assert.equal(await band(page, '15–17').getAttribute('aria-pressed'), 'true');
    await checkA11y(page, 'demo breathing setup (desktop)');

    // The presenter's keys are listed on the bar; 1 2 3 switch bands.
    assert.match(await bar(page).innerText(), /Space/);
    await page.locator('main h1').focus();
    await page.keyboard.press('3');
    assert.equal(await htmlBand(page), '18+');

    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    const shape = await page.locator('.breath').boundingBox();
    assert.ok(shape.width >= 400, `breathing shape ${shape.width}px wide on the big screen`);
    const words = await page.locator('.breath__words').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(words >= 48, `breathing words ${words}px`);
    await screenshot(page, 'demo-breathing-desktop');
    await page.keyboard.press('Escape');

    await page.goto(`${BASE_URL}/talk`);
    await page.locator('.talk .area--button').first().click();
    await page.getByRole('button', { name: 'Start', exact: true }).click(); // after the scene's preview
    await page.getByRole('log', { name: 'Conversation' }).waitFor();
    const line = await page.locator('.bubble').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(line >= 28, `dialogue lines ${line}px`);
    const count = await page.locator('.chat li').count();
    await page.locator('main h1').focus();
    await page.keyboard.press('PageDown');
    await page.waitForFunction((n) => document.querySelectorAll('.chat li').length > n, count);
    await checkA11y(page, 'demo dialogue (desktop)');
    await screenshot(page, 'demo-dialogue-desktop');
    assertClean(page);
  }));

for (const viewport of ['phone', 'desktop']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`demo and plan screens pass axe and keep Help now (${viewport}, ${colorScheme})`, () =>
      withPage({ viewport, colorScheme }, async (page) => {
        const name = `${viewport}-${colorScheme}`;
        for (const path of ['/demo', '/', '/breathe', '/draw', '/talk', '/settings']) {
          await page.goto(`${BASE_URL}${path}`);
          await page.locator('main h1').waitFor();
          await bar(page).waitFor();
          assert.ok(await page.getByRole('link', { name: 'Help now' }).isVisible(), `Help now on ${path}`);
          // The bar never covers the page's top bar.
          const barBox = await bar(page).boundingBox();
          const top = await page.locator('.topbar').boundingBox();
          assert.ok(top.y >= barBox.y + barBox.height - 1, `top bar below the demo bar on ${path}`);
          // "Leave demo" is always in view, on a phone too.
          const leave = await bar(page).getByRole('button', { name: 'Leave demo' }).boundingBox();
          assert.ok(leave.x + leave.width <= page.viewportSize().width, `Leave demo in view on ${path}`);
        }
        await page.goto(`${BASE_URL}/demo`);
        await h1(page, 'Showing Tend to others');
        await checkA11y(page, `demo start (${name})`);
        await screenshot(page, `demo-start-${name}`);
        await page.goto(`${BASE_URL}/`);
        await h1(page, 'Good to see you');
        await checkA11y(page, `demo home (${name})`);
        await screenshot(page, `demo-home-${name}`);
        await page.goto(`${BASE_URL}/plan/make`);
        await h1(page, 'Make a practice plan');
        await page.getByRole('button', { name: 'Add breathing' }).click();
        await page.getByRole('button', { name: 'Add drawing' }).click();
        await page.getByLabel('A note in your own words (optional)').fill('Go gently.');
        await page.locator('.qr__code').waitFor();
        await checkA11y(page, `plan maker (${name})`);
        await screenshot(page, `plan-maker-${name}`);
        const link = await page.getByLabel('Link to the plan').inputValue();
        await page.goto(link);
        await h1(page, 'A practice plan for you');
        await checkA11y(page, `plan preview (${name})`);
        await screenshot(page, `plan-preview-${name}`);
        await page.getByRole('button', { name: 'Add to my Home' }).click();
        await h1(page, 'Good to see you');
        await page.getByRole('heading', { name: 'Suggested for you' }).waitFor();
        await checkA11y(page, `home with a plan (${name})`);
        await screenshot(page, `home-plan-${name}`);
        await page.goto(`${BASE_URL}/plan#plan=1.AAAA.AAAAAA`);
        await h1(page, "This plan can't be opened");
        await checkA11y(page, `plan refused (${name})`);
        assertClean(page);
      }));
  }
}

test('a therapist makes a five-item plan with a QR code; a teen opens the link on a phone, adds it and starts an item in one tap', async () => {
  let link;
  await withPage({ viewport: 'desktop' }, async (page) => {
    await page.goto(`${BASE_URL}/demo`);
    await page.getByRole('link', { name: /Make a practice plan/ }).click();
    await h1(page, 'Make a practice plan');
    await page.getByLabel('Pattern').selectOption('box');
    await page.getByLabel('Length').selectOption('3');
    await page.getByLabel('What to breathe with').selectOption('wave');
    await page.getByRole('button', { name: 'Add breathing' }).click();
    await page.getByLabel('Pattern').selectOption('soothing');
    await page.getByRole('button', { name: 'Add breathing' }).click();
    await page.getByLabel('Prompt').selectOption('safe-place');
    await page.getByRole('button', { name: 'Add drawing' }).click();
    await page.getByRole('button', { name: 'Add drawing' }).click();
    await page.getByRole('button', { name: 'Add conversation' }).click();
    await page.getByRole('button', { name: /^Remove/ }).nth(3).click();
    await page.getByLabel('Prompt').selectOption('three-circles');
    await page.getByRole('button', { name: 'Add drawing' }).click();
    assert.equal(await page.locator('.plan-maker__plan .plan-list__item').count(), 5);
    await page.getByLabel('A note in your own words (optional)').fill(
      'Lovely work today. Try the square breathing before bed, and bring a drawing if you want to talk about it. No pressure, this is yours.',
    );
    await page.getByRole('radio', { name: 'A few times this week' }).check();
    link = await page.getByLabel('Link to the plan').inputValue();
    const svg = page.getByRole('img', { name: 'QR code of the link' });
    await svg.waitFor();
    const version = Number(await svg.getAttribute('data-version'));
    console.log(`five-item plan: link ${link.length} characters, QR version ${version}`);
    assert.ok(link.length <= 600, `link of ${link.length} characters`);
    assert.ok(version >= 1 && version <= 17);
    assert.match(await page.locator('.plan-link').innerText(), new RegExp(`QR version ${version}`));
    await screenshot(page, 'plan-maker-qr-desktop');
    assertClean(page);
  });

  await withPage({ viewport: 'phone', storage: settingsSeed({ band: '15-17', region: 'gb' }) }, async (page) => {
    await page.goto(link);
    await h1(page, 'A practice plan for you');
    const text = await page.locator('main').innerText();
    assert.match(text, /Your therapist suggested:/);
    assert.match(text, /Lovely work today/);
    assert.match(text, /A few times this week/);
    assert.equal(await page.evaluate(() => localStorage.getItem('tend.plan')), null, 'nothing is added before asking');
    await page.getByRole('button', { name: 'Add to my Home' }).click();
    await h1(page, 'Good to see you');
    assert.equal(new URL(page.url()).hash, '', 'the plan leaves the address bar');
    const card = page.getByRole('region', { name: 'Suggested for you' });
    await card.waitFor();
    assert.equal(await card.getByRole('listitem').count(), 5);
    assert.doesNotMatch(await card.innerText(), /streak|missed|in a row/i);
    await screenshot(page, 'home-plan-phone');

    // One tap into the first item: breathing set up as suggested.
    await card.getByRole('link').first().click();
    await h1(page, 'Breathing space');
    await page.getByText('Change how it works').click();
    assert.ok(await page.getByRole('radio', { name: /Box/i }).first().isChecked());
    await page.goBack();
    await h1(page, 'Good to see you');
    // A quiet mark, kept across a reload.
    await card.getByRole('button', { name: /^Done/ }).first().click();
    assert.equal(await card.getByRole('button', { name: /^Done/ }).first().getAttribute('aria-pressed'), 'true');
    await page.reload();
    await card.waitFor();
    assert.equal(await card.getByRole('button', { name: /^Done/ }).first().getAttribute('aria-pressed'), 'true');
    // The drawing item opens the drawing room on its prompt.
    await card.getByRole('link').nth(2).click();
    await page.locator('canvas').waitFor();
    assert.equal(await page.getByLabel('What to draw').inputValue(), 'safe-place');
    assertClean(page);
  });
});

test('a cut, changed, foreign, newer or oversized plan link is refused and changes nothing', async () => {
  let good;
  await withPage({ viewport: 'desktop' }, async (page) => {
    await page.goto(`${BASE_URL}/plan/make`);
    await page.getByRole('button', { name: 'Add drawing' }).click();
    good = await page.getByLabel('Link to the plan').inputValue();
  });
  const fragment = good.split('#')[1];
  const [head, sum] = [fragment.slice(0, fragment.lastIndexOf('.')), fragment.slice(fragment.lastIndexOf('.') + 1)];
  const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const cases = [
    ['cut short', fragment.slice(0, fragment.length - 9), /isn't complete|changed after/],
    ['changed', `${flip(head, head.length - 2)}.${sum}`, /changed after it was made/],
    ['foreign', 'section-2', /isn't a Tend practice plan/],
    ['newer', fragment.replace('plan=1.', 'plan=9.'), /newer version of Tend/],
    ['oversized', `plan=1.${'A'.repeat(2000)}.AAAAAA`, /far longer than any Tend plan/],
  ];
  await withPage({ viewport: 'phone', storage: OWN }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    const before = await snapshot(page);
    for (const [what, bad, message] of cases) {
      await page.goto(`${BASE_URL}/plan#${bad}`);
      await h1(page, "This plan can't be opened");
      assert.match(await page.locator('main').innerText(), message, what);
      assert.match(await page.locator('main').innerText(), /Nothing was added/);
      assert.equal(await page.getByRole('button', { name: 'Add to my Home' }).count(), 0, what);
    }
    await screenshot(page, 'plan-refused-phone');
    assert.deepEqual((await snapshot(page)).data, before.data);
    assertClean(page);
  });
});

const DEMO_ONLY = 'Kept for this demo only — nothing is saved on this device.';
const DEVICE_CLAIM = /(saved|stays?|kept|only) on this device/i;
/** A line on the page that claims something reached this device (the demo's own line aside). */
const deviceClaims = async (page) => (await page.locator('main').innerText()).replaceAll(DEMO_ONLY, '').match(DEVICE_CLAIM);

/** Opens Tend on the device's own data, snapshots it, then enters demo mode; returns the snapshot. */
async function enterDemo(page) {
  await page.goto(`${BASE_URL}/`);
  await h1(page, 'Good to see you');
  await page.evaluate(() => navigator.serviceWorker?.ready);
  const before = await snapshot(page);
  await page.goto(`${BASE_URL}/demo`);
  await h1(page, 'Showing Tend to others');
  return before;
}

test('in demo mode no line claims a save reached this device: check-in, settings, a family note and the lists say the demo keeps them', () =>
  withPage({ viewport: 'phone', storage: OWN }, async (page) => {
    const claims = () => deviceClaims(page);
    const before = await enterDemo(page);

    // The breathing ending: stopped early, then a check-in.
    await bar(page).getByRole('link', { name: 'Demo exercises' }).click();
    await page.getByRole('link', { name: /Breathing space/ }).click();
    await h1(page, 'Breathing space');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.getByRole('radio', { name: 'Calm' }).check();
    await page.getByRole('status').filter({ hasText: DEMO_ONLY }).waitFor();
    assert.equal(await claims(), null, 'the breathing ending');
    await screenshot(page, 'demo-breathe-ending-phone');

    // Settings: its lead and the status after a change.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await h1(page, 'Settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('status').filter({ hasText: DEMO_ONLY }).waitFor();
    assert.equal(await claims(), null, 'settings');

    // A parent's note on a family lesson.
    await page.goto(`${BASE_URL}/family/criticism-and-coaching`);
    await page.getByLabel('A note for yourself (optional)').fill('A demo note.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByRole('status').filter({ hasText: DEMO_ONLY }).waitFor();
    assert.equal(await claims(), null, 'the family note');

    // The lists of what is kept.
    for (const [path, title] of [['/breathe/history', 'Your past sessions'], ['/draw/gallery', 'Your drawings'], ['/breathe/patterns', 'Your own patterns']]) {
      await page.goto(`${BASE_URL}${path}`);
      await h1(page, title);
      await page.getByText(DEMO_ONLY).first().waitFor();
      assert.equal(await claims(), null, path);
    }
    assert.deepEqual(await snapshot(page), before, 'and nothing reached the device');
    assertClean(page);
  }));

test('in demo mode the circles, the break, the imagery and the letter say the demo keeps things, and the device\u2019s data stays as it was', () =>
  withPage({ viewport: 'phone', storage: OWN }, async (page) => {
    const claims = () => deviceClaims(page);
    const before = await enterDemo(page);

    // The circles: the privacy line, then a kept check-in.
    // Each is on the demo's list of exercises: two clicks from anywhere in the demo.
    const open = async (name) => {
      await bar(page).getByRole('link', { name: 'Demo exercises' }).click();
      await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
    };
    await open('Three circles check-in');
    await h1(page, 'Three circles');
    await page.getByText(DEMO_ONLY).waitFor();
    assert.equal(await claims(), null, 'the circles');
    await page.getByRole('slider', { name: /^Red circle/ }).fill('5');
    await page.getByLabel('A few words, if you like').fill('A demo note.');
    await page.getByRole('button', { name: 'Keep this check-in' }).click();
    await page.getByRole('heading', { name: 'Kept for this demo only' }).waitFor();
    await page.getByText('A demo note.').waitFor();
    assert.equal(await claims(), null, 'the circles, kept');

    // The break, start to end.
    await open('Self-compassion break');
    await h1(page, 'Self-compassion break');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    for (const next of ['Next step', 'Next step', 'Finish']) await page.getByRole('button', { name: next, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Coming back' }).waitFor();
    assert.equal(await claims(), null, 'the break');

    // The imagery, start to end.
    await open('Kind imagery');
    await page.getByRole('button', { name: 'Begin', exact: true }).click();
    for (let i = 0; i < 10 && !(await page.getByRole('heading', { name: 'Thank you for taking this time' }).count()); i++) {
      const before = await page.locator('#step-title').textContent();
      await page.getByRole('button', { name: /^(Next|Finish)$/ }).click();
      await page.waitForFunction((t) => document.querySelector('#step-title')?.textContent !== t, before);
    }
    await page.getByRole('heading', { name: 'Thank you for taking this time' }).waitFor();
    assert.equal(await claims(), null, 'the imagery');

    // The letter: its privacy line, the draft as it is typed, and the letter kept.
    await open('A kind letter to yourself');
    await page.getByText(DEMO_ONLY).waitFor();
    assert.equal(await claims(), null, 'the letter, at the start');
    await page.getByRole('button', { name: 'Start a letter' }).click();
    await page.locator('#letter-part').fill('It makes sense that I feel tired.');
    await page.getByText('Kept as you type, for this demo only.').waitFor();
    assert.equal(await claims(), null, 'the letter, as it is typed');
    for (let i = 0; i < 10 && !(await page.getByRole('heading', { name: 'Does this sound like a kind friend talking?' }).count()); i++) {
      await page.getByRole('button', { name: /^(Next|Read it over)$/ }).click();
    }
    await page.getByRole('button', { name: 'Keep this letter' }).click();
    await page.getByRole('status').filter({ hasText: 'Kept for this demo only. You can read it again below.' }).waitFor();
    await page.getByRole('heading', { name: 'Letters you kept' }).waitFor();
    assert.equal(await claims(), null, 'the letter, kept');
    await screenshot(page, 'demo-letter-kept-phone');

    assert.deepEqual(await snapshot(page), before, 'and nothing reached the device');
    await bar(page).getByRole('button', { name: 'Leave demo' }).click();
    await h1(page, 'Good to see you');
    assert.deepEqual(await snapshot(page), before, 'after leaving');
    assertClean(page);
  }));

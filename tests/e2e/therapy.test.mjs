// In the therapy room, from start to end, as the "Done when" tells it: on a
// laptop holding someone's own Tend, a therapist enters demo mode, shows breathing for
// 12–14 and then 15–17 on the big-screen layout, makes a plan and shows its QR code;
// every tend.* key, the caches and the service workers are byte for byte as they were.
// Then, on a phone, the teen opens the link, adds the plan, starts an item from Home,
// keeps the session with a check-in, and prints a summary of what they chose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed,
  tendSnapshot, printed, demoBar as bar, demoBand as band, OWN_TEND, STORAGE_KEPT,
} from './harness.mjs';

const { withPage } = sharedBrowser();

/** Starts breathing and checks the shape and its words are big enough to read across a room. */
async function showBreathing(page, label) {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  const shape = await page.locator('.breath').boundingBox();
  assert.ok(shape.width >= 400, `${label}: breathing shape ${shape.width}px wide`);
  const words = await page.locator('.breath__words').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(words >= 48, `${label}: breathing words ${words}px`);
  await screenshot(page, `therapy-breathing-${label}-desktop`);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.getByRole('button', { name: 'Breathe again' }).click();
  await h1(page, 'Breathing space');
}

test('a therapist shows breathing for two bands and hands on a plan by QR; the teen adds it on a phone, practises, and prints a summary they chose', async () => {
  let link;
  await withPage({ viewport: 'desktop', storage: OWN_TEND }, async (page) => {
    // This browser keeps Tend's data, so Settings has no storage note to remember: the
    // only writes that could show below are the demo's.
    await page.addInitScript(STORAGE_KEPT);
    // Open Tend: someone's own, on this laptop.
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    await page.evaluate(() => navigator.serviceWorker?.ready);
    const before = await tendSnapshot(page);
    assert.ok(Object.keys(before.data).length >= 3);

    // Enter demo mode from Settings.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await h1(page, 'Settings');
    await page.getByRole('link', { name: 'Show Tend to others (demo mode)' }).click();
    await h1(page, 'Showing Tend to others');
    await bar(page).waitFor();

    // Breathing for 12–14: a band, an exercise.
    await band(page, '12–14').click();
    await page.getByRole('link', { name: /Breathing space/ }).click();
    await h1(page, 'Breathing space');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.band), '12-14');
    await showBreathing(page, '12-14');

    // Then for 15–17: one click shows the same exercise in that band's words.
    assert.doesNotMatch(await page.locator('main').textContent(), /4-7-8/i);
    await band(page, '15–17').click();
    await page.waitForFunction(() => /4-7-8/i.test(document.querySelector('main').textContent));
    await h1(page, 'Breathing space');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.band), '15-17');
    await showBreathing(page, '15-17');

    // Make a plan and show its QR code.
    await bar(page).getByRole('link', { name: 'Demo exercises' }).click();
    await page.getByRole('link', { name: /Make a practice plan/ }).click();
    await h1(page, 'Make a practice plan');
    await page.getByLabel('Pattern').selectOption('box');
    await page.getByRole('button', { name: 'Add breathing' }).click();
    await page.getByRole('button', { name: 'Add drawing' }).click();
    await page.getByLabel('A note in your own words (optional)').fill('Try the square breathing before bed.');
    await page.getByRole('radio', { name: 'A few times this week' }).check();
    const qr = page.getByRole('img', { name: 'QR code of the link' });
    await qr.waitFor();
    assert.ok((await qr.boundingBox()).width >= 150, 'a code a phone camera can read off the screen');
    link = await page.getByLabel('Link to the plan').inputValue();
    assert.ok(link.length <= 600, `link of ${link.length} characters`);
    await checkA11y(page, 'therapy: plan with QR (desktop)');
    await screenshot(page, 'therapy-plan-qr-desktop');

    // The demo touched nothing of the device's own Tend, before or after leaving.
    assert.deepEqual(await tendSnapshot(page), before, 'in the demo');
    await bar(page).getByRole('button', { name: 'Leave demo' }).click();
    await h1(page, 'Good to see you');
    assert.deepEqual(await tendSnapshot(page), before, 'after leaving');
    assertClean(page);
  });

  await withPage({ viewport: 'phone', storage: settingsSeed({ band: '15-17', region: 'gb' }) }, async (page) => {
    // The teen opens the link and adds the plan.
    await page.goto(link);
    await h1(page, 'A practice plan for you');
    assert.match(await page.locator('main').innerText(), /Try the square breathing before bed/);
    await page.getByRole('button', { name: 'Add to my Home' }).click();
    await h1(page, 'Good to see you');

    // Starts an item from Home, and keeps the session with a check-in.
    const card = page.getByRole('region', { name: 'Suggested for you' });
    await card.getByRole('link').first().click();
    await h1(page, 'Breathing space');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.getByRole('radio', { name: 'Calm' }).check();
    await page.getByLabel('Anything you want to remember?').fill('Slower by the end.');
    await page.getByRole('status').filter({ hasText: 'Your check-in is saved on this device.' }).waitFor();

    // Later: a summary of what they chose, printed.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await h1(page, 'Settings');
    await page.getByRole('link', { name: 'Make a summary for your next session' }).click();
    await h1(page, 'Your summary');
    await page.getByRole('group', { name: 'Breathing sessions' }).getByRole('checkbox').first().check();
    await page.getByRole('switch', { name: /Bring my notes too/ }).check();
    const summary = page.locator('article.summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /It shows 1 breathing session that I chose, with my notes\./);
    await checkA11y(page, 'therapy: summary (phone)');
    await screenshot(page, 'therapy-summary-phone');
    const paper = await printed(page);
    assert.equal(paper.chrome, 0, 'no buttons or bars on paper');
    assert.match(paper.text, /My summary from Tend/);
    assert.match(paper.text, /Before: — · After: Calm/);
    assert.match(paper.text, /Slower by the end\./);
    assert.ok(paper.pages >= 1 && paper.pages <= 2, `prints on ${paper.pages} pages`);
    assertClean(page);
  });
});

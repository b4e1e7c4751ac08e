// The teen's own summary (/summary): they choose the days and what to bring, see it as
// it will look, print it or save it as one self-contained file. It says what it shows
// and what it leaves out by counting only, never by showing what was left out, and it
// writes nothing to storage. In demo mode it works on the demo's sample content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed,
  tendSnapshot, printed, localDay, envelope, STORAGE_KEPT,
} from './harness.mjs';

const TODAY = localDay();
const iso = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const session = (day, name, note) => envelope({
  pattern: 'soothing', name, day, minute: 8 * 60 + 10, seconds: 120,
  finished: true, before: 'worried', after: 'calm', note,
});
const drawing = (day, name, words) => envelope({
  name, prompt: 'free', day, drawing: { paper: 'warm', strokes: [] }, words,
});
// A teen's own Tend: what is recent, and something from a month ago.
const TEEN = {
  ...settingsSeed({ band: '12-14', region: 'gb' }),
  'tend.breath.1764000000001': session(TODAY - 1, 'Box breathing', 'NOTE-CHOSEN'),
  'tend.breath.1764000000002': session(TODAY - 3, 'Balloon breathing', 'NOTE-LEFT'),
  'tend.breath.1764000000003': session(TODAY - 30, 'Old session', 'NOTE-OLD'),
  'tend.drawing.1764000000004': drawing(TODAY - 2, 'Sunny hill', 'WORDS-CHOSEN'),
  'tend.drawing.1764000000005': drawing(TODAY - 5, 'LEFT-DRAWING', 'WORDS-LEFT'),
};

const preview = (page) => page.locator('article.summary');
/** Ticks a checkbox with the keyboard. */
async function tick(page, name) {
  const box = page.getByRole('checkbox', { name });
  await box.focus();
  await page.keyboard.press('Space');
  assert.ok(await box.isChecked(), `${name} is ticked`);
}

const { withPage } = sharedBrowser();

test('a teen chooses what to bring, sees what it leaves out by count only, saves a self-contained file and prints it, and nothing is written', () =>
  withPage({ viewport: 'phone', storage: TEEN }, async (page) => {
    // No one-time note about storage in Settings, which would be its own write.
    await page.addInitScript(STORAGE_KEPT);
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    // Let the offline copy finish installing, so the caches are as they will stay.
    await page.evaluate(() => navigator.serviceWorker?.ready);
    const before = await tendSnapshot(page);
    await page.getByRole('link', { name: 'Make a summary for your next session' }).click();
    await h1(page, 'Your summary');
    await page.getByText('Tick what you want to bring, and it shows here.').waitFor();

    // The last two weeks to start with: the month-old session is not offered.
    assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), iso(TODAY - 14));
    assert.equal(await page.getByLabel('To', { exact: true }).inputValue(), iso(TODAY));
    assert.equal(await page.getByRole('checkbox', { name: /Old session/ }).count(), 0);
    await tick(page, /Box breathing/);
    await tick(page, /Sunny hill/);
    const text = () => preview(page).innerText();
    await page.waitForFunction(() => /It shows 1 breathing session and 1 drawing that I chose\./.test(document.querySelector('article.summary')?.innerText));
    assert.match(await text(), /It leaves out 1 breathing session, 1 drawing and 2 notes I did not choose\. It leaves out other days too\./);
    for (const hidden of [/NOTE-/, /WORDS-/, /Balloon/, /LEFT-DRAWING/, /Old session/]) {
      assert.doesNotMatch(await text(), hidden);
    }
    assert.match(await text(), /Before: Worried · After: Calm/);

    // Notes only when the teen says so.
    await page.getByRole('switch', { name: /Bring my notes too/ }).check();
    await page.waitForFunction(() => /NOTE-CHOSEN/.test(document.querySelector('article.summary').innerText));
    assert.match(await text(), /WORDS-CHOSEN/);
    assert.match(await text(), /It leaves out 1 breathing session and 1 drawing I did not choose\./);
    assert.doesNotMatch(await text(), /NOTE-LEFT|WORDS-LEFT/);

    // Other days: the month-old session can be brought too.
    await page.getByLabel('From', { exact: true }).fill(iso(TODAY - 40));
    await tick(page, /Old session/);
    await page.waitForFunction(() => /NOTE-OLD/.test(document.querySelector('article.summary').innerText));
    await checkA11y(page, 'summary with choices (phone)');
    await screenshot(page, 'summary-phone');

    // Saved as a file: one page that runs no script and loads nothing.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save as a file' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^tend-summary-\d{4}-\d{2}-\d{2}\.html$/);
    const file = await readFile(await download.path(), 'utf8');
    assert.match(file, /^<!doctype html>/);
    assert.match(file, /<h1>My summary from Tend<\/h1>/);
    assert.match(file, /NOTE-CHOSEN/);
    assert.match(file, /NOTE-OLD/);
    assert.match(file, /Content-Security-Policy" content="default-src 'none'/);
    for (const banned of [/<script/i, /\bsrc=/i, /\bhref=/i, /url\(/i, /https?:/i, /NOTE-LEFT/, /LEFT-DRAWING/]) {
      assert.doesNotMatch(file, banned);
    }
    await page.getByRole('status').filter({ hasText: download.suggestedFilename() }).waitFor();

    // Printed: only the summary, without buttons or bars, on one or two pages.
    const paper = await printed(page);
    assert.equal(paper.chrome, 0, 'no buttons, bars or statuses in print');
    assert.match(paper.text, /My summary from Tend/);
    assert.match(paper.text, /NOTE-CHOSEN/);
    assert.doesNotMatch(paper.text, /Choose what to bring|What to bring|Bring my notes too/);
    assert.ok(paper.pages >= 1 && paper.pages <= 2, `prints on ${paper.pages} pages`);

    assert.deepEqual(await tendSnapshot(page), before, 'the summary writes nothing');
    assertClean(page);
  }));

test('the summary is reached from the history and the gallery, and says so when there is nothing to bring', () =>
  withPage({ viewport: 'desktop', storage: TEEN }, async (page) => {
    await page.goto(`${BASE_URL}/breathe/history`);
    await h1(page, 'Your past sessions');
    await page.getByRole('link', { name: 'Bring some of these to your next session' }).click();
    await h1(page, 'Your summary');
    await page.goto(`${BASE_URL}/draw/gallery`);
    await h1(page, 'Your drawings');
    await page.getByRole('link', { name: 'Bring some of these to your next session' }).click();
    await h1(page, 'Your summary');

    // Days with nothing kept.
    await page.getByLabel('From', { exact: true }).fill(iso(TODAY - 400));
    await page.getByLabel('To', { exact: true }).fill(iso(TODAY - 300));
    await page.waitForFunction(() => document.querySelectorAll('.summary-kind .hint').length === 3);
    assert.equal(await page.getByText('None from these days.').count(), 3);
    await checkA11y(page, 'summary, nothing in range (desktop)');
    assertClean(page);
  }));

test('with nothing kept at all, the summary says so and points to the exercises', () =>
  withPage({ viewport: 'phone', storage: settingsSeed({ band: '15-17', region: 'gb' }) }, async (page) => {
    await page.goto(`${BASE_URL}/summary`);
    await h1(page, 'Your summary');
    await page.getByText('Nothing kept yet.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Go to the breathing space' }).count(), 1);
    await checkA11y(page, 'summary, nothing kept (phone)');
    await screenshot(page, 'summary-empty-phone');
    assertClean(page);
  }));

for (const viewport of ['phone', 'desktop']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the summary passes axe with a choice made (${viewport}, ${colorScheme})`, () =>
      withPage({ viewport, colorScheme, storage: TEEN }, async (page) => {
        await page.goto(`${BASE_URL}/summary`);
        await h1(page, 'Your summary');
        await tick(page, /Box breathing/);
        await preview(page).waitFor();
        await checkA11y(page, `summary (${viewport}, ${colorScheme})`);
        await screenshot(page, `summary-${viewport}-${colorScheme}`);
        assertClean(page);
      }));
  }
}

test('in demo mode the summary shows the sample drawing and chat, and the device keeps nothing of it', () =>
  withPage({ viewport: 'desktop', storage: TEEN }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    await page.evaluate(() => navigator.serviceWorker?.ready);
    const before = await tendSnapshot(page);
    await page.goto(`${BASE_URL}/demo`);
    await h1(page, 'Showing Tend to others');
    await page.goto(`${BASE_URL}/summary`);
    await h1(page, 'Your summary');
    assert.equal(await page.getByRole('checkbox', { name: /Box breathing/ }).count(), 0, 'none of the device’s own records');
    const boxes = page.getByRole('checkbox');
    for (let i = 0; i < await boxes.count(); i++) await boxes.nth(i).check();
    await preview(page).waitFor();
    assert.ok(await preview(page).locator('svg[role="img"] polyline').count() > 0, 'the drawing, from its strokes');
    assert.ok(await preview(page).locator('.summary__talk li').count() > 2, 'the chat, line by line');
    assert.match(await preview(page).innerText(), /It shows 4 breathing sessions, 1 drawing and 1 chat that I chose\./);
    await checkA11y(page, 'demo summary (desktop)');
    await screenshot(page, 'summary-demo-desktop');
    const paper = await printed(page);
    assert.equal(paper.chrome, 0, 'the demo bar stays off the paper');
    assert.deepEqual(await tendSnapshot(page), before);
    assertClean(page);
  }));

// The compassionate letter: a 13-year-old on a phone writes a short letter by keyboard
// alone, closes the tab right after typing and finds every word again, hears a kind
// warmth check about a harsh word, keeps the letter and reads it again later (a gentle
// line first); deleting it has an undo. The "I / you" switch changes the prompts, and
// the letter is kept in one key of its own, in a versioned envelope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, sharedBrowser, newPage, assertClean, checkA11y, screenshot, heading as h1, settingsSeed } from './harness.mjs';

const EARLY = settingsSeed({ band: '12-14', region: 'gb' });
const MID = settingsSeed({ band: '15-17', region: 'gb' });
const TITLE_EARLY = 'A kind letter to you';
const TITLE_MID = 'A kind letter to yourself';

const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
const letterKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tend.letter.')));

/** Presses Tab until `locator` has focus (keyboard alone), failing after 40 presses. */
async function tabTo(page, locator) {
  for (let i = 0; i < 40; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}

/** Waits until the text field of the part showing has focus (it moves there after each step). */
const inField = (page) => page.waitForFunction(() => document.activeElement?.id === 'letter-part');

/** Tabs to a button and presses Enter. */
async function activate(page, locator) {
  await tabTo(page, locator);
  await page.keyboard.press('Enter');
}

const { browser, withPage } = sharedBrowser();

test('a 13-year-old writes a short letter by keyboard, closes the tab right after typing, and every word is kept', async () => {
  const page = await newPage(browser(), { viewport: 'phone', storage: EARLY });
  const context = page.context();
  try {
    await page.goto(`${BASE_URL}/letter`);
    await h1(page, TITLE_EARLY);
    // Who can see it, said plainly, before anything is written.
    await page.getByText('Your letters stay on this device').waitFor();
    await page.getByText('No letters kept yet').waitFor();
    await checkA11y(page, 'letter start (12-14)');
    await screenshot(page, 'letter-start-phone-12-14');

    await activate(page, page.getByRole('button', { name: 'Start a letter' }));
    const field = page.getByRole('textbox', { name: 'It makes sense that you feel…' });
    await field.waitFor();
    await inField(page);
    await page.keyboard.type('sad, because the game went badly.');
    assertClean(page);
    // The draft was saved (and read back) on the last keystroke: close the tab at once.
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await again.goto(`${BASE_URL}/letter`);
    await h1(again, TITLE_EARLY);
    await again.getByText('Welcome back. Your letter is here, just as you left it.').waitFor();
    const back = again.getByRole('textbox', { name: 'It makes sense that you feel…' });
    assert.equal(await back.inputValue(), 'sad, because the game went badly.');
    const draft = await stored(again, 'tend.draft.letter');
    assert.equal(draft.v, 1, 'a versioned envelope');
    assert.equal(draft.data.letter.parts.feel, 'sad, because the game went badly.');
  } finally {
    await context.close();
  }
});

test('a 13-year-old finishes the letter by keyboard, hears the warmth check, keeps it, finds it later, deletes it and undoes that', () =>
  withPage({ viewport: 'phone', storage: EARLY }, async (page) => {
    await page.goto(`${BASE_URL}/letter`);
    await h1(page, TITLE_EARLY);
    await activate(page, page.getByRole('button', { name: 'Start a letter' }));
    await page.getByRole('textbox', { name: 'It makes sense that you feel…' }).waitFor();
    await inField(page);
    await page.keyboard.type('sad, because I felt stupid in maths.');
    await page.getByText('Saved on this device as you type.').waitFor();
    await checkA11y(page, 'letter part 1 (12-14)');
    await screenshot(page, 'letter-part-phone-12-14');

    await activate(page, page.getByRole('button', { name: 'Next' }));
    await page.getByRole('textbox', { name: "You're not alone in this…" }).waitFor();
    await inField(page);
    await page.keyboard.type('Lots of kids find maths hard.');
    await activate(page, page.getByRole('button', { name: 'Next' }));
    await page.getByRole('textbox', { name: 'What might help you next…' }).waitFor();
    await inField(page);
    await page.keyboard.type('Ask my teacher, and have a snack.');
    await activate(page, page.getByRole('button', { name: 'Read it over' }));

    const check = page.getByRole('region', { name: 'Does this sound like a kind friend talking?' });
    await check.waitFor();
    assert.ok(await page.evaluate(() => document.activeElement?.id === 'warmth-title'), 'focus on the warmth check');
    const said = await check.innerText();
    assert.match(said, /Instead of “stupid”, maybe “still learning”\./, 'the harsh word is pointed out, with a kinder one');
    assert.match(said, /It's your letter/);
    assert.doesNotMatch(said, /\b(should|must|wrong|failure)\b/i, 'the check itself speaks kindly');
    await checkA11y(page, 'letter warmth check (12-14)');
    await screenshot(page, 'letter-warmth-phone-12-14');

    await activate(page, page.getByRole('button', { name: 'Keep this letter' }));
    await page.getByRole('status').getByText('Kept on this device.').waitFor();
    const keys = await letterKeys(page);
    assert.equal(keys.length, 1, 'one key for the letter');
    const kept = await stored(page, keys[0]);
    assert.equal(kept.v, 1);
    assert.equal(kept.data.parts['not-alone'], 'Lots of kids find maths hard.');
    assert.equal(await stored(page, 'tend.draft.letter'), null, 'the draft is gone once the letter is kept');

    // Later: a reload, and the letter is there to read again, with a gentle line first.
    await page.reload();
    await h1(page, TITLE_EARLY);
    const read = page.getByRole('button', { name: /^Read the letter from / });
    await activate(page, read);
    assert.equal(await read.getAttribute('aria-expanded'), 'true');
    await page.getByText('Take a slow breath. These are kind words, from you, for you.').waitFor();
    await page.getByText('Ask my teacher, and have a snack.').waitFor();
    await checkA11y(page, 'letter reread (12-14)');
    await screenshot(page, 'letter-reread-phone-12-14');

    await activate(page, page.getByRole('button', { name: /^Delete the letter from / }));
    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    assert.deepEqual(await letterKeys(page), [], 'deleted at once');
    assert.ok(await undo.evaluate((el) => el === document.activeElement), 'focus on Undo');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Read the letter from / }).waitFor();
    assert.deepEqual(await letterKeys(page), keys, 'put back under its old key');
    assertClean(page);
  }));

test('the "I / you" switch changes the prompts and is kept with the letter', () =>
  withPage({ viewport: 'desktop', storage: MID }, async (page) => {
    await page.goto(`${BASE_URL}/letter`);
    await h1(page, TITLE_MID);
    await activate(page, page.getByRole('button', { name: 'Start a letter' }));
    await page.getByRole('textbox', { name: 'It makes sense that you feel…' }).waitFor();
    const asI = page.getByRole('radio', { name: 'As “I”' });
    await tabTo(page, page.getByRole('radio', { name: 'To “you”' }));
    await page.keyboard.press('ArrowDown');
    assert.ok(await asI.isChecked());
    await page.getByRole('textbox', { name: 'It makes sense that I feel…' }).waitFor();
    assert.equal((await stored(page, 'tend.draft.letter')).data.letter.voice, 'i');
    await page.getByRole('textbox', { name: 'It makes sense that I feel…' }).fill('stressed, with exams close.');
    await activate(page, page.getByRole('button', { name: 'Next' }));
    await page.getByRole('textbox', { name: "I'm not alone in this…" }).waitFor();
    await checkA11y(page, 'letter part 2, as I (15-17, desktop)');
    await screenshot(page, 'letter-part-desktop-15-17-i');
    assertClean(page);
  }));

test('the letter with a draft is accessible in dark at both widths, and "too much" offers grounding and help', async () => {
  for (const viewport of ['phone', 'desktop']) {
    await withPage({ viewport, colorScheme: 'dark', storage: EARLY }, async (page) => {
      await page.goto(`${BASE_URL}/letter`);
      await h1(page, TITLE_EARLY);
      await activate(page, page.getByRole('button', { name: 'Start a letter' }));
      await page.getByRole('textbox', { name: 'It makes sense that you feel…' }).waitFor();
      await inField(page);
      await page.keyboard.type('worried about a friend.');
      await checkA11y(page, `letter part (dark, ${viewport})`);
      await screenshot(page, `letter-part-${viewport}-dark`);
      await activate(page, page.getByRole('button', { name: 'This feels like too much' }));
      const card = page.getByRole('region', { name: "Let's pause here" });
      await card.waitFor();
      assert.match(await card.innerText(), /Your letter is saved just as it is\./);
      await card.getByRole('link', { name: 'Help now' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Next' }).count(), 0, 'the card is the one set of choices');
      await checkA11y(page, `letter too much (dark, ${viewport})`);
      await activate(page, page.getByRole('button', { name: 'Carry on writing' }));
      await page.getByRole('button', { name: 'Next' }).waitFor();
      assertClean(page);
    });
  }
});

test('a kept letter and a draft go out with the export, go with delete everything, and come back with an import', () =>
  withPage({ viewport: 'desktop', storage: MID }, async (page) => {
    await page.goto(`${BASE_URL}/letter`);
    await h1(page, TITLE_MID);
    await activate(page, page.getByRole('button', { name: 'Start a letter' }));
    await inField(page);
    await page.keyboard.type('tired after a long week.');
    await activate(page, page.getByRole('button', { name: 'Next' }));
    await activate(page, page.getByRole('button', { name: 'Next' }));
    await activate(page, page.getByRole('button', { name: 'Read it over' }));
    await activate(page, page.getByRole('button', { name: 'Keep this letter' }));
    await page.getByRole('status').getByText('Kept on this device.').waitFor();
    await activate(page, page.getByRole('button', { name: 'Start a letter' }));
    await inField(page);
    await page.keyboard.type('a second one, still a draft.');

    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export my data' }).click(),
    ]);
    const exported = await readFile(await download.path(), 'utf8');
    const keys = Object.keys(JSON.parse(exported).records);
    assert.equal(keys.filter((k) => k.startsWith('tend.letter.')).length, 1);
    assert.ok(keys.includes('tend.draft.letter'));

    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('group', { name: 'Delete everything?' }).getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByRole('status').filter({ hasText: 'Everything Tend kept on this device is deleted.' }).waitFor();
    assert.deepEqual(await letterKeys(page), []);
    assert.equal(await stored(page, 'tend.draft.letter'), null);

    await page.getByLabel('Import a file').setInputFiles({ name: 'tend-export.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    const preview = page.getByRole('group', { name: 'Import this file?' });
    await preview.waitFor();
    assert.match(await preview.innerText(), /1 letter to yourself/);
    assert.match(await preview.innerText(), /1 piece of work in progress/);
    await preview.getByRole('button', { name: "Add to what's here" }).click();
    await page.getByRole('status').filter({ hasText: /^Added/ }).waitFor();

    await page.goto(`${BASE_URL}/letter`);
    await h1(page, TITLE_MID);
    assert.equal(await page.getByRole('textbox', { name: 'It makes sense that you feel…' }).inputValue(), 'a second one, still a draft.');
    assert.equal((await letterKeys(page)).length, 1);
    assertClean(page);
  }));

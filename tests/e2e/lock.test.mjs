// The lock on a shared device: a teen turns it on, and after a reload Tend shows a calm
// lock screen with Help now and nothing of theirs, while localStorage holds no plaintext
// of a note, a drawing's name and words, or a letter. A wrong passphrase is refused
// calmly (try again as often as you like); the right one opens Tend where it was.
// "Lock now" locks; turning the lock off gives every record back in plain.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, OWN_TEND } from './harness.mjs';

const PASSPHRASE = 'green kite over the harbour';
const LETTER_WORDS = 'PRIVATE-LETTER-WORDS about my brother';
const SECRETS = ['My own private note', 'My own drawing', 'A quiet room with a lamp', 'PRIVATE-LETTER-WORDS', 'brother'];

const tendValues = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('tend.'))
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );

/** No value anywhere in localStorage holds any of the secrets, and every Tend value but the lock's is encrypted. */
async function assertNoPlaintext(page) {
  const all = await page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`));
  for (const secret of SECRETS) {
    assert.ok(!all.some((v) => v.includes(secret)), `localStorage holds "${secret}"`);
  }
  for (const [key, value] of Object.entries(await tendValues(page))) {
    if (key !== 'tend.lock') assert.match(value, /^enc1:/, `${key} is not encrypted`);
  }
}

async function assertLockScreenShowsNothing(page) {
  await h1(page, 'Tend is locked');
  const text = await page.locator('body').innerText();
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `the lock screen shows "${secret}"`);
  await page.getByRole('link', { name: 'Help now' }).waitFor();
}

async function unlock(page, passphrase = PASSPHRASE) {
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

const { withPage } = sharedBrowser();

test('with the lock on, a reload shows only the lock screen and storage holds no plaintext; the passphrase opens Tend where it was', () =>
  withPage({ viewport: 'phone', storage: OWN_TEND }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const lockCard = page.getByRole('region', { name: 'Lock', exact: true });
    await lockCard.getByText("It can't protect you from someone who watches you type it").waitFor();
    await lockCard.getByLabel('Choose a passphrase').fill('short');
    await lockCard.getByLabel('Type it again').fill('short');
    await lockCard.getByRole('button', { name: 'Turn on the lock' }).click();
    await lockCard.getByText('A passphrase needs at least 8 characters').waitFor();
    await lockCard.scrollIntoViewIfNeeded();
    await screenshot(page, 'lock-card-off-phone');
    await lockCard.getByLabel('Choose a passphrase').fill(PASSPHRASE);
    await lockCard.getByLabel('Type it again').fill(PASSPHRASE);
    await lockCard.getByRole('button', { name: 'Turn on the lock' }).click();

    // Turning it on loads Tend afresh, at the lock screen.
    await assertLockScreenShowsNothing(page);
    await assertNoPlaintext(page);
    assert.match((await tendValues(page))['tend.lock'], /^tend-lock-1 on 600000 /);
    await checkA11y(page, 'lock screen');
    await screenshot(page, 'lock-screen-phone');

    // A wrong passphrase: a calm word, and the way stays open.
    await unlock(page, 'blue kite over the harbour');
    await page.getByRole('status').getByText("That passphrase didn't open it").waitFor();
    await h1(page, 'Tend is locked');
    await screenshot(page, 'lock-wrong-phone');
    await unlock(page, 'still not it at all');
    await page.getByRole('status').getByText("That passphrase didn't open it").waitFor();

    // The right one opens Tend at the page it was on, with the teen's things there.
    await unlock(page);
    await h1(page, 'Settings');
    await page.getByRole('button', { name: 'Lock now' }).scrollIntoViewIfNeeded();
    await checkA11y(page, 'settings with the lock on');
    await screenshot(page, 'lock-card-on-phone');
    assertClean(page);
  }));

test('what is written while locked-on is stored encrypted, "Lock now" locks, and turning the lock off gives every record back', () =>
  withPage({ viewport: 'desktop', storage: OWN_TEND }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const before = await tendValues(page);
    const lockCard = page.getByRole('region', { name: 'Lock', exact: true });
    await lockCard.getByLabel('Choose a passphrase').fill(PASSPHRASE);
    await lockCard.getByLabel('Type it again').fill(PASSPHRASE);
    await lockCard.getByRole('button', { name: 'Turn on the lock' }).click();
    await assertLockScreenShowsNothing(page);
    await screenshot(page, 'lock-screen-desktop');

    // A letter written with the lock on.
    await page.goto(`${BASE_URL}/letter`);
    await assertLockScreenShowsNothing(page);
    await unlock(page);
    await page.getByRole('button', { name: 'Start a letter' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'letter-part');
    await page.keyboard.type(LETTER_WORDS);
    await page.waitForFunction(() => localStorage.getItem('tend.draft.letter')?.startsWith('enc1:'));
    // Where the teen writes, the words say it is locked.
    await page.getByText('sees only the lock').waitFor();
    await assertNoPlaintext(page);

    // Help now from the lock screen: a page of its own, with nothing of the teen's.
    await page.reload();
    await assertLockScreenShowsNothing(page);
    await assertNoPlaintext(page);
    await page.getByRole('link', { name: 'Help now' }).click();
    // While locked, nothing starts at /help: the plain page is all there is.
    await h1(page, 'Help now', { started: false });
    assert.equal(await page.locator('#boot').count(), 1, 'the app did not start at /help while locked');
    const helpText = await page.locator('body').innerText();
    for (const secret of SECRETS) assert.ok(!helpText.includes(secret), `help shows "${secret}"`);

    await page.goto(`${BASE_URL}/settings`);
    await unlock(page);
    await h1(page, 'Settings');
    await page.getByRole('button', { name: 'Lock now' }).click();
    await assertLockScreenShowsNothing(page);

    await unlock(page);
    await h1(page, 'Settings');
    await page.getByRole('button', { name: 'Turn off the lock' }).click();
    await page.getByLabel('Your passphrase', { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Turn off the lock' }).last().click();
    await page.getByText("That passphrase didn't open it").waitFor();
    await page.getByLabel('Your passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Turn off the lock' }).last().click();

    // Tend loads afresh with no lock, and everything is plain again, as it was.
    await page.getByRole('button', { name: 'Turn on the lock' }).waitFor();
    const after = await tendValues(page);
    assert.equal(after['tend.lock'], undefined);
    for (const [key, value] of Object.entries(before)) assert.equal(after[key], value, key);
    assert.match(after['tend.draft.letter'], /PRIVATE-LETTER-WORDS/);
    assertClean(page);
  }));

test('"Forgot the passphrase" names what would be lost, and starting again deletes it all', () =>
  withPage({ viewport: 'phone', storage: OWN_TEND }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    const lockCard = page.getByRole('region', { name: 'Lock', exact: true });
    await lockCard.getByLabel('Choose a passphrase').fill(PASSPHRASE);
    await lockCard.getByLabel('Type it again').fill(PASSPHRASE);
    await lockCard.getByRole('button', { name: 'Turn on the lock' }).click();
    await assertLockScreenShowsNothing(page);
    await page.getByRole('button', { name: 'Forgot the passphrase?' }).click();
    const group = page.getByRole('group', { name: 'Starting again' });
    const words = await group.innerText();
    assert.match(words, /deletes all 3 items kept here/);
    assert.match(words, /1 breathing session/);
    assert.match(words, /1 drawing/);
    await checkA11y(page, 'lock screen, starting again');
    await screenshot(page, 'lock-start-again-phone');
    await group.getByRole('button', { name: 'Delete everything and start again' }).click();
    // Tend starts afresh, with no lock and nothing of before.
    await page.waitForFunction(() => localStorage.getItem('tend.lock') === null);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.ok(!(await page.getByRole('heading', { name: 'Tend is locked' }).isVisible()));
    const left = await tendValues(page);
    assert.deepEqual(Object.keys(left).filter((k) => k !== 'tend.settings'), [], 'only settings made afresh');
    assert.ok(!left['tend.settings']?.startsWith('enc1:'), 'the old settings are gone');
    assertClean(page);
  }));

test('with the lock on, an export is locked too, and it imports back with its passphrase; a plain export needs the passphrase again', () =>
  withPage({ viewport: 'desktop', storage: OWN_TEND }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    const lockCard = page.getByRole('region', { name: 'Lock', exact: true });
    await lockCard.getByLabel('Choose a passphrase').fill(PASSPHRASE);
    await lockCard.getByLabel('Type it again').fill(PASSPHRASE);
    await lockCard.getByRole('button', { name: 'Turn on the lock' }).click();
    await assertLockScreenShowsNothing(page);
    await unlock(page);
    await h1(page, 'Settings');

    const download = async (click) => {
      const [file] = await Promise.all([page.waitForEvent('download'), click()]);
      return readFile(await file.path(), 'utf8');
    };
    const locked = await download(() => page.getByRole('button', { name: 'Export my data' }).click());
    for (const secret of SECRETS) assert.ok(!locked.includes(secret), `the locked export holds "${secret}"`);
    const lockedFile = JSON.parse(locked);
    assert.match(lockedFile.records['tend.lock'], /^tend-lock-1 on /);
    for (const key of Object.keys(OWN_TEND)) assert.match(lockedFile.records[key], /^enc1:/, key);
    await page.getByRole('status').filter({ hasText: 'locked with your passphrase' }).waitFor();

    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByRole('status').filter({ hasText: 'Everything Tend kept on this device is deleted.' }).waitFor();

    await page.getByLabel('Import a file').setInputFiles({ name: 'tend-export.json', mimeType: 'application/json', buffer: Buffer.from(locked) });
    const ask = page.getByRole('group', { name: 'This file is locked' });
    await ask.getByLabel("The file's passphrase").fill('not the one');
    await ask.getByRole('button', { name: 'Open the file' }).click();
    await ask.getByText("That passphrase didn't open it").waitFor();
    await checkA11y(page, 'settings, a locked file to import');
    await screenshot(page, 'lock-import-desktop');
    await ask.getByLabel("The file's passphrase").fill(PASSPHRASE);
    await ask.getByRole('button', { name: 'Open the file' }).click();
    const preview = page.getByRole('group', { name: 'Import this file?' });
    await preview.getByRole('button', { name: "Add to what's here" }).click();
    await page.getByRole('status').filter({ hasText: /dded/ }).waitFor();
    await assertNoPlaintext(page);

    // A plain export: only after the passphrase again, with a clear warning.
    await page.getByRole('button', { name: 'Export without the lock…' }).click();
    await page.getByText('can be read by anyone who gets it').waitFor();
    await page.getByLabel("Your passphrase, to check it's you").fill(PASSPHRASE);
    const plain = JSON.parse(await download(() => page.getByRole('button', { name: 'Export without the lock', exact: true }).click()));
    assert.equal(plain.records['tend.lock'], undefined);
    // The records come back as they were (settings as the app last saved them).
    for (const [key, value] of Object.entries(OWN_TEND)) {
      if (key !== 'tend.settings') assert.equal(plain.records[key], value, key);
    }
    assert.equal(JSON.parse(plain.records['tend.settings']).data.band, '12-14');
    assertClean(page);
  }));

// Never lose a word: export, import, delete everything, full storage, unreadable and
// newer data, and two tabs — each provoked for real in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1 } from './harness.mjs';

const SETTINGS = JSON.stringify({ v: 1, data: { band: '15-17', theme: 'light', accent: 'drive' } });
const tendRecords = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('tend.'))
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );

const { withPage } = sharedBrowser();

test('export, delete everything, import: the same data comes back, unreadable records included', () =>
  withPage(
    {
      viewport: 'desktop',
      storage: { 'tend.settings': SETTINGS, 'tend.note.a': '{ half a note, not JSON', 'other.app': 'not Tend' },
    },
    async (page) => {
      await page.goto(`${BASE_URL}/settings`);
      await h1(page, 'Settings');
      const original = await tendRecords(page);
      assert.equal(Object.keys(original).length, 2);
      await page.getByText('kept safely as they were').waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export my data' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^tend-export-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = await readFile(await download.path(), 'utf8');
      const file = JSON.parse(exported);
      assert.equal(file.format, 'tend-export');
      assert.deepEqual(file.records, original);
      await page.getByRole('status').filter({ hasText: 'Exported to' }).waitFor();

      await page.getByRole('button', { name: 'Delete everything…' }).click();
      const confirm = page.getByRole('group', { name: 'Delete everything?' });
      assert.match(await confirm.innerText(), /This deletes 3 items from this device: your age band/);
      await checkA11y(page, 'settings with delete confirmation');
      await screenshot(page, 'data-delete-confirm');
      await confirm.getByRole('button', { name: 'Yes, delete everything' }).click();
      await page.getByRole('status').filter({ hasText: 'Everything Tend kept on this device is deleted.' }).waitFor();
      assert.deepEqual(await tendRecords(page), {});
      assert.equal(await page.evaluate(() => localStorage.getItem('other.app')), 'not Tend');

      await page.getByLabel('Import a file').setInputFiles({
        name: 'tend-export.json',
        mimeType: 'application/json',
        buffer: Buffer.from(exported),
      });
      const preview = page.getByRole('group', { name: 'Import this file?' });
      assert.match(await preview.innerText(), /It holds 2 items/);
      assert.match(await preview.innerText(), /your settings/);
      await screenshot(page, 'data-import-preview');
      await preview.getByRole('button', { name: "Add to what's here" }).click();
      await page.getByRole('status').filter({ hasText: 'Added 2 items' }).waitFor();
      assert.deepEqual(await tendRecords(page), original);
      // The imported settings are in force again.
      assert.equal(await page.evaluate(() => document.documentElement.dataset.accent), 'drive');
      assertClean(page);
    },
  ));

test('a malformed, foreign or oversized file is refused and changes nothing', () =>
  withPage({ viewport: 'phone', storage: { 'tend.settings': SETTINGS } }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const before = await tendRecords(page);
    const files = [
      ['broken.json', '{ "format": "tend-export", '],
      ['playlist.json', JSON.stringify({ name: 'songs', tracks: [] })],
      ['future.json', JSON.stringify({ format: 'tend-export', version: 9, exported_at: '', records: {} })],
      ['huge.json', 'x'.repeat(13 * 1024 * 1024)],
    ];
    for (const [name, text] of files) {
      await page.getByLabel('Import a file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const alert = page.getByRole('alert').filter({ hasText: 'Nothing was changed.' });
      await alert.waitFor();
      assert.match(await alert.innerText(), /doesn't look like|newer version|too big/, name);
      assert.deepEqual(await tendRecords(page), before, name);
      assert.equal(await page.getByRole('group', { name: 'Import this file?' }).count(), 0);
    }
    await screenshot(page, 'data-import-refused');
    assertClean(page);
  }));

test('replacing everything from a file asks first, then replaces', () =>
  withPage({ viewport: 'phone', storage: { 'tend.settings': SETTINGS, 'tend.note.old': '{"v":1,"data":"x"}' } }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const incoming = { 'tend.settings': JSON.stringify({ v: 1, data: { band: '18+', theme: 'dark' } }) };
    const file = { format: 'tend-export', version: 1, exported_at: '2026-11-01T00:00:00Z', records: incoming };
    await page.getByLabel('Import a file').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByRole('button', { name: 'Replace everything…' }).click();
    await page.getByText('This deletes the 2 items on this device now').waitFor();
    await page.getByRole('button', { name: 'Yes, replace everything' }).click();
    await page.getByRole('status').filter({ hasText: 'Replaced everything' }).waitFor();
    assert.deepEqual(await tendRecords(page), incoming);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assertClean(page);
  }));

test('when storage is full, a change is not called saved, the alert offers export, and the old value is untouched', () =>
  withPage({ viewport: 'phone', storage: { 'tend.settings': SETTINGS } }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const before = await page.evaluate(() => localStorage.getItem('tend.settings'));
    // Fill localStorage for real until Chromium refuses. Chromium lets an existing key
    // grow a little past the quota (so updates still work), so grow one until that
    // allowance is used up too.
    await page.evaluate(() => {
      const chunk = 'x'.repeat(256 * 1024);
      let i = 0;
      try {
        for (; ; i++) localStorage.setItem(`filler.${i}`, chunk);
      } catch {}
      for (let size = 64 * 1024; size >= 1; size = Math.floor(size / 2)) {
        for (;;) {
          try {
            localStorage.setItem('filler.0', localStorage.getItem('filler.0') + 'y'.repeat(size));
          } catch {
            break;
          }
        }
      }
    });
    // A change that makes the record longer ("drive" → "soothing") no longer fits.
    await page.getByRole('radio', { name: 'Green' }).check();
    const alert = page.getByRole('alert').filter({ hasText: "Your last change isn't saved." });
    await alert.waitFor();
    assert.match(await alert.innerText(), /space for Tend is full/);
    assert.match(await alert.innerText(), /Export/);
    assert.equal(await page.getByText('Saved on this device.').count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('tend.settings')), before, 'byte for byte unchanged');
    await checkA11y(page, 'settings with storage full');
    await screenshot(page, 'data-storage-full');
    assertClean(page);
  }));

test('unreadable settings are kept aside, never overwritten, and exported', () =>
  withPage({ viewport: 'phone', storage: { 'tend.settings': '{"v":1,"data":{"band":12' } }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    await page.getByText("Your saved settings couldn't be opened").waitFor();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
    const records = await tendRecords(page);
    assert.equal(records['tend.kept.settings'], '{"v":1,"data":{"band":12');
    assert.equal(JSON.parse(records['tend.settings']).data.theme, 'dark');
    assertClean(page);
  }));

test('settings from a newer Tend are read-only here and never overwritten', () =>
  withPage({ viewport: 'phone', storage: { 'tend.settings': '{"v":99,"data":{"band":"15-17","hologram":true}}' } }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    await page.getByText('saved by a newer version of Tend').waitFor();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('alert').filter({ hasText: 'newer version of Tend' }).waitFor();
    assert.equal(
      await page.evaluate(() => localStorage.getItem('tend.settings')),
      '{"v":99,"data":{"band":"15-17","hologram":true}}',
    );
    assertClean(page);
  }));

test('two tabs: a change in one shows in the other, both changes are kept, and delete everything reaches both', () =>
  withPage({ viewport: 'desktop', storage: { 'tend.settings': SETTINGS } }, async (a) => {
    await a.goto(`${BASE_URL}/settings`);
    await h1(a, 'Settings');
    const b = await a.context().newPage();
    await b.goto(`${BASE_URL}/settings`);
    await h1(b, 'Settings');
    await a.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await a.getByRole('radio', { name: 'Dark' }).check();
    await b.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.ok(await b.getByRole('radio', { name: 'Dark' }).isChecked());
    await b.getByRole('radio', { name: 'Purple' }).check();
    const saved = JSON.parse(await a.evaluate(() => localStorage.getItem('tend.settings'))).data;
    assert.deepEqual([saved.theme, saved.accent], ['dark', 'calm'], "tab B kept tab A's change");
    await a.waitForFunction(() => document.documentElement.dataset.accent === 'calm');

    await a.getByRole('button', { name: 'Delete everything…' }).click();
    await a.getByRole('button', { name: 'Yes, delete everything' }).click();
    await b.waitForFunction(() => document.documentElement.dataset.band === 'none');
    assert.deepEqual(await tendRecords(b), {}, 'tab B wrote nothing back');
    await a.waitForFunction(async () => (await caches.keys()).every((k) => !k.startsWith('tend-')));
    await a.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0);
    await b.goto(`${BASE_URL}/`);
    await h1(b, 'Hi, welcome to Tend');
    assertClean(a);
  }));

test('delete everything works from the keyboard, focus follows, and "Keep my data" changes nothing', () =>
  withPage({ viewport: 'phone', storage: { 'tend.settings': SETTINGS } }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const before = await tendRecords(page);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await page.getByRole('button', { name: 'Delete everything…' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'delete-title');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Yes, delete everything');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Keep my data');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'delete-open');
    assert.deepEqual(await tendRecords(page), before);
    assertClean(page);
  }));

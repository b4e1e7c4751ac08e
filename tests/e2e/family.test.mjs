// The family section: a parent opens /family straight from a link (no welcome, no age
// band), reads a lesson and marks it, keeps a note, rehearses a hard conversation by
// keyboard, prints each lesson (at most two pages), and never causes a read of the
// teen's data. axe on every family page at both widths and both themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed, pdfPages } from './harness.mjs';

const { withPage } = sharedBrowser();

const LESSONS = [
  ['three-systems', 'Three systems, at home'],
  ['criticism-and-coaching', 'Why criticism backfires, and what to say instead'],
  ['your-own-kindness', 'Your own kindness'],
  ['privacy', 'Their private space'],
  ['when-it-is-serious', 'When it is serious'],
  ['repair', 'Repair after an argument'],
  ['practising-together', 'Practising together'],
];
const REHEARSALS = [
  ['i-hate-myself', '"I hate myself"'],
  ['phone-at-night', 'The phone at night'],
  ['school-report', 'A bad school report'],
  ['slammed-door', 'A slammed door'],
];
const PAGES = [
  ['/family', 'For parents and carers'],
  ...LESSONS.map(([id, title]) => [`/family/${id}`, title]),
  ...REHEARSALS.map(([id, title]) => [`/family/rehearse/${id}`, title]),
];
const PROMISE = 'Nothing your teen writes or draws in Tend is shown here.';

const press = async (page, locator) => {
  await locator.focus();
  await page.keyboard.press('Enter');
};
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

test('a parent opens /family from a link with no welcome, reads a lesson, marks it and keeps a note', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    await page.goto(`${BASE_URL}/family`);
    await h1(page, 'For parents and carers');
    assert.equal(new URL(page.url()).pathname, '/family', 'no detour through the welcome');
    assert.match(await page.locator('main').innerText(), new RegExp(PROMISE));
    await page.getByRole('link', { name: 'Help now' }).first().waitFor();
    await screenshot(page, 'family-phone');

    // By keyboard: open the emotion coaching lesson.
    await press(page, page.getByRole('link', { name: /Why criticism backfires/ }));
    await h1(page, 'Why criticism backfires, and what to say instead');
    assert.equal(new URL(page.url()).pathname, '/family/criticism-and-coaching');
    const main = page.locator('main');
    assert.match(await main.innerText(), new RegExp(PROMISE));
    assert.match(await main.innerText(), /Pick your teen's age to see an example/);

    // The parent picks their teen's age once; it is kept in the family settings only.
    await page.getByRole('radio', { name: '15–17' }).check();
    await page.getByText('What you could say instead').waitFor();
    assert.match(await main.innerText(), /low mark on a test/);
    assert.deepEqual((await stored(page, 'tend.family.settings')).data, { teen_band: '15-17' });
    assert.equal(await stored(page, 'tend.settings'), null, "the teen's settings are not touched");
    assert.match(await main.innerText(), /One thing to try this week/);
    assert.match(await main.innerText(), /Tuning in to Teens/);

    const mark = page.getByRole('button', { name: 'Mark as read' });
    await press(page, mark);
    await page.getByRole('status').filter({ hasText: 'Marked as read.' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Marked as read' }).getAttribute('aria-pressed'), 'true');
    await page.getByLabel('A note for yourself (optional)').fill('Name the feeling before the fix.');
    await press(page, page.getByRole('button', { name: 'Save note' }));
    await page.getByRole('status').filter({ hasText: 'Your note is saved on this device.' }).waitFor();
    assert.deepEqual((await stored(page, 'tend.family.lesson.criticism-and-coaching')).data, {
      read: true,
      note: 'Name the feeling before the fix.',
    });
    await screenshot(page, 'family-lesson-phone');

    await page.reload();
    await h1(page, 'Why criticism backfires, and what to say instead');
    assert.equal(await page.getByLabel('A note for yourself (optional)').inputValue(), 'Name the feeling before the fix.');
    await page.getByRole('button', { name: 'Marked as read' }).waitFor();
    await page.getByRole('link', { name: 'All lessons' }).click();
    await h1(page, 'For parents and carers');
    await page.getByText('You have marked 1 of 7 as read.').waitFor();
    assertClean(page);
  }));

test("the parent's marks and notes are exported with everything else", () =>
  withPage({ viewport: 'desktop' }, async (page) => {
    await page.goto(`${BASE_URL}/family/repair`);
    await h1(page, 'Repair after an argument');
    await page.getByRole('button', { name: 'Mark as read' }).click();
    await page.getByRole('status').filter({ hasText: 'Marked as read.' }).waitFor();
    await page.goto(`${BASE_URL}/settings`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export my data' }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(JSON.parse(exported.records['tend.family.lesson.repair']).data, { read: true, note: '' });
    assertClean(page);
  }));

test('every family page passes axe at phone and desktop width, light and dark, and says the privacy promise', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        for (const [path, title] of PAGES) {
          await page.goto(`${BASE_URL}${path}`);
          await h1(page, title);
          assert.match(await page.locator('main').innerText(), new RegExp(PROMISE), path);
          await page.getByRole('link', { name: 'Help now' }).first().waitFor();
          const label = `${path} ${viewport.width}px ${colorScheme}`;
          await checkA11y(page, label);
          if (path.startsWith('/family/rehearse/')) {
            await page.getByRole('button', { name: 'Start' }).click();
            await page.locator('.chat li').first().waitFor();
            await checkA11y(page, `${label}, started`);
          }
          if (path === '/family/criticism-and-coaching') {
            await page.getByRole('radio', { name: '18+' }).check();
            await page.getByText('What you could say instead').waitFor();
            await checkA11y(page, `${label}, with an example`);
          }
        }
        const wide = viewport.width > 500 ? 'desktop' : 'phone';
        await page.goto(`${BASE_URL}/family/three-systems`);
        await h1(page, 'Three systems, at home');
        await screenshot(page, `family-three-systems-${wide}-${colorScheme}`);
        await page.goto(`${BASE_URL}/family`);
        await h1(page, 'For parents and carers');
        await screenshot(page, `family-${wide}-${colorScheme}`);
      }
    }
    assertClean(page);
  }));

test('a rehearsal opens with a preview and "not today", and can be finished by keyboard', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    await page.goto(`${BASE_URL}/family/rehearse/slammed-door`);
    await h1(page, 'A slammed door');
    assert.match(await page.locator('main').innerText(), /What happens: Your teen comes home upset/);
    await page.getByRole('link', { name: 'Not today' }).waitFor();
    await press(page, page.getByRole('button', { name: 'Start' }));
    const say = page.getByRole('group', { name: 'What you could say' });
    const next = async () => {
      const before = await page.locator('.chat li').count();
      return () => page.waitForFunction((n) => document.querySelectorAll('.chat li').length > n, before);
    };
    let grew;
    const toChoices = async () => {
      while (!(await say.count())) {
        grew = await next();
        await press(page, page.getByRole('button', { name: 'Continue' }));
        await grew();
      }
    };
    await toChoices();
    // A sharp choice: the guide explains what it does to the teen's threat system,
    // and offers the choice again.
    grew = await next();
    await press(page, say.getByRole('button', { name: /Don't you dare/ }));
    await grew();
    const chat = page.locator('.chat');
    assert.match(await chat.innerText(), /already in red, the threat system/);
    await page.waitForFunction(() => document.activeElement?.classList.contains('bubble'));
    await toChoices();
    await press(page, say.getByRole('button', { name: /Sounds like a rough day/ }));
    await page.getByText(/Nothing here adds to their red/).waitFor();
    while (!(await page.getByText('Something to think about:').count())) {
      const cont = page.getByRole('button', { name: 'Continue' });
      grew = await next();
      if (await cont.count()) await press(page, cont);
      else await press(page, say.getByRole('button').last());
      await grew();
    }
    await screenshot(page, 'family-rehearsal-phone');
    await checkA11y(page, 'rehearsal at its end');
    await press(page, page.getByRole('button', { name: 'Try it again' }));
    await page.getByRole('button', { name: 'Continue' }).waitFor();
    assert.equal(await page.locator('.chat li').count(), 1);
    assertClean(page);
  }));

test('the serious lesson shows the help lines for the region from the same data as Help now', () =>
  withPage({ viewport: 'phone', storage: settingsSeed({ region: 'gb' }) }, async (page) => {
    await page.goto(`${BASE_URL}/family/when-it-is-serious`);
    await h1(page, 'When it is serious');
    assert.equal(await page.getByRole('link', { name: 'Call 999' }).first().getAttribute('href'), 'tel:999');
    assert.equal(await page.getByRole('link', { name: 'Call 116 123' }).getAttribute('href'), 'tel:116123');
    await page.goto(`${BASE_URL}/help`);
    await page.getByRole('link', { name: 'Call 116 123' }).waitFor();
    assertClean(page);
  }));

test('breathing together follows the breathing timeline, in words, and saves nothing', () =>
  withPage({ viewport: 'phone', reducedMotion: true }, async (page) => {
    await page.goto(`${BASE_URL}/family/practising-together`);
    await h1(page, 'Practising together');
    const keysBefore = await page.evaluate(() => Object.keys(localStorage).sort());
    await page.getByRole('button', { name: 'Start breathing together' }).click();
    const word = page.locator('.together__word');
    await page.waitForFunction(() => document.querySelector('.together__word')?.textContent === 'Breathe in');
    await page.waitForFunction(() => document.querySelector('.together__word')?.textContent === 'Breathe out');
    assert.equal(await word.getAttribute('role'), 'status');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.getByRole('button', { name: 'Start breathing together' }).waitFor();
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), keysBefore);
    assertClean(page);
  }));

test('every lesson prints on at most two pages, without buttons, with its source and date', () =>
  withPage({ viewport: 'desktop', storage: settingsSeed({ region: 'us' }) }, async (page) => {
    for (const [id, title] of LESSONS) {
      await page.goto(`${BASE_URL}/family/${id}`);
      await h1(page, title);
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
        return {
          text: document.body.innerText,
          buttons: [...document.querySelectorAll('button, .tabbar, .topbar')].filter(visible).length,
        };
      });
      assert.equal(printed.buttons, 0, `${id}: no buttons, navigation or top bar in print`);
      assert.match(printed.text, new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.match(printed.text, /One thing to try this week/);
      assert.match(printed.text, /Where these ideas come from/);
      assert.match(printed.text, /From Tend, family section: .*Sources listed above\. Printed \d+ \w+ \d{4}\./);
      assert.match(printed.text, new RegExp(PROMISE));
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      const pages = pdfPages(pdf);
      assert.ok(pages >= 1 && pages <= 2, `${id} prints on ${pages} pages`);
      await page.emulateMedia({ media: 'screen' });
    }
    assertClean(page);
  }));

// What a teen keeps in Tend, by kind. Each value holds a marker a leak would show.
const TEEN = {
  'tend.settings': JSON.stringify({ v: 1, data: { band: '15-17', region: 'gb' } }),
  'tend.drawing.1700000000000': JSON.stringify({ v: 1, data: { name: 'TEEN-SECRET drawing' } }),
  'tend.draft.drawing': JSON.stringify({ v: 1, data: { work: { name: 'TEEN-SECRET draft' } } }),
  'tend.breath.1700000000001': JSON.stringify({ v: 1, data: { note: 'TEEN-SECRET session' } }),
  'tend.pattern.1700000000002': JSON.stringify({ v: 1, data: { name: 'TEEN-SECRET pattern' } }),
  'tend.talk.kept.1700000000003': JSON.stringify({ v: 1, data: { walk: {}, day: 1 } }),
  'tend.talk.progress': JSON.stringify({ v: 1, data: { walk: {}, day: 0 } }),
  'tend.companion': JSON.stringify({ v: 1, data: { name: 'TEEN-SECRET' } }),
};
const TEEN_KEYS = Object.keys(TEEN).filter((k) => k !== 'tend.settings');

test("visiting every family page reads none of the teen's drawings, sessions or conversations", () =>
  withPage({ viewport: 'phone', storage: TEEN }, async (page) => {
    // Record every call on localStorage, from before the app starts.
    await page.context().addInitScript(() => {
      const calls = (window.__storageCalls = []);
      const proto = Storage.prototype;
      for (const name of ['getItem', 'key', 'setItem', 'removeItem', 'clear']) {
        const original = proto[name];
        proto[name] = function (...args) {
          if (this === window.localStorage) calls.push([name, ...args.map(String)]);
          return original.apply(this, args);
        };
      }
      const length = Object.getOwnPropertyDescriptor(proto, 'length');
      Object.defineProperty(proto, 'length', {
        configurable: true,
        get() {
          if (this === window.localStorage) calls.push(['length']);
          return length.get.call(this);
        },
      });
    });
    const calls = [];
    const collect = async () => calls.push(...(await page.evaluate(() => window.__storageCalls.splice(0))));

    for (const [path, title] of PAGES) {
      await page.goto(`${BASE_URL}${path}`);
      await h1(page, title);
      if (path.startsWith('/family/rehearse/')) {
        await page.getByRole('button', { name: 'Start' }).click();
        await page.getByRole('button', { name: 'Continue' }).click();
      }
      if (path === '/family/criticism-and-coaching') {
        await page.getByRole('radio', { name: '12–14' }).check();
        await page.getByRole('button', { name: 'Mark as read' }).click();
        await page.getByRole('status').filter({ hasText: 'Marked as read.' }).waitFor();
      }
      if (path === '/family/practising-together') {
        await page.getByRole('button', { name: 'Start breathing together' }).click();
        await page.getByRole('button', { name: 'Stop', exact: true }).click();
      }
      await collect();
    }
    // And moving between family pages inside the app.
    await page.goto(`${BASE_URL}/family/repair`);
    await h1(page, 'Repair after an argument');
    await page.getByRole('link', { name: 'All lessons' }).click();
    await h1(page, 'For parents and carers');
    await page.getByRole('link', { name: /Their private space/ }).click();
    await h1(page, 'Their private space');
    await collect();

    const touched = calls.filter(([, key]) => TEEN_KEYS.includes(key));
    assert.deepEqual(touched, [], "no family page touches a teen's key");
    const listed = calls.filter(([name]) => name === 'key');
    assert.deepEqual(listed, [], 'no family page lists the keys in storage');
    const read = [...new Set(calls.filter(([name]) => name === 'getItem').map(([, key]) => key))].sort();
    for (const key of read) {
      // tend.lock: whether Tend is locked, asked at every start (it holds no record).
      assert.ok(key === 'tend.settings' || key === 'tend.lock' || key.startsWith('tend.family.'), `read ${key}`);
    }
    assert.ok(read.includes('tend.family.settings'));
    // The teen's things are all still there, untouched.
    for (const [key, value] of Object.entries(TEEN)) {
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), value, key);
    }
    assert.doesNotMatch(await page.locator('body').innerText(), /TEEN-SECRET/);
    assertClean(page);
  }));

test('the welcome asks who is here: a parent goes straight to the family section with no age band', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Hi, welcome to Tend');
    await page.getByRole('radio', { name: 'A parent or carer' }).check();
    await page.getByText('No age band needed').waitFor();
    await checkA11y(page, 'welcome, parent picked');
    await screenshot(page, 'welcome-parent-phone');
    await page.getByRole('button', { name: 'Start' }).click();
    await h1(page, 'For parents and carers');
    const settings = (await stored(page, 'tend.settings')).data;
    assert.equal(settings.who, 'parent');
    assert.equal(settings.band, null);

    // Someone showing Tend gets a short tour, and Start opens demo mode.
    await page.goto(`${BASE_URL}/welcome`);
    await h1(page, 'Hi, welcome to Tend');
    await page.getByRole('radio', { name: 'Showing Tend to others' }).check();
    await page.getByText('A quick tour of what Tend has:').waitFor();
    await checkA11y(page, 'welcome, showing picked');
    await screenshot(page, 'welcome-showing-phone');
    await page.getByRole('button', { name: 'Start' }).click();
    await h1(page, 'Showing Tend to others');
    assert.equal((await stored(page, 'tend.settings')).data.who, 'showing');
    await page.getByRole('button', { name: 'Leave demo' }).click();
    await page.getByRole('button', { name: 'Leave demo' }).waitFor({ state: 'detached' });

    // And it can be changed in Settings.
    await page.goto(`${BASE_URL}/settings`);
    await page.getByRole('radio', { name: 'A young person' }).check();
    await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
    assert.equal((await stored(page, 'tend.settings')).data.who, 'teen');
    assertClean(page);
  }));

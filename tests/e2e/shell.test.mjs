// Journeys through the app shell: first visit, help from everywhere, settings that
// persist, offline help, blocked storage, not found, and the way back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed as settings } from './harness.mjs';

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('tend.settings') ?? 'null'));

const { withPage } = sharedBrowser();

test('a first visit welcomes, asks only the age band, and remembers it', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Hi, welcome to Tend');
    assert.equal(new URL(page.url()).pathname, '/welcome');
    const text = await page.locator('main').innerText();
    assert.match(text, /stays on this device/);
    assert.match(text, /not a therapist/);
    assert.match(text, /not for emergencies/);
    assert.equal(await page.getByRole('textbox').count(), 0, 'no name, birthday or account fields');

    // Keyboard only: Start without a choice explains what is missing.
    await page.getByRole('button', { name: 'Start' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Pick the one that fits you best' }).waitFor();
    await page.getByRole('radio', { name: '12–14' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.ok(await page.getByRole('radio', { name: '15–17' }).isChecked());
    await screenshot(page, 'journey-welcome-picked');
    await page.getByRole('button', { name: 'Start' }).focus();
    await page.keyboard.press('Enter');

    await h1(page, 'Good to see you');
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal((await stored(page)).data.band, '15-17');
    await page.reload();
    await h1(page, 'Good to see you');
    assertClean(page);
  }));

test('help is one tap from every screen, and each line is a real call or text link', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '12-14', region: 'gb' }) }, async (page) => {
    for (const path of ['/', '/settings', '/about', '/welcome', '/nowhere']) {
      await page.goto(`${BASE_URL}${path}`);
      await page.getByRole('link', { name: 'Help now' }).first().click();
      await h1(page, 'Help now');
      assert.equal(new URL(page.url()).pathname, '/help');
    }
    assert.equal(await page.getByRole('link', { name: 'Call 999' }).first().getAttribute('href'), 'tel:999');
    assert.equal(await page.getByRole('link', { name: 'Call 0800 1111' }).getAttribute('href'), 'tel:08001111');
    assert.equal(await page.getByRole('link', { name: 'Call 116 123' }).getAttribute('href'), 'tel:116123');
    assert.equal(
      await page.getByRole('link', { name: 'Text SHOUT to 85258' }).getAttribute('href'),
      'sms:85258?body=SHOUT',
    );
    assert.match(await page.locator('main').innerText(), /Number checked \d+ \w+ \d{4}/);

    await page.getByLabel('Showing help for').selectOption({ label: 'Canada' });
    await page.getByRole('link', { name: 'Text CONNECT to 686868' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Call 911' }).first().getAttribute('href'), 'tel:911');
    await page.reload();
    await page.getByRole('link', { name: 'Text CONNECT to 686868' }).waitFor();
    assert.equal((await stored(page)).data.region, 'ca');
    assertClean(page);
  }));

for (const [locale, line, call] of [
  ['en-GB', 'Childline', 'Call 999'],
  ['en-AU', 'Kids Helpline', 'Call 000'],
  ['fr-CA', 'Kids Help Phone', 'Call 911'],
  ['de-DE', null, 'Call 112'],
]) {
  test(`help follows the browser's language (${locale}) until a region is chosen`, () =>
    withPage({ viewport: 'phone', locale }, async (page) => {
      await page.goto(`${BASE_URL}/help`);
      await h1(page, 'Help now');
      await page.getByRole('link', { name: call }).first().waitFor();
      if (line) {
        await page.getByRole('heading', { level: 2, name: line }).waitFor();
      } else {
        await page.getByText("Tend doesn't have local helplines for your country yet").waitFor();
        await screenshot(page, 'help-elsewhere-phone');
      }
      assertClean(page);
    }));
}

test('the first thing a person saves asks the browser to keep Tend\'s data, once', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    await page.context().addInitScript(() => {
      window.__persistCalls = 0;
      const original = navigator.storage.persist.bind(navigator.storage);
      navigator.storage.persist = () => {
        window.__persistCalls += 1;
        return original();
      };
    });
    await page.goto(`${BASE_URL}/welcome`);
    await h1(page, 'Hi, welcome to Tend');
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'not asked before anything is saved');
    await page.getByRole('radio', { name: '12–14' }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await h1(page, 'Good to see you');
    await page.waitForFunction(() => window.__persistCalls === 1);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
    assert.equal(await page.evaluate(() => window.__persistCalls), 1);
    await page.getByText('Kept if space runs low').waitFor();
    assertClean(page);
  }));

test('settings apply at once, say they are saved, and survive a reload', () =>
  withPage({ viewport: 'desktop', storage: settings({ band: '15-17' }) }, async (page) => {
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    const root = (name) => page.evaluate((n) => document.documentElement.getAttribute(n), name);

    await page.getByRole('radio', { name: 'Dark' }).check();
    assert.equal(await root('data-theme'), 'dark');
    await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
    await page.getByRole('radio', { name: 'Purple' }).check();
    await page.getByRole('radio', { name: 'Larger' }).check();
    await page.getByRole('radio', { name: 'Less motion' }).check();
    await page.getByRole('switch', { name: /Sound/ }).uncheck();
    await page.getByRole('radio', { name: '18+' }).check();
    assert.equal(await root('data-text'), 'larger');
    const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(fontSize, '20.8px', 'Larger text is 130% of the 16px default');

    await page.reload();
    await h1(page, 'Settings');
    assert.ok(await page.getByRole('radio', { name: 'Dark' }).isChecked());
    assert.ok(await page.getByRole('radio', { name: 'Purple' }).isChecked());
    assert.ok(await page.getByRole('radio', { name: '18+' }).isChecked());
    assert.equal(await page.getByRole('switch', { name: /Sound/ }).isChecked(), false);
    assert.deepEqual(
      { theme: await root('data-theme'), accent: await root('data-accent'), motion: await root('data-motion') },
      { theme: 'dark', accent: 'calm', motion: 'reduce' },
    );
    const saved = await stored(page);
    assert.equal(saved.v, 1);
    assert.equal(saved.data.sound, false);
    await checkA11y(page, 'settings after changes (dark, larger text)');
    await screenshot(page, 'journey-settings-dark-larger');
    assertClean(page);
  }));

test('help and a section not yet opened still open with the network gone, once Tend has been opened', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '15-17', region: 'us' }) }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Good to see you');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
    await page.context().setOffline(true);
    await page.goto(`${BASE_URL}/about`);
    await h1(page, 'About Tend');
    await page.getByRole('link', { name: 'Help now' }).first().click();
    await h1(page, 'Help now');
    assert.equal(await page.getByRole('link', { name: 'Call 988' }).getAttribute('href'), 'tel:988');
    await screenshot(page, 'journey-help-offline');
    // Opened at its own address, offline: the page of its own (help.html) comes from the
    // kept copy.
    await page.goto(`${BASE_URL}/help`);
    await h1(page, 'Help now');
    assert.equal(await page.getByRole('link', { name: 'Call 988' }).first().getAttribute('href'), 'tel:988');
    // A section never opened before arrives from the kept copy too (its own file).
    await page.goto(`${BASE_URL}/draw`);
    await h1(page, 'Drawing room');
    assertClean(page);
  }));

test('with storage blocked, Tend starts, says nothing will be kept, and still works', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    await page.context().addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(`${BASE_URL}/`);
    await h1(page, 'Hi, welcome to Tend');
    const banner = page.getByRole('status').filter({ hasText: "isn't letting Tend save" });
    await banner.waitFor();
    assert.match(await banner.innerText(), /nothing will be kept/);
    await page.getByRole('radio', { name: '18+' }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await h1(page, 'Good to see you');
    await checkA11y(page, 'home with storage blocked');
    await screenshot(page, 'journey-storage-blocked');
    assertClean(page);
  }));

test('an unknown address explains itself and leads home; Back returns where you were', () =>
  withPage({ viewport: 'phone', storage: settings({ band: '15-17' }) }, async (page) => {
    await page.goto(`${BASE_URL}/old/link`);
    await h1(page, "We can't find that page");
    await page.getByRole('link', { name: 'Go home' }).click();
    await h1(page, 'Good to see you');

    await page.getByRole('link', { name: 'Settings' }).click();
    await h1(page, 'Settings');
    await page.getByRole('link', { name: 'About' }).click();
    await h1(page, 'About Tend');
    // After a navigation, focus moves to the new page's heading for screen readers.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    await page.getByRole('button', { name: 'Back' }).click();
    await h1(page, 'Settings');
    assert.equal(new URL(page.url()).pathname, '/settings');
    assertClean(page);
  }));

// Printable handouts for a therapist: an index reachable from Settings and from demo
// mode, a card per breathing pattern, drawing prompt and scene for each band it is
// offered to, each printing on exactly one A4 and one Letter page, with a Print button,
// keyboard use, axe at both widths and themes, and not one write to the device's data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed,
  COUNT_WRITES, STORAGE_KEPT, localWrites as writes, pdfPages,
} from './harness.mjs';

const { withPage } = sharedBrowser();
const OWN = settingsSeed({ band: '12-14', region: 'gb' });

/** Stubs the print dialog, counting each time it would open. */
const STUB_PRINT = () => {
  window.__printed = 0;
  window.print = () => { window.__printed += 1; };
};
/** Counts the page's localStorage writes and its print dialogs. */
const watch = (page) => Promise.all([page.context().addInitScript(COUNT_WRITES), page.context().addInitScript(STUB_PRINT)]);

test('a therapist finds the handouts from Settings, picks a band and a card, and prints it, by keyboard alone', () =>
  withPage({ viewport: 'desktop', storage: OWN }, async (page) => {
    await watch(page);
    // No one-time note about storage in Settings, which would be its own write.
    await page.addInitScript(STORAGE_KEPT);
    await page.goto(`${BASE_URL}/settings`);
    await h1(page, 'Settings');
    await page.getByRole('link', { name: 'Handouts to print' }).focus();
    await page.keyboard.press('Enter');
    await h1(page, 'Handouts to print');
    // It opens at the person's own band; another band is one arrow key away.
    const group = page.getByRole('group', { name: 'Age group' });
    assert.ok(await group.getByRole('radio', { name: '12–14' }).isChecked());
    for (const kind of ['Breathing patterns', 'Drawing prompts', 'Practice conversations']) {
      await page.getByRole('heading', { level: 2, name: kind }).waitFor();
    }
    // Holds are for 15 and up: no box breathing card at 12–14.
    assert.equal(await page.getByRole('link', { name: /Box/ }).count(), 0);
    await group.getByRole('radio', { name: '12–14' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.ok(await group.getByRole('radio', { name: '15–17' }).isChecked());
    await page.getByRole('link', { name: 'Box breath' }).waitFor();
    await screenshot(page, 'handouts-index-desktop');

    await page.getByRole('link', { name: 'Box breath' }).focus();
    await page.keyboard.press('Enter');
    await h1(page, 'Box breath');
    const card = page.getByRole('article', { name: 'Box breath' });
    const text = await card.innerText();
    assert.match(text, /A breathing pattern · for ages 15–17/);
    for (const part of ['What it is', 'Why it helps', 'How to practise']) {
      await card.getByRole('heading', { level: 2, name: part }).waitFor();
    }
    assert.match(text, /Breathe in for 4 seconds, hold for 4, out for 4, and hold for 4\./);
    assert.match(text, /The holds are optional/);
    assert.match(text, /Box breathing \(square breathing\)\. From: /);
    assert.match(text, /not for emergencies/);
    await page.getByRole('button', { name: 'Print' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.__printed), 1, 'Print opens the print dialog');

    // The same card for adults: its own words.
    await page.getByRole('group', { name: 'Age group' }).getByRole('link', { name: '18+' }).click();
    await h1(page, 'Box breathing');
    assert.match(await page.getByRole('article').innerText(), /for ages 18\+/);
    assert.equal(await page.getByRole('link', { name: '18+' }).getAttribute('aria-current'), 'page');
    assert.equal(await page.getByRole('link', { name: '12–14' }).count(), 0, 'no card below the pattern\'s band');
    await screenshot(page, 'handout-box-desktop');
    assert.deepEqual(await writes(page), [], 'nothing is written');
    assertClean(page);
  }));

test('every card, at every band it is offered to, prints on exactly one A4 and one Letter page', () =>
  withPage({ viewport: 'desktop', storage: OWN }, async (page) => {
    await watch(page);
    await page.goto(`${BASE_URL}/handouts`);
    await h1(page, 'Handouts to print');
    const cards = [];
    for (const band of ['12-14', '15-17', '18+']) {
      await page.getByRole('radio', { name: band.replace('-', '–') }).check();
      const hrefs = await page.locator('.handouts__list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      cards.push(...hrefs);
    }
    assert.ok(cards.length >= 60, `${cards.length} cards`);
    await page.emulateMedia({ media: 'print' });
    for (const href of cards) {
      await page.goto(`${BASE_URL}${href}`);
      await page.locator('article.handout h1').waitFor();
      const hidden = await page.evaluate(() =>
        ['.topbar', '.tabbar', '.handout-tools'].every((s) => !document.querySelector(s) || getComputedStyle(document.querySelector(s)).display === 'none'),
      );
      assert.ok(hidden, `${href}: only the card prints`);
      for (const format of ['A4', 'Letter']) {
        const pages = pdfPages(await page.pdf({ format, printBackground: false }));
        assert.equal(pages, 1, `${href} prints on ${pages} ${format} pages`);
      }
    }
    await page.goto(`${BASE_URL}/handouts/talk/group-chat?band=12-14`);
    await page.locator('article.handout h1').waitFor();
    await screenshot(page, 'handout-print-talk');
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(await writes(page), [], 'nothing is written');
    assertClean(page);
  }));

test('in demo mode the handouts are one click from the start page, and show and print the same', () =>
  withPage({ viewport: 'phone', storage: OWN }, async (page) => {
    await watch(page);
    await page.goto(`${BASE_URL}/demo`);
    await page.getByRole('link', { name: /Handouts to print/ }).click();
    await h1(page, 'Handouts to print');
    await page.getByRole('link', { name: 'Your safe place' }).click();
    await h1(page, 'Your safe place');
    const text = await page.getByRole('article').innerText();
    assert.match(text, /A drawing prompt/);
    assert.match(text, /Afterwards, if you like:/);
    await page.getByRole('button', { name: 'Print' }).click();
    assert.equal(await page.evaluate(() => window.__printed), 1);
    await screenshot(page, 'handout-safe-place-demo-phone');
    assert.deepEqual((await writes(page)).filter((w) => w.includes('tend.')), [], 'demo mode writes nothing either');
    assertClean(page);
  }));

for (const viewport of ['phone', 'desktop']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the handouts index and a card pass axe and keep Help now (${viewport}, ${colorScheme})`, () =>
      withPage({ viewport, colorScheme, storage: OWN }, async (page) => {
        await page.goto(`${BASE_URL}/handouts`);
        await h1(page, 'Handouts to print');
        await page.getByRole('link', { name: 'Help now' }).first().waitFor();
        await checkA11y(page, `handouts (${viewport}, ${colorScheme})`);
        await screenshot(page, `handouts-${viewport}-${colorScheme}`);
        await page.goto(`${BASE_URL}/handouts/talk/friend-test?band=15-17`);
        await h1(page, "A friend's bad result");
        await page.getByRole('link', { name: 'Help now' }).first().waitFor();
        await checkA11y(page, `handout card (${viewport}, ${colorScheme})`);
        await screenshot(page, `handout-card-${viewport}-${colorScheme}`);
        assertClean(page);
      }));
  }
}

// Kind imagery: a 17-year-old does it by keyboard alone with read-aloud on and eyes
// open; each step stays until they move on (nothing moves by itself unless they turn
// that on); the kind other names their companion; the last step grounds. "Too much"
// quiets the voice and offers grounding and help. Reduced motion (the device's and
// Tend's own switch) stops the steps' movement. About names the technique.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, newPage, assertClean, checkA11y, screenshot, heading as h1, settingsSeed } from './harness.mjs';

const MID = settingsSeed({ band: '15-17', region: 'gb' });
const COMPANION = { 'tend.companion': JSON.stringify({ v: 1, data: { name: 'Pip', hue: 'calm', form: 'star', voice: 'low' } }) };

/**
 * Replaces the browser's speech with a recorder before the app starts: every
 * `speechSynthesis.speak` lands in `window.__spoken` (its text), every `cancel` counts
 * in `window.__cancelled`. Nothing is heard.
 */
async function stubSpeech(page) {
  await page.context().addInitScript(() => {
    window.__spoken = [];
    window.__cancelled = 0;
    class Utterance {
      constructor(text) {
        this.text = text;
        this.pitch = 1;
      }
    }
    const synth = {
      speak: (u) => window.__spoken.push(u.text),
      cancel: () => {
        window.__cancelled += 1;
      },
      speaking: false,
      pending: false,
      paused: false,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  });
}

const spoken = (page) => page.evaluate(() => window.__spoken);

/** Presses Tab until `locator` has focus (keyboard alone), failing after 40 presses. */
async function tabTo(page, locator) {
  for (let i = 0; i < 40; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}

async function activate(page, locator) {
  await tabTo(page, locator);
  await page.keyboard.press('Enter');
}

/** The step showing: its title, once focus has moved to it. */
async function stepTitle(page) {
  await page.waitForFunction(() => document.activeElement?.id === 'step-title');
  return page.locator('#step-title').innerText();
}

const { browser, withPage } = sharedBrowser();

test('a 17-year-old does the imagery by keyboard with read-aloud and eyes open, and it ends by grounding', async () => {
  const page = await newPage(browser(), { viewport: 'phone', storage: { ...MID, ...COMPANION } });
  try {
    await stubSpeech(page);
    await page.goto(`${BASE_URL}/imagery`);
    await h1(page, 'Kind imagery');
    assert.match(await page.locator('main').innerText(), /Eyes open is fine/);
    const eyesOpen = page.getByRole('radio', { name: 'Eyes open, resting on one spot' });
    assert.ok(await eyesOpen.isChecked(), 'eyes open is the anchor unless another is picked');
    for (const other of ['Feeling my feet on the floor', 'Listening to sounds around me']) {
      await page.getByRole('radio', { name: other }).waitFor();
    }
    await checkA11y(page, 'imagery start (15-17)');
    await screenshot(page, 'imagery-start-phone-15-17');

    const aloud = page.getByRole('switch', { name: 'Read each step aloud' });
    await tabTo(page, aloud);
    await page.keyboard.press('Space');
    assert.ok(await aloud.isChecked());
    assert.equal(await page.getByRole('switch', { name: 'Move on by itself' }).isChecked(), false, 'nothing moves by itself unless chosen');
    await activate(page, page.getByRole('button', { name: 'Begin' }));

    const titles = [];
    for (;;) {
      const title = await stepTitle(page);
      titles.push(title);
      const step = page.getByRole('region', { name: title });
      const words = await step.innerText();
      assert.match(words, /If your mind drifts, let your eyes rest on one spot near you\./, 'the eyes-open anchor on every step');
      // The step is read aloud as it shows, and only once.
      await page.waitForFunction((t) => window.__spoken.at(-1)?.startsWith(`${t}.`), title);
      assert.equal((await spoken(page)).filter((s) => s.startsWith(`${title}.`)).length, 1);
      if (title === 'Someone kind') {
        assert.match(words, /this could be Pip, your kind companion/);
        assert.match((await spoken(page)).at(-1), /Pip/);
        await step.locator('svg.buddy').waitFor();
        await screenshot(page, 'imagery-companion-phone-15-17');
      }
      if (titles.length === 2) {
        await checkA11y(page, 'imagery step (15-17)');
        await screenshot(page, 'imagery-step-phone-15-17');
      }
      const finish = page.getByRole('button', { name: 'Finish' });
      if (await finish.count()) {
        await activate(page, finish);
        break;
      }
      await activate(page, page.getByRole('button', { name: 'Next' }));
    }
    assert.deepEqual(titles, ['Settle in', 'A calm place', 'Sounds and feelings', 'Someone kind', 'Your kind self', 'Back to the room']);
    assert.match((await spoken(page)).at(-1), /three things you can see/);
    const end = page.getByRole('region', { name: 'Thank you for taking this time' });
    await end.waitFor();
    // The focus moves to the ending once it has rendered (a frame later than it appears).
    await page.waitForFunction(() => document.activeElement?.id === 'imagery-end');
    assert.ok(await page.evaluate(() => window.__cancelled > 0), 'the voice stops at the end');
    await end.getByRole('link', { name: 'Write a kind letter to yourself' }).waitFor();
    await checkA11y(page, 'imagery end (15-17)');
    await screenshot(page, 'imagery-end-phone-15-17');
    assertClean(page);
  } finally {
    await page.context().close();
  }
});

test('a step stays until the person moves on, unless they chose to move on by itself', async () => {
  const page = await newPage(browser(), { viewport: 'desktop', storage: MID });
  try {
    await page.clock.install();
    await page.goto(`${BASE_URL}/imagery`);
    await h1(page, 'Kind imagery');
    await activate(page, page.getByRole('button', { name: 'Begin' }));
    assert.equal(await stepTitle(page), 'Settle in');
    await page.clock.runFor(5 * 60 * 1000);
    assert.equal(await page.locator('#step-title').innerText(), 'Settle in', 'five minutes later, the same step');

    await tabTo(page, page.getByRole('switch', { name: 'Move on by itself' }));
    await page.keyboard.press('Space');
    await page.clock.runFor(31 * 1000);
    await page.getByRole('heading', { name: 'A calm place' }).waitFor();
    assertClean(page);
  } finally {
    await page.context().close();
  }
});

test('"too much" quiets the voice and offers grounding and help; carrying on comes back to the step', () =>
  withPage({ viewport: 'phone', colorScheme: 'dark', storage: MID }, async (page) => {
    await stubSpeech(page);
    await page.goto(`${BASE_URL}/imagery`);
    await h1(page, 'Kind imagery');
    await tabTo(page, page.getByRole('switch', { name: 'Read each step aloud' }));
    await page.keyboard.press('Space');
    await activate(page, page.getByRole('button', { name: 'Begin' }));
    await activate(page, page.getByRole('button', { name: 'Next' }));
    assert.equal(await stepTitle(page), 'A calm place');
    const before = await page.evaluate(() => window.__cancelled);
    await activate(page, page.getByRole('button', { name: 'This feels like too much' }));
    const card = page.getByRole('region', { name: "Let's pause here" });
    await card.waitFor();
    assert.ok((await page.evaluate(() => window.__cancelled)) > before, 'the voice stops');
    await card.getByRole('link', { name: 'Help now' }).waitFor();
    assert.match(await card.innerText(), /feet into the floor/);
    assert.equal(await page.getByRole('button', { name: 'Next' }).count(), 0, 'the card is the one set of choices');
    await checkA11y(page, 'imagery too much (dark phone)');
    await screenshot(page, 'imagery-too-much-phone-dark');
    await activate(page, page.getByRole('button', { name: 'Carry on' }));
    assert.equal(await stepTitle(page), 'A calm place');
    assertClean(page);
  }));

for (const [label, options, storage] of [
  ['the device asks for reduced motion', { reducedMotion: true }, MID],
  ["Tend's own switch says less motion", {}, settingsSeed({ band: '15-17', region: 'gb', motion: 'reduce' })],
]) {
  test(`a step arrives without movement when ${label}`, () =>
    withPage({ viewport: 'phone', ...options, storage }, async (page) => {
      await page.goto(`${BASE_URL}/imagery`);
      await h1(page, 'Kind imagery');
      await activate(page, page.getByRole('button', { name: 'Begin' }));
      await stepTitle(page);
      const ms = await page.locator('.imagery-step').evaluate((el) => parseFloat(getComputedStyle(el).animationDuration) * 1000);
      assert.equal(ms, 0);
      assertClean(page);
    }));
}

test('with full motion a step arrives with a gentle fade', () =>
  withPage({ viewport: 'phone', storage: MID }, async (page) => {
    await page.goto(`${BASE_URL}/imagery`);
    await h1(page, 'Kind imagery');
    await activate(page, page.getByRole('button', { name: 'Begin' }));
    await stepTitle(page);
    const style = await page.locator('.imagery-step').evaluate((el) => getComputedStyle(el).animationName);
    assert.equal(style, 'imagery-in');
  }));

for (const band of ['12-14', '18+']) {
  test(`imagery for ${band} has its own words and length, and is accessible in dark at desktop width`, () =>
    withPage({ viewport: 'desktop', colorScheme: 'dark', storage: settingsSeed({ band, region: 'gb' }) }, async (page) => {
      await page.goto(`${BASE_URL}/imagery`);
      await h1(page, band === '12-14' ? 'Kind pictures in your mind' : 'Compassionate imagery');
      await activate(page, page.getByRole('button', { name: 'Begin' }));
      const count = await page.getByText(/^Step 1 of \d$/).innerText();
      assert.equal(count, band === '12-14' ? 'Step 1 of 5' : 'Step 1 of 7');
      await checkA11y(page, `imagery step (${band}, dark desktop)`);
      await screenshot(page, `imagery-step-desktop-dark-${band.replace('+', 'plus')}`);
      assertClean(page);
    }));
}

test('About names the imagery and the letter, with their technique and reference', () =>
  withPage({ viewport: 'desktop', storage: MID }, async (page) => {
    await page.goto(`${BASE_URL}/about`);
    await h1(page, 'About Tend');
    await page.getByText('The exercises and the techniques they adapt').click();
    await page.getByRole('heading', { name: 'Imagery and letters' }).waitFor();
    const list = await page.locator('main').innerText();
    assert.match(list, /Compassionate imagery: Compassionate imagery: a safe or calm place, the ideal compassionate other, and the compassionate self/);
    assert.match(list, /A compassionate letter: Compassionate letter writing\. Compassion-Focused Therapy, Paul Gilbert/);
    assertClean(page);
  }));

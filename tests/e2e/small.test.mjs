// Small things seen in the screenshots: the tick on a chosen chip, the colour of a
// chosen colour chip, a welcome that does not assume therapy, plain colour names in
// the drawing room, and an About page that reads at the band's level with the
// references in a part for grown-ups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BASE_URL, SCREENSHOT_DIR, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed } from './harness.mjs';

const { withPage } = sharedBrowser();

const VIEWS = [
  { viewport: 'phone', colorScheme: 'light' },
  { viewport: 'desktop', colorScheme: 'dark' },
];
const label = (v) => `${v.viewport}-${v.colorScheme}`;

/**
 * The tick of a chosen chip, read right after the choice: its box (a tick squeezed
 * narrower than it is drawn shows as a bare "/"), anything still moving in the chip,
 * and whether the chip's words fit inside the pill.
 */
const tickOf = (radio) =>
  radio.evaluate((input) => {
    const span = input.nextElementSibling;
    const tick = getComputedStyle(span, '::before');
    const em = parseFloat(getComputedStyle(span).fontSize);
    return {
      content: tick.content,
      width: parseFloat(tick.width) / em,
      height: parseFloat(tick.height) / em,
      transform: tick.transform,
      moving: span
        .getAnimations({ subtree: true })
        .filter((a) => a.playState === 'running')
        .map((a) => `${a.constructor.name} ${a.transitionProperty ?? a.animationName ?? ''} on ${a.effect?.pseudoElement ?? 'the chip'}`),
      // The words and the tick fit in the pill's content box, clear of its rounded ends.
      overflows: (() => {
        const cs = getComputedStyle(span);
        const range = document.createRange();
        range.selectNodeContents(span);
        const needed =
          range.getBoundingClientRect().width +
          parseFloat(tick.width) + parseFloat(tick.marginLeft) + parseFloat(tick.marginRight) + parseFloat(cs.columnGap);
        const room = span.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return needed > room + 0.5;
      })(),
    };
  });

for (const v of [...VIEWS, { viewport: 'phone', colorScheme: 'light', reducedMotion: true }]) {
  const name = `${label(v)}${v.reducedMotion ? '-reduced-motion' : ''}`;
  test(`welcome (${name}): the chosen age chip shows a whole tick at once, inside the chip`, () =>
    withPage(v, async (page) => {
      await page.goto(`${BASE_URL}/welcome`);
      await h1(page, 'Hi, welcome to Tend');
      // Phones of other common widths too, where the row splits differently.
      const widths = v.viewport === 'phone' ? [390, 360, 412] : [1280];
      for (const [width, band] of widths.flatMap((w) => ['12–14', '15–17', '18+'].map((b) => [w, b]))) {
        if (v.viewport === 'phone') await page.setViewportSize({ width, height: 844 });
        const radio = page.getByRole('radio', { name: band });
        await radio.check();
        const tick = await tickOf(radio);
        assert.equal(tick.content, '""', `${width}px, ${band}: the tick is there`);
        // Drawn as 0.45em × 0.8em (style/base.css), whatever the chip's width.
        assert.ok(Math.abs(tick.width - 0.45) < 0.02, `${width}px, ${band}: the tick is ${tick.width.toFixed(2)}em wide, not 0.45em`);
        assert.ok(Math.abs(tick.height - 0.8) < 0.02, `${width}px, ${band}: the tick is ${tick.height.toFixed(2)}em tall, not 0.8em`);
        assert.notEqual(tick.transform, 'none', `${width}px, ${band}: the tick is turned`);
        assert.deepEqual(tick.moving, [], `${width}px, ${band}: nothing in the chip is still moving`);
        assert.equal(tick.overflows, false, `${width}px, ${band}: the chip's words fit inside it`);
      }
      if (v.viewport === 'phone') await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('radio', { name: '12–14' }).check();
      await screenshot(page, `small-welcome-chosen-${name}`);
      await closeUp(page.locator('.choices--big'), `small-welcome-chips-${name}`);
      assertClean(page);
    }));
}

/** Saves a close-up of one part of the page beside the harness's full-page screenshots. */
async function closeUp(locator, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await locator.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** `color` of a probe styled with this CSS colour, as the browser computes it. */
const resolved = (page, css) =>
  page.evaluate((css) => {
    const probe = document.createElement('i');
    probe.style.color = css;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return rgb;
  }, css);

/** The chosen chip of a colour group: its dot's colour, the pill's own colour and its tick. */
const chosenSwatch = (page, group) =>
  page.getByRole('group', { name: group }).evaluate((fieldset) => {
    const span = fieldset.querySelector('input:checked + span');
    const dot = getComputedStyle(span, '::after');
    return {
      dot: dot.display === 'none' ? 'none' : dot.backgroundColor,
      dotSize: parseFloat(dot.width),
      pill: getComputedStyle(span).backgroundColor,
      tick: getComputedStyle(span, '::before').content,
    };
  });

for (const v of VIEWS) {
  test(`settings (${label(v)}): the chosen colour chip shows its colour, and a tick`, () =>
    withPage({ ...v, storage: settingsSeed({ band: '15-17', region: 'gb' }) }, async (page) => {
      await page.goto(`${BASE_URL}/settings`);
      await h1(page, 'Settings');
      for (const [name, token] of [['Blue', '--drive'], ['Orange', '--warm'], ['Purple', '--calm'], ['Green', '--soothing']]) {
        await page.getByRole('radio', { name, exact: true }).check();
        const chip = await chosenSwatch(page, 'Colour');
        const colour = await resolved(page, `var(${token})`);
        assert.equal(chip.dot, colour, `${name}: the chosen chip's dot is its colour`);
        assert.ok(chip.dotSize > 8, `${name}: the dot has a size`);
        assert.notEqual(chip.pill, colour, `${name}: the dot stands out from the chip around it`);
        assert.equal(chip.tick, '""', `${name}: the tick is there too`);
      }
      await page.getByRole('radio', { name: 'Purple', exact: true }).check();
      await checkA11y(page, `settings colour chips (${label(v)})`);
      await closeUp(page.getByRole('group', { name: 'Colour' }), `small-settings-accent-${label(v)}`);
      assertClean(page);
    }));

  test(`drawing room (${label(v)}): colours have plain names, the systems' meaning beside them, and the chosen one shows its colour`, () =>
    withPage({ ...v, storage: settingsSeed({ band: '12-14', region: 'gb' }) }, async (page) => {
      await page.goto(`${BASE_URL}/draw`);
      await h1(page, 'Drawing room');
      const names = await page.getByRole('group', { name: 'Colour' }).getByRole('radio').evaluateAll((radios) =>
        radios.map((r) =>
          [...r.labels[0].querySelector('span').childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent)
            .join('')
            .trim(),
        ),
      );
      for (const jargon of [/threat/i, /drive/i, /soothing/i]) {
        assert.ok(!names.some((n) => jargon.test(n)), `no colour is named with ${jargon}: ${names.join(', ')}`);
      }
      for (const [name, hint, hex] of [['Red', 'alarm', '#B23A2E'], ['Blue', 'get-up-and-go', '#2F5DA8'], ['Green', 'calm', '#2B7A67']]) {
        const radio = page.getByRole('radio', { name, exact: true });
        const described = await radio.evaluate((r) =>
          (r.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
            .trim(),
        );
        assert.equal(described, hint, `${name} is described as ${hint}`);
        await radio.check();
        const chip = await chosenSwatch(page, 'Colour');
        assert.equal(chip.dot, await resolved(page, hex), `${name}: the chosen chip's dot is its colour`);
        assert.notEqual(chip.pill, chip.dot, `${name}: the dot stands out from the chip around it`);
        assert.equal(chip.tick, '""', `${name}: the tick is there too`);
      }
      // The name a screen reader says is the plain name alone; the hint is its description.
      assert.equal(await page.getByRole('radio', { name: 'Red alarm' }).count(), 0);
      await page.getByRole('radio', { name: 'Green', exact: true }).check();
      // From the top, as the page opens: scrolled down, whatever sits under the fixed
      // tab bar counts as an obscured target, which is not about the palette.
      await page.evaluate(() => window.scrollTo(0, 0));
      await checkA11y(page, `drawing room palette (${label(v)})`);
      await closeUp(page.getByRole('group', { name: 'Colour' }), `small-draw-palette-${label(v)}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `small-draw-${label(v)}`);
      assertClean(page);
    }));
}

test('welcome: the promise does not assume the reader is in therapy', () =>
  withPage({ viewport: 'phone' }, async (page) => {
    await page.goto(`${BASE_URL}/welcome`);
    await h1(page, 'Hi, welcome to Tend');
    const promises = await page.locator('.promises').innerText();
    assert.doesNotMatch(promises, /between your sessions/);
    assert.match(promises, /any day/);
    // Still says what CONTENT.md asks of the first run.
    assert.match(promises, /between/);
    assert.match(promises, /not a therapist/);
    assert.match(promises, /not for emergencies/);
    assertClean(page);
  }));

const GROWN_UPS = 'For grown-ups and therapists: where the ideas come from';

for (const band of ['12-14', '18+']) {
  for (const v of [...VIEWS, { viewport: 'phone', colorScheme: 'dark' }, { viewport: 'desktop', colorScheme: 'light' }]) {
    test(`about (${band}, ${label(v)}): a plain part for the band first, the references in a part for grown-ups`, () =>
      withPage({ ...v, storage: settingsSeed({ band, region: 'gb' }) }, async (page) => {
        await page.goto(`${BASE_URL}/about`);
        await h1(page, 'About Tend');
        const grownUps = page.getByRole('region', { name: GROWN_UPS });
        await grownUps.waitFor();
        const all = await page.locator('main').innerText();
        const bandPart = all.slice(0, all.indexOf(GROWN_UPS));
        assert.ok(bandPart.length > 200, 'the band part comes first');
        for (const said of [/between/, /not a therapist/, /not for emergencies/, /stays on this device/]) {
          assert.match(bandPart, said);
        }
        assert.doesNotMatch(bandPart, /Compassion-Focused|Gilbert|Neff/, 'the references sit in the grown-ups part');
        assert.doesNotMatch(bandPart, /your therapy/);
        if (band === '12-14') {
          assert.match(bandPart, /alarm/);
          assert.doesNotMatch(bandPart, /diagnose/);
        }
        assert.match(await grownUps.innerText(), /Compassion-Focused Therapy/);
        await checkA11y(page, `about ${band} (${label(v)})`);
        await screenshot(page, `small-about-${band}-${label(v)}`);
        // The techniques list is folded; it opens with one tap.
        await grownUps.getByText('The exercises and the techniques they adapt').click();
        await grownUps.getByRole('heading', { name: 'Breathing' }).waitFor();
        assert.match(await grownUps.innerText(), /Gilbert/);
        await checkA11y(page, `about ${band}, techniques open (${label(v)})`);
        assertClean(page);
      }));
  }
}

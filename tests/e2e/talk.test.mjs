// Talk it through: finish a scene with the keyboard only, free-text turns included;
// a critical choice is met with curiosity; reload mid-scene and carry on; "this feels
// like too much" reaches grounding and help. Each scene opens with a preview and "Not
// today"; Enter alone walks a scene, focus stays on the next action (the log announces
// each line), and the newest line and that action stay clear of the bars, at 390×844
// and at 200 % zoom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { BASE_URL, SCREENSHOT_DIR, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed } from './harness.mjs';

const SEED = settingsSeed({ band: '15-17', region: 'gb' });
const EARLY = settingsSeed({ band: '12-14', region: 'gb' });
const progress = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('tend.talk.progress') ?? 'null')?.data?.walk ?? null);
const press = async (page, locator) => {
  await locator.focus();
  await page.keyboard.press('Enter');
};
/** Waits until the page has drawn twice, so work queued for the next frame is done. */
const drawn = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
/** What the person sees, as the window shows it now (not the whole page). */
async function view(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Opens a scene from the list: its preview first, then Start. */
async function open(page, name) {
  await press(page, page.getByRole('button', { name }));
  const start = page.getByRole('button', { name: 'Start' });
  const log = page.getByRole('log', { name: 'Conversation' });
  await start.or(log).first().waitFor();
  if (await start.count()) await press(page, start);
  await log.waitFor();
  await drawn(page);
}

/** What has focus, as a kind of action: go-on, choice, write, send, ending, line or other. */
const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    if (a.closest('.chat')) return 'line';
    if (a.matches('button') && a.textContent === 'Go on') return 'go-on';
    if (a.matches('[role=group] button') && a === a.closest('[role=group]').querySelector('button')) return 'choice';
    if (a.matches('.write textarea')) return 'write';
    if (a.matches('button') && a.textContent === 'Send') return 'send';
    if (a.matches('h2') && a.textContent === 'Looking back') return 'ending';
    return `other: ${a.tagName.toLowerCase()} ${a.textContent.trim().slice(0, 40)}`;
  });
const NEXT = ['go-on', 'choice', 'write', 'ending'];

/**
 * Where the next action (Go on, the first choice, the text field, the ending's heading)
 * and the newest line sit against the bars: the part of the window between the top
 * bar's bottom and the tab bar's top (on a short window the bars scroll with the page;
 * then the window's edges count), and the part the page's scroll-padding keeps clear.
 */
const geometry = (page) =>
  page.evaluate(() => {
    const box = (el) => el && el.getBoundingClientRect();
    const top = Math.max(0, box(document.querySelector('.topbar'))?.bottom ?? 0);
    const bar = Math.min(window.innerHeight, box(document.querySelector('nav.tabbar'))?.top ?? Infinity);
    const style = getComputedStyle(document.documentElement);
    const clear = window.innerHeight - (parseFloat(style.scrollPaddingTop) || 0) - (parseFloat(style.scrollPaddingBottom) || 0);
    const main = document.querySelector('main');
    const named = (sel, text) => [...main.querySelectorAll(sel)].find((e) => e.textContent === text);
    const action =
      named('button', 'Go on') ??
      main.querySelector('[role=group] button') ??
      main.querySelector('.write textarea') ??
      named('h2', 'Looking back');
    const next = box(action);
    const latest = box(main.querySelector('.chat li:last-child'));
    return {
      action: action ? `${action.tagName.toLowerCase()} ${action.textContent.trim().slice(0, 30)}` : 'none',
      top,
      bar,
      clear,
      next: next && { top: next.top, bottom: next.bottom },
      latest: latest && { top: latest.top, bottom: latest.bottom },
    };
  });

/**
 * The next action is wholly in view, clear of both bars, and so is the newest line.
 * Where the two together are taller than the clear part of the window (a long line at
 * 200 % zoom), the action wins and the line shows at least its last lines above it.
 */
function assertInView(g, at) {
  const where = (b) => `${Math.round(b.top)}–${Math.round(b.bottom)}`;
  const bars = `the bars (${Math.round(g.top)}–${Math.round(g.bar)})`;
  assert.ok(g.next.top >= g.top - 1 && g.next.bottom <= g.bar + 1, `${at}: the next action (${g.action}) at ${where(g.next)} is not between ${bars}`);
  const fits = g.next.bottom - g.latest.top <= Math.min(g.clear, g.bar - g.top);
  if (fits) {
    assert.ok(g.latest.top >= g.top - 1 && g.latest.bottom <= g.bar + 1, `${at}: the newest line at ${where(g.latest)} is not between ${bars}`);
  } else {
    assert.ok(g.latest.bottom >= g.top + 40, `${at}: the newest line at ${where(g.latest)} is out of view above the next action`);
  }
}

/** Takes one turn by keyboard; returns what kind of turn it was. */
async function turn(page, { critical }) {
  const before = await page.locator('.chat li').count();
  if (await page.getByRole('heading', { name: 'Looking back' }).count()) return 'end';
  const goOn = page.getByRole('button', { name: 'Go on' });
  const choices = page.getByRole('group', { name: 'What do you say?' }).getByRole('button');
  const answer = page.locator('.write textarea');
  let kind;
  if (await goOn.count()) {
    await press(page, goOn);
    kind = 'go-on';
  } else if (await answer.count()) {
    await answer.focus();
    await page.keyboard.type(`My words for turn ${before}.`);
    await press(page, page.getByRole('button', { name: 'Send' }));
    kind = 'write';
  } else {
    assert.ok((await choices.count()) > 1, 'a choice line offers real buttons');
    const harsh = page.locator('.reply--critical');
    const useHarsh = critical && (await harsh.count()) > 0;
    kind = useHarsh ? 'critical' : 'choice';
    await press(page, useHarsh ? harsh.first() : page.locator('.reply:not(.reply--critical)').first());
  }
  await page.waitForFunction((n) => document.querySelectorAll('.chat li').length > n, before);
  await drawn(page);
  return kind;
}

const { withPage } = sharedBrowser();

test('a scene finished with the keyboard only: choices, a critical one met with curiosity, two written answers side by side', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await h1(page, 'Talk it through');
    await checkA11y(page, 'talk chooser');
    await screenshot(page, 'talk-chooser-phone');
    await open(page, /A friend's bad result/);
    await h1(page, "A friend's bad result");
    assert.equal(await page.getByRole('log', { name: 'Conversation' }).count(), 1);

    let sawCritical = false;
    let writes = 0;
    for (let i = 0; i < 40; i++) {
      const kind = await turn(page, { critical: !sawCritical });
      if (kind === 'end') break;
      if (kind === 'write') writes++;
      if (kind === 'critical') {
        sawCritical = true;
        const reply = await page.locator('#latest').innerText();
        assert.ok(NEXT.includes(await focused(page)), 'focus is on the next action, not the new line');
        assert.match(reply, /critic/i, 'a critical choice is met by naming the critic');
        assert.match(reply, /\?/, '…and a question, not a verdict');
        assert.doesNotMatch(reply, /\bwrong\b/i);
        await checkA11y(page, 'talk after a critical choice');
        await screenshot(page, 'talk-curious-phone');
      }
    }
    assert.ok(sawCritical, 'the scene offered a critical choice');
    assert.equal(writes, 2, 'two free-text turns');
    await page.getByRole('heading', { name: 'Looking back' }).waitFor();
    const said = await page.locator('.said').allInnerTexts();
    assert.equal(said.length, 2, 'the two answers side by side');
    assert.ok(said.every((s) => /My words for turn/.test(s)));
    await checkA11y(page, 'talk reflection');
    await screenshot(page, 'talk-reflection-phone');

    await press(page, page.getByRole('button', { name: 'Keep this conversation' }));
    await page.getByRole('status').filter({ hasText: 'Kept on this device' }).waitFor();
    // Focus starts again at the top of the list, not on the page's body.
    await drawn(page);
    assert.equal(await page.evaluate(() => document.activeElement.matches('main h1') && document.activeElement.textContent), 'Talk it through');
    assert.equal(await progress(page), null, 'nothing left in progress');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tend.talk.kept.')).length);
    assert.equal(kept, 1);

    // It can be read again, and deleted with a way back.
    const section = page.getByRole('region', { name: 'Conversations you kept' });
    await press(page, section.getByRole('button', { name: /^Read A friend's bad result/ }));
    await section.getByText('My words for turn', { exact: false }).first().waitFor();
    await checkA11y(page, 'kept conversation open');
    await screenshot(page, 'talk-kept-phone');
    await press(page, section.getByRole('button', { name: /^Delete A friend's bad result/ }));
    await page.waitForFunction(() => document.activeElement?.id === 'undo');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Conversations you kept' }).waitFor();
    assertClean(page);
  }));

test('a reload mid-scene carries on where it was, written words included', () =>
  withPage({ viewport: 'desktop', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await open(page, /A friend's bad result/);
    let kind;
    do kind = await turn(page, { critical: false });
    while (kind !== 'write');
    const lines = await page.locator('.chat li').allInnerTexts();
    await page.reload();
    await h1(page, "A friend's bad result");
    assert.deepEqual(await page.locator('.chat li').allInnerTexts(), lines);
    assert.ok(lines.some((l) => /My words for turn/.test(l)));
    await screenshot(page, 'talk-resumed-desktop');
    assertClean(page);
  }));

/** Presses Go on (Enter only, on whatever has focus) until the scene asks for more. */
async function goOnLate(page, steps) {
  for (let i = 0; i < steps && (await page.getByRole('button', { name: 'Go on' }).count()); i++) {
    const before = await page.locator('.chat li').count();
    await press(page, page.getByRole('button', { name: 'Go on' }));
    await page.waitForFunction((n) => document.querySelectorAll('.chat li').length > n, before);
    await drawn(page);
  }
}

test('"this feels like too much", late in a scene, opens a pause card wholly in view with its choices above the tab bar', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await open(page, /When the critic gets loud/);
    // Past the critic and its choice, then on through the other selves.
    await goOnLate(page, 3);
    const before = await page.locator('.chat li').count();
    await press(page, page.getByRole('group', { name: 'What do you say?' }).getByRole('button').nth(1));
    await page.waitForFunction((n) => document.querySelectorAll('.chat li').length > n, before);
    await goOnLate(page, 4);
    assert.ok((await page.locator('.chat li').count()) >= 8, 'late in the scene');

    await press(page, page.getByRole('button', { name: 'This feels like too much' }));
    const card = page.getByRole('region', { name: "Let's pause here" });
    await card.waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('h2') && document.activeElement.textContent === "Let's pause here");
    await drawn(page);
    assert.match(await card.innerText(), /feet into the floor/);
    assert.equal(await card.getByRole('link', { name: 'Help now' }).getAttribute('href'), '/help');
    assert.equal(await page.getByRole('button', { name: 'Go on' }).count() + (await page.locator('.reply').count()), 0, 'the scene waits: the card is the one set of choices');
    const boxes = await page.evaluate(() => {
      const bar = document.querySelector('nav.tabbar').getBoundingClientRect().top;
      const card = document.activeElement.closest('section');
      const actions = [...card.querySelectorAll('button, a.button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { name: b.textContent.trim(), top: r.top, bottom: r.bottom };
      });
      return { bar, height: window.innerHeight, heading: document.activeElement.getBoundingClientRect().top, actions };
    });
    assert.ok(boxes.actions.length >= 2, 'the card offers its choices');
    assert.ok(boxes.heading >= 0, `the card's heading is in view (${boxes.heading})`);
    for (const a of boxes.actions) {
      assert.ok(a.top >= 0 && a.bottom <= Math.min(boxes.bar, boxes.height) + 1, `${a.name} at ${a.top}–${a.bottom} is hidden (tab bar at ${boxes.bar})`);
    }
    await checkA11y(page, 'talk too much');
    await view(page, 'talk-too-much-phone');
    await press(page, card.getByRole('button', { name: 'Carry on' }));
    await drawn(page);
    assert.equal(await focused(page), 'go-on', 'Carry on returns to the next action');
    assertClean(page);
  }));

for (const [label, viewport, size] of [
  ['at 390×844', 'phone', null],
  // 200 % zoom of a 390×844 window: browser zoom halves the layout viewport to 195×422
  // CSS pixels, which is what the page's media queries and layout then see. A desktop
  // context (no mobile zoom-out to fit wide content), resized to that, reflows the same.
  ['at 200 % zoom', 'desktop', { width: 195, height: 422 }],
]) {
  test(`after every step of a long scene ${label}, the newest line and the next action are in view, clear of the bars`, () =>
    withPage({ viewport, storage: SEED }, async (page) => {
      if (size) await page.setViewportSize(size);
      await page.goto(`${BASE_URL}/talk`);
      await open(page, /When the critic gets loud/);
      const shot = size ? 'zoom' : 'phone';
      assertInView(await geometry(page), 'at the start');
      let steps = 0;
      for (; steps < 40; steps++) {
        const kind = await turn(page, { critical: false });
        if (kind === 'end') break;
        const g = await geometry(page);
        if (!g.action.startsWith('h2')) assertInView(g, `step ${steps + 1} (after ${kind})`);
        if (steps === 8) await view(page, `talk-late-${shot}`);
      }
      assert.ok(steps >= 10, `walked ${steps} steps`);
      await view(page, `talk-ending-${shot}`);
      assertClean(page);
    }));
}

test('Enter alone walks a scene: after each step focus is on the next action, never on the new line', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await open(page, /When the critic gets loud/);
    assert.equal(await focused(page), 'go-on', 'Start leaves focus on Go on');
    let steps = 0;
    for (; steps < 40; steps++) {
      let now = await focused(page);
      if (now === 'ending') break;
      const before = await page.locator('.chat li').count();
      if (now === 'write') {
        await page.keyboard.type('You tried, and that counts.');
        await page.keyboard.press('Tab');
        now = await focused(page);
        assert.equal(now, 'send');
      }
      // Only Enter: on Go on, the first choice, or Send, whichever has focus now.
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.chat li').length > n, before);
      await drawn(page);
      const after = await focused(page);
      assert.ok(NEXT.includes(after), `step ${steps + 1}: focus went to ${after}, not the next action`);
    }
    assert.ok(steps >= 10, `walked ${steps} steps`);
    assert.equal(await focused(page), 'ending', 'the ending is announced from its heading');
    assertClean(page);
  }));

test('after "Don\'t keep it", focus is on the list\'s heading and the status says what happened', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await open(page, /The missed shot/);
    for (let i = 0; i < 20 && (await turn(page, { critical: false })) !== 'end'; i++);
    await press(page, page.getByRole('button', { name: "Don't keep it" }));
    await page.getByRole('status').filter({ hasText: 'Not kept' }).waitFor();
    await drawn(page);
    assert.equal(await page.evaluate(() => document.activeElement.matches('main h1') && document.activeElement.textContent), 'Talk it through');
    assert.ok(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle !== 'none'), 'with a visible ring');
    assertClean(page);
  }));

test('a scene opens with a plain preview, Start and Not today; the critic is gentler for 12-14', () =>
  withPage({ viewport: 'phone', storage: EARLY }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await h1(page, 'Talk it through');
    await press(page, page.getByRole('button', { name: 'The group chat' }));
    await h1(page, 'The group chat');
    await drawn(page);
    assert.ok(await page.evaluate(() => document.activeElement?.matches('main h1')), 'focus is on the heading');
    const preview = page.getByRole('region', { name: 'What happens' });
    assert.match(await preview.innerText(), /joke about you.*critic/s, 'the harsh moment is named before it starts');
    assert.equal(await page.getByRole('log').count(), 0, 'nothing of the scene is shown yet');
    assert.equal(await progress(page), null, 'and nothing is started');
    await checkA11y(page, 'talk preview');
    await screenshot(page, 'talk-preview-phone');

    await press(page, page.getByRole('button', { name: 'Not today' }));
    await h1(page, 'Talk it through');
    await drawn(page);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'The group chat', 'back on the scene it came from');
    assert.equal(await progress(page), null);

    // Start from the preview: the scene begins, focus on Go on.
    await open(page, 'The group chat');
    for (let i = 0; i < 6 && (await page.locator('.bubble--critic').count()) === 0; i++) await turn(page, { critical: false });
    const critic = await page.locator('.bubble--critic').innerText();
    assert.match(critic, /^The critic/);
    assert.doesNotMatch(critic, /stupid|joke|useless|never/i);
    assertClean(page);
  }));

test('the preview at desktop width and in dark mode', () =>
  withPage({ viewport: 'desktop', colorScheme: 'dark', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await press(page, page.getByRole('button', { name: 'When the critic gets loud' }));
    await h1(page, 'When the critic gets loud');
    await checkA11y(page, 'talk preview (dark)');
    await screenshot(page, 'talk-preview-desktop-dark');
    await press(page, page.getByRole('button', { name: 'Start' }));
    await goOnLate(page, 3);
    await view(page, 'talk-late-desktop-dark');
    await press(page, page.getByRole('button', { name: 'This feels like too much' }));
    await page.getByRole('region', { name: "Let's pause here" }).waitFor();
    await drawn(page);
    await view(page, 'talk-too-much-desktop-dark');
    assertClean(page);
  }));

test('the companion a person shapes is kept and speaks the kind lines', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await h1(page, 'Talk it through');
    await page.getByLabel('Name').focus();
    await page.keyboard.type('Pip');
    await page.getByRole('radio', { name: 'Purple' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('radio', { name: 'Star' }).focus();
    await page.keyboard.press('Space');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tend.companion')).data);
    assert.deepEqual({ name: stored.name, hue: stored.hue, form: stored.form }, { name: 'Pip', hue: 'calm', form: 'star' });
    await checkA11y(page, 'talk with companion card');
    await screenshot(page, 'talk-companion-phone');

    await page.reload();
    assert.equal(await page.getByLabel('Name').inputValue(), 'Pip');
    assert.ok(await page.getByRole('radio', { name: 'Star' }).isChecked());
    await open(page, /When the critic gets loud/);
    for (let i = 0; i < 40 && (await page.locator('.bubble--kind').count()) === 0; i++) {
      const kind = await turn(page, { critical: false });
      if (kind === 'end') break;
    }
    const kindLine = page.locator('.bubble--kind').first();
    assert.match(await kindLine.innerText(), /^Pip, your kind companion/);
    assertClean(page);
  }));

// Each scene's lines are a file of their own (pack_scene_<id>.bin), fetched when the
// scene is opened; the dialogues' own file holds only the list.
const SCENE_FILE = /\/build-[0-9a-f]{16}\/pack_scene_([a-z0-9_]+)\.bin$/;
const SCENES = readdirSync(new URL('../../content/talk/', import.meta.url))
  .filter((f) => f.endsWith('.toml'))
  .map((f) => f.replace(/\.toml$/, '').replaceAll('-', '_'));
const NET = /wasm|WebAssembly|Failed to fetch|ERR_FAILED|net::|failed to load split module/i;

test("opening a scene fetches its own file; when it cannot arrive the message offers Try again and Help now, and Try again brings it", () =>
  // No service worker, so every request passes the route below.
  withPage({ viewport: 'phone', storage: SEED, serviceWorkers: 'block' }, async (page) => {
    let refuse = true;
    const asked = [];
    let allAsked;
    const everyScene = new Promise((done) => (allAsked = done));
    await page.route(SCENE_FILE, (route) => {
      asked.push(SCENE_FILE.exec(route.request().url())[1]);
      if (new Set(asked).size >= SCENES.length) allAsked();
      return refuse ? route.abort() : route.continue();
    });
    await page.goto(`${BASE_URL}/talk`);
    await h1(page, 'Talk it through');
    assert.ok(await page.getByRole('button', { name: "A friend's bad result" }).isVisible(), 'the list needs no scene file');
    // When the browser is idle every scene's file is fetched ahead, like every section's
    // (each refused here, so none is kept); then nothing more until a scene is opened.
    await everyScene;
    assert.deepEqual([...new Set(asked)].sort(), [...SCENES].sort(), 'every scene has a file, fetched ahead when idle');
    const before = asked.length;

    await press(page, page.getByRole('button', { name: "A friend's bad result" }));
    const alert = page.getByRole('alert').filter({ hasText: "This part of Tend didn't arrive" });
    await alert.waitFor();
    assert.deepEqual(asked.slice(before), ['friend_test'], 'opening the scene asked for its own file, and no other');
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'the message is the page, with one heading');
    assert.equal(await page.getByRole('link', { name: 'Help now' }).last().getAttribute('href'), '/help');
    assert.equal(await page.getByRole('button', { name: 'Start' }).count(), 0, 'nothing of the scene is offered without its lines');
    await checkA11y(page, 'talk scene did not arrive');
    await screenshot(page, 'talk-scene-failed-phone');

    refuse = false;
    await press(page, page.getByRole('button', { name: 'Try again' }));
    await h1(page, "A friend's bad result");
    assert.deepEqual(asked.slice(before), ['friend_test', 'friend_test'], 'Try again asked for the same file');
    assert.equal(await alert.count(), 0);
    await page.waitForFunction(() => document.activeElement?.matches('main h1'));
    assert.match(await page.getByRole('region', { name: 'What happens' }).innerText(), /low mock exam mark/);
    await press(page, page.getByRole('button', { name: 'Start' }));
    await page.getByRole('log', { name: 'Conversation' }).waitFor();
    assert.equal((await progress(page))?.scene, 'friend-test', 'the scene started, and is saved');
    assert.deepEqual(asked.slice(before), ['friend_test', 'friend_test'], 'starting it needed nothing more');
    assertClean(page, { ignore: [NET] });
  }));

test('the service worker keeps every scene file for offline use', async () => {
  const sw = await (await fetch(`${BASE_URL}/sw.js`)).text();
  const kept = [...sw.matchAll(/pack_scene_([a-z0-9_]+)\.bin/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(kept)].sort(), [...SCENES].sort());
});

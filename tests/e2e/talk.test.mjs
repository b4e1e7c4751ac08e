// Talk it through: finish a scene with the keyboard only, free-text turns included;
// a critical choice is met with curiosity; reload mid-scene and carry on; "this feels
// like too much" reaches grounding and help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, assertClean, checkA11y, screenshot, heading as h1, settingsSeed } from './harness.mjs';

const SEED = settingsSeed({ band: '15-17', region: 'gb' });
const progress = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('tend.talk.progress') ?? 'null')?.data?.walk ?? null);
const press = async (page, locator) => {
  await locator.focus();
  await page.keyboard.press('Enter');
};

/** Takes one turn by keyboard; returns what kind of turn it was. */
async function turn(page, { critical }) {
  const before = await page.locator('.chat li').count();
  if (await page.getByRole('heading', { name: 'Looking back' }).count()) return 'end';
  const goOn = page.getByRole('button', { name: 'Go on' });
  const choices = page.getByRole('group', { name: 'What do you say?' }).getByRole('button');
  const answer = page.locator('#answer');
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
  await page.waitForFunction((n) => document.querySelectorAll('.chat li').length > n || !!document.querySelector('#reflection-title'), before);
  await page.waitForFunction(() => document.activeElement?.id === 'latest' || !!document.querySelector('#reflection-title'));
  return kind;
}

const { withPage } = sharedBrowser();

test('a scene finished with the keyboard only: choices, a critical one met with curiosity, two written answers side by side', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await h1(page, 'Talk it through');
    await checkA11y(page, 'talk chooser');
    await screenshot(page, 'talk-chooser-phone');
    await press(page, page.getByRole('button', { name: /A friend's bad result/ }));
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
    await page.getByRole('button', { name: /A friend's bad result/ }).click();
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

test('"this feels like too much" pauses the scene and offers grounding and help', () =>
  withPage({ viewport: 'phone', storage: SEED }, async (page) => {
    await page.goto(`${BASE_URL}/talk`);
    await page.getByRole('button', { name: /inner critic|critic/i }).first().click();
    await page.getByRole('button', { name: 'This feels like too much' }).click();
    const card = page.getByRole('region', { name: "Let's pause here" });
    await card.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'too-much-title');
    assert.match(await card.innerText(), /feet into the floor/);
    assert.equal(await card.getByRole('link', { name: 'Help now' }).getAttribute('href'), '/help');
    assert.equal(await page.getByRole('button', { name: 'Go on' }).count() + (await page.locator('.reply').count()), 0, 'the scene waits');
    await checkA11y(page, 'talk too much');
    await card.getByRole('button', { name: 'Carry on' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'latest');
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
    await page.getByRole('button', { name: /When the critic gets loud/ }).click();
    for (let i = 0; i < 40 && (await page.locator('.bubble--kind').count()) === 0; i++) {
      const kind = await turn(page, { critical: false });
      if (kind === 'end') break;
    }
    const kindLine = page.locator('.bubble--kind').first();
    assert.match(await kindLine.innerText(), /^Pip, your kind companion/);
    assertClean(page);
  }));

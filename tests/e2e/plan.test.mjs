// A plan's items open their own exercise: the drawing room on the item's prompt and the
// dialogues on the item's scene, even with a drawing or a conversation in progress, and
// that work is kept (in the gallery, in the kept conversations), never lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, assertClean, screenshot, heading as h1, settingsSeed } from './harness.mjs';

const { withPage } = sharedBrowser();

/** A two-item plan (the safe place drawing, the friend scene), made in demo mode. */
async function planLink() {
  let link;
  await withPage({ viewport: 'desktop', storage: settingsSeed({ band: '18+', region: 'us' }) }, async (page) => {
    await page.goto(`${BASE_URL}/plan/make`);
    await h1(page, 'Make a practice plan');
    await page.getByLabel('Prompt').selectOption('safe-place');
    await page.getByRole('button', { name: 'Add drawing' }).click();
    await page.getByLabel('Scene').selectOption('friend-test');
    await page.getByRole('button', { name: 'Add conversation' }).click();
    assert.equal(await page.locator('.plan-maker__plan .plan-list__item').count(), 2);
    link = await page.getByLabel('Link to the plan').inputValue();
  });
  return link;
}

test('a plan item opens its prompt and its scene over work in progress, and keeps that work', async () => {
  const link = await planLink();
  await withPage({ viewport: 'phone', storage: settingsSeed({ band: '15-17', region: 'gb' }) }, async (page) => {
    await page.goto(link);
    await page.getByRole('button', { name: 'Add to my Home' }).click();
    await h1(page, 'Good to see you');
    const card = page.getByRole('region', { name: 'Suggested for you' });

    // A drawing in progress on another prompt.
    await page.goto(`${BASE_URL}/draw`);
    await h1(page, 'Drawing room');
    await page.getByLabel('What to draw').selectOption('calm');
    const box = await page.locator('canvas').boundingBox();
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 90, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => /"strokes":\[\{/.test(localStorage.getItem('tend.draft.drawing') || ''));

    // A conversation in progress in another scene.
    await page.goto(`${BASE_URL}/talk`);
    await h1(page, 'Talk it through');
    const other = page.locator('.cards .area__title').filter({ hasNotText: /friend/i }).first();
    const otherTitle = (await other.innerText()).trim();
    await other.click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('log', { name: 'Conversation' }).waitFor();
    await page.waitForFunction(() => localStorage.getItem('tend.talk.progress') !== null);

    // The drawing item: the room opens on the plan's prompt with a fresh page, and the
    // drawing in progress is in the gallery.
    await page.goto(`${BASE_URL}/`);
    await card.getByRole('link', { name: /Your safe place/ }).click();
    await h1(page, 'Drawing room');
    assert.equal(await page.getByLabel('What to draw').inputValue(), 'safe-place');
    await page.getByRole('status').filter({ hasText: /kept in your drawings/ }).waitFor();
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/draw', 'the address is the room again');
    const drawings = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('tend.drawing.')).map((k) => JSON.parse(localStorage.getItem(k)).data),
    );
    assert.equal(drawings.length, 1, 'the drawing in progress is kept in the gallery');
    assert.equal(drawings[0].prompt, 'calm');
    assert.equal(drawings[0].drawing.strokes.length, 1);
    await screenshot(page, 'plan-item-draw-phone');
    // A reload carries on with the plan's prompt.
    await page.reload();
    await h1(page, 'Drawing room');
    assert.equal(await page.getByLabel('What to draw').inputValue(), 'safe-place');

    // The conversation item: the scene's preview, saying what happens to the one open.
    await page.goto(`${BASE_URL}/`);
    await card.getByRole('link', { name: /friend/i }).click();
    await h1(page, /friend/i);
    const preview = page.getByRole('region', { name: 'What happens' });
    assert.match(await preview.innerText(), new RegExp(`part-way through .${otherTitle}.`));
    await screenshot(page, 'plan-item-talk-phone');
    await preview.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('status').filter({ hasText: /kept in your conversations/ }).waitFor();
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('tend.talk.kept.')).length,
    );
    assert.equal(kept, 1, 'the conversation in progress is kept');
    const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('tend.talk.progress')).data.walk);
    assert.match(JSON.stringify(progress), /friend-test/);
    assertClean(page);
  });
});

test('a plan item for the scene already under way carries on with it', async () => {
  const link = await planLink();
  await withPage({ viewport: 'phone', storage: settingsSeed({ band: '15-17', region: 'gb' }) }, async (page) => {
    await page.goto(link);
    await page.getByRole('button', { name: 'Add to my Home' }).click();
    const card = page.getByRole('region', { name: 'Suggested for you' });
    await card.getByRole('link', { name: /friend/i }).click();
    await page.getByRole('region', { name: 'What happens' }).getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Go on' }).click();
    const lines = await page.locator('.chat li').count();
    await page.goto(`${BASE_URL}/`);
    await card.getByRole('link', { name: /friend/i }).click();
    await page.getByRole('log', { name: 'Conversation' }).waitFor();
    assert.equal(await page.locator('.chat li').count(), lines, 'the same conversation, where it was');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tend.talk.kept.')).length), 0);
    assertClean(page);
  });
});

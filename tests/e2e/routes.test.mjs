// Every route, at phone and desktop width, in light and dark: it renders a heading,
// passes axe (WCAG 2.2 A/AA), makes no request off the origin, logs no error, and is
// saved as a screenshot under target/e2e-screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, sharedBrowser, newPage, assertClean, checkA11y, screenshot, heading, settingsSeed as settings } from './harness.mjs';
const RETURNING = settings({ band: '15-17', region: 'gb' });

const ROUTES = [
  { name: 'welcome', path: '/welcome', storage: {}, heading: 'Hi, welcome to Tend' },
  { name: 'home', path: '/', storage: RETURNING, heading: 'Good to see you' },
  { name: 'help', path: '/help', storage: RETURNING, heading: 'Help now' },
  { name: 'settings', path: '/settings', storage: RETURNING, heading: 'Settings' },
  { name: 'about', path: '/about', storage: RETURNING, heading: 'About Tend' },
  { name: 'breathe', path: '/breathe', storage: RETURNING, heading: 'Breathing space' },
  { name: 'patterns', path: '/breathe/patterns', storage: RETURNING, heading: 'Your own patterns' },
  { name: 'history', path: '/breathe/history', storage: RETURNING, heading: 'Your past sessions' },
  { name: 'draw', path: '/draw', storage: RETURNING, heading: 'Drawing room' },
  { name: 'gallery', path: '/draw/gallery', storage: RETURNING, heading: 'Your drawings' },
  { name: 'talk', path: '/talk', storage: RETURNING, heading: 'Talk it through' },
  { name: 'summary', path: '/summary', storage: RETURNING, heading: 'Your summary' },
  { name: 'imagery', path: '/imagery', storage: RETURNING, heading: 'Kind imagery' },
  { name: 'letter', path: '/letter', storage: RETURNING, heading: 'A kind letter to yourself' },
  { name: 'circles', path: '/circles', storage: RETURNING, heading: 'Three circles' },
  { name: 'break', path: '/break', storage: RETURNING, heading: 'Self-compassion break' },
  { name: 'not-found', path: '/no-such-page', storage: RETURNING, heading: "We can't find that page" },
];

const { browser: sharedInstance } = sharedBrowser();

for (const route of ROUTES) {
  for (const viewport of ['phone', 'desktop']) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${route.name} at ${viewport} width in ${colorScheme} is accessible and clean`, async () => {
        const page = await newPage(sharedInstance(), { viewport, colorScheme, storage: route.storage });
        try {
          await page.goto(`${BASE_URL}${route.path}`);
          // The app's page, not the plain one /help shows before the app has taken over.
          await heading(page, route.heading);
          assert.equal(await page.locator('h1').count(), 1, 'one h1 per screen');
          // Help is one tap away on every screen.
          await page.getByRole('link', { name: 'Help now' }).first().waitFor();
          await checkA11y(page, `${route.name} (${viewport}, ${colorScheme})`);
          await screenshot(page, `${route.name}-${viewport}-${colorScheme}`);
          assertClean(page);
        } finally {
          await page.context().close();
        }
      });
    }
  }
}

for (const band of ['12-14', '18+']) {
  test(`home for the ${band} band is accessible and has its own line of the day`, async () => {
    const page = await newPage(sharedInstance(), { viewport: 'phone', storage: settings({ band }) });
    try {
      await page.goto(`${BASE_URL}/`);
      await page.getByRole('heading', { level: 1, name: 'Good to see you' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.band), band);
      assert.ok((await page.locator('.hello__line').innerText()).length > 10);
      await checkA11y(page, `home (${band})`);
      await screenshot(page, `home-phone-band-${band.replace('+', 'plus')}`);
      assertClean(page);
    } finally {
      await page.context().close();
    }
  });
}

test('every route fits a 320 px screen and 200% zoom without sideways scrolling', async () => {
  const page = await newPage(sharedInstance(), { viewport: 'phone', storage: RETURNING });
  try {
    for (const size of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
      await page.setViewportSize(size);
      for (const route of ROUTES.filter((r) => r.name !== 'welcome')) {
        await page.goto(`${BASE_URL}${route.path}`);
        await page.getByRole('heading', { level: 1, name: route.heading }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${route.path} at ${size.width}px scrolls sideways by ${overflow}px`);
      }
    }
    // 640×400 CSS px is what a 1280×800 screen shows at 200% zoom.
    await page.goto(`${BASE_URL}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await screenshot(page, 'settings-zoom-200');
    assertClean(page);
  } finally {
    await page.context().close();
  }
});

// Smoke test: the release build loads cleanly, and the harness itself notices
// the problems it is meant to catch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launchBrowser, newPage, assertClean, problems, requests, screenshot } from './harness.mjs';

const SETTINGS = JSON.stringify({ v: 1, data: { band: '15-17' } });

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the app loads with a clean console and no foreign requests', async () => {
  const page = await newPage(browser, { viewport: 'phone' });
  try {
    await page.goto(`${BASE_URL}/`, { waitUntil: 'networkidle' });
    assert.match(await page.title(), /Tend/);
    const wasm = requests(page).filter((u) => u.endsWith('.wasm'));
    assert.ok(wasm.length > 0, `expected the wasm to load; requests: ${requests(page).join(', ')}`);
    await screenshot(page, 'smoke-first-visit-phone');
    assertClean(page);
  } finally {
    await page.context().close();
  }
});

test('seeded storage is written once: a reload keeps what the page changed', async () => {
  const page = await newPage(browser, { viewport: 'desktop', storage: { 'tend.settings': SETTINGS } });
  try {
    await page.goto(`${BASE_URL}/about`, { waitUntil: 'networkidle' });
    assert.equal(await page.evaluate(() => localStorage.getItem('tend.settings')), SETTINGS);
    await page.evaluate(() => localStorage.setItem('tend.e2e-probe', 'kept'));
    await page.evaluate(() => localStorage.removeItem('tend.settings'));
    await page.reload({ waitUntil: 'networkidle' });
    assert.equal(await page.evaluate(() => localStorage.getItem('tend.e2e-probe')), 'kept');
    const after = await page.evaluate(() => localStorage.getItem('tend.settings'));
    assert.notEqual(after, SETTINGS, 'the reload must not seed tend.settings again');
    assertClean(page);
  } finally {
    await page.context().close();
  }
});

test('each page has its own storage', async () => {
  const seeded = await newPage(browser, { storage: { 'tend.settings': SETTINGS } });
  const fresh = await newPage(browser);
  try {
    await seeded.goto(`${BASE_URL}/about`);
    await fresh.goto(`${BASE_URL}/about`);
    assert.equal(await seeded.evaluate(() => localStorage.getItem('tend.settings')), SETTINGS);
    assert.notEqual(await fresh.evaluate(() => localStorage.getItem('tend.settings')), SETTINGS);
  } finally {
    await seeded.context().close();
    await fresh.context().close();
  }
});

test('the harness records console errors, panics, page errors and foreign requests', async () => {
  const page = await newPage(browser, { viewport: 'desktop' });
  try {
    await page.goto(`${BASE_URL}/about`, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      console.error('e2e probe: console error');
      console.log('e2e probe: thread main panicked at src/lib.rs');
      setTimeout(() => {
        throw new Error('e2e probe: uncaught');
      });
      // Blocked by the CSP (a violation) or, without one, a request to another origin.
      fetch('http://192.0.2.1/probe').catch(() => {});
    });
    const expected = [
      /console error: e2e probe: console error/,
      /panic \(console\.log\): e2e probe/,
      /page error: .*e2e probe: uncaught/,
      /CSP violation: connect-src|foreign request: GET http:\/\/192\.0\.2\.1/,
    ];
    const missing = () => expected.filter((re) => !re.test(problems(page).join('\n')));
    const deadline = Date.now() + 5000;
    while (missing().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(missing(), [], `recorded:\n${problems(page).join('\n')}`);
    assert.throws(() => assertClean(page), /problem\(s\)/);
    assert.doesNotThrow(() => assertClean(page, { ignore: [/e2e probe|192\.0\.2\.1|connect-src/] }));
  } finally {
    await page.context().close();
  }
});

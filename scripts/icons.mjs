// Renders Tend's PNG icons from public/icon.svg, once, with the system Chromium. The
// PNGs are committed (public/icons/); run this again only when icon.svg changes:
//
//   node scripts/icons.mjs
//
// - icon-192.png, icon-512.png: the icon as drawn, rounded corners and all ("any").
// - maskable-512.png: the green fills the whole square and the sprout sits inside the
//   middle 80% circle, so a launcher may cut any shape from it ("maskable").
// - apple-touch-icon.png (180): a full square too (iPhone rounds its corners itself
//   and shows black where an icon is see-through).
import { readFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(root, 'public/icon.svg'), 'utf8');
const out = path.join(root, 'public/icons');

// icon.svg is one rounded square (the background) and the sprout drawn over it.
const match = svg.match(/^(<svg[^>]*>)(<rect [^>]*fill="(#[0-9A-Fa-f]{6})"\/>)(.*)<\/svg>\s*$/s);
if (!match) throw new Error('public/icon.svg no longer starts with its background <rect>: update scripts/icons.mjs');
const [, open, , green, sprout] = match;

/** The sprout on a full green square, scaled about the centre. */
const fullBleed = (scale) =>
  `${open}<rect width="64" height="64" fill="${green}"/>` +
  `<g transform="translate(32 32) scale(${scale}) translate(-32 -32)">${sprout}</g></svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, svg },
  { file: 'icon-512.png', size: 512, svg },
  // The sprout reaches about 34 units from the centre; the safe circle's radius is 40%
  // of the side (25.6 units), so 0.7 keeps all of it inside.
  { file: 'maskable-512.png', size: 512, svg: fullBleed(0.7) },
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(0.82) },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    const sized = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    await page.screenshot({ path: path.join(out, icon.file), omitBackground: true });
    await page.close();
    console.log(`icons: public/icons/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}

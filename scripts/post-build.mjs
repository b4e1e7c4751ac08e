// Runs after each Trunk build, inside $TRUNK_STAGING_DIR (Trunk.toml [[hooks]]):
// 1. minifies the JS glue with esbuild (Trunk 0.21's own minifier fails on it), and
//    joins the stylesheets (one per feature in style/) into one minified file;
// 2. puts the sha256 of Trunk's inline start-up script into the Content-Security-Policy,
//    so the policy needs no 'unsafe-inline' (a hash, unlike a fixed nonce, protects);
// 3. writes help.html and family.html: this page with Help now (or the family section's
//    first page) in place of the placeholder, from the same sources as the app
//    (src/bin/pages.rs), for /help and /family with no script at all; and writes the
//    welcome's top into index.html, for a first visit to see before any WebAssembly;
// 4. writes sw.js, the service worker that keeps every file of this build for offline use,
//    and names the build's version in each page (<meta name="tend-version">).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { LOADER, packSections } from './packs.mjs';
import { serviceWorker } from './service-worker.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
const repo = process.env.TRUNK_SOURCE_DIR || process.cwd();
// The pages of plain HTML are made by a native build of src/bin/pages.rs, without the
// wasm build's standard-library settings.
const nativeEnv = { ...process.env };
for (const k of Object.keys(nativeEnv)) if (k.startsWith('CARGO_UNSTABLE_') || k === 'RUSTC_BOOTSTRAP') delete nativeEnv[k];

/** Every file under `root`, as paths relative to it with `/` between folders, sorted. */
const filesUnder = (root) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();

// The WebAssembly and its JS, built by scripts/wasm.mjs (the pre_build hook), go into a
// folder named by their content: the loader fetches sections relative to itself, so a
// page started on one build only ever loads that build's sections, and a new build never
// overwrites the files an open page may still ask for.
const wasmOut = join(repo, 'target', 'tend-wasm', process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug');
if (!existsSync(join(wasmOut, 'tend.js'))) throw new Error(`post-build: ${wasmOut}/tend.js is missing (scripts/wasm.mjs runs first)`);
// wasm-bindgen's glue names the sections' loader once per function it imports (the same
// module each time, so the repeated key is harmless).
const quiet = { 'duplicate-object-key': 'silent' };
const minify = (path) => {
  const { code } = transformSync(readFileSync(path, 'utf8'), { minify: true, format: 'esm', logLevel: 'warning', logOverride: quiet });
  writeFileSync(path, code);
};
const wasmFiles = filesUnder(wasmOut);
const build = createHash('sha256');
for (const f of wasmFiles) build.update(f).update(readFileSync(join(wasmOut, f)));
const buildDir = `build-${build.digest('hex').slice(0, 16)}`;
cpSync(wasmOut, join(dir, buildDir), { recursive: true });
// Each section with the chunks it needs in one file (release; a debug build has none).
const packs = existsSync(join(dir, buildDir, '__wasm_split.js')) ? await packSections(join(dir, buildDir)) : [];
for (const f of readdirSync(join(dir, buildDir)).filter((f) => f.endsWith('.js'))) minify(join(dir, buildDir, f));
for (const name of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'sw.js')) minify(join(dir, name));

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
// A first visit's static page: the welcome's top (what Tend is, in three lines), shown by
// public/boot.js only where the app will show the welcome, from the same source as the
// app's (src/ui/welcome.rs).
// Each is checked for what it must hold.
const pageHtml = (name, mustHave) => {
  const body = execFileSync('cargo', ['run', '--quiet', '--locked', '--offline', '--bin', 'pages', name], { env: nativeEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (!body.includes(mustHave)) throw new Error(`post-build: the page "${name}" lacks ${mustHave}`);
  return body;
};
const WELCOME = /<!-- WELCOME:[^>]*-->/;
if (!WELCOME.test(html)) throw new Error('post-build: the WELCOME placeholder is missing from index.html');
// Anyone else never has it in the page: the script just after it takes it out as soon as
// it is parsed, before anything is painted (with no script at all, it stays hidden).
const notFirstVisit = "document.documentElement.classList.contains('first-visit') || document.currentScript.previousElementSibling.remove();";
html = html.replace(WELCOME, () => `${pageHtml('welcome', '<h1>Hi, welcome to Tend</h1>')}<script>${notFirstVisit}</script>`);

// Start the app (in place of Trunk's rel="rust" start-up), and fetch its two first files
// at once. The sections (pack_*.bin: each section with the chunks it needs) and their
// loader are not fetched here: each arrives when first opened, or earlier: the service
// worker fetches every file of the build to keep it for offline use (away from the page,
// once the page has loaded), and where there is no worker (none in this browser, or
// blocked) the page fetches them itself when the browser is idle (below, one file each
// time it is idle: asking for them all at once was a task long enough to delay a tap).
// Fetching them from both was the same bytes twice and a page busy for 10 to 20 ms at
// each file.
const sections = packs.length ? [LOADER, ...packs] : [];
const boot = `const bindings = await import('/${buildDir}/tend.js');
const wasm = await bindings.default({ module_or_path: '/${buildDir}/tend_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
const later = window.requestIdleCallback || ((f) => setTimeout(f, 2000));
const ahead = ${JSON.stringify(sections)};
const worker = () => (navigator.serviceWorker ? navigator.serviceWorker.getRegistration().then(Boolean, () => false) : Promise.resolve(false));
const next = () => worker().then((kept) => { const f = !kept && ahead.shift(); if (f) { fetch('/${buildDir}/' + f).catch(() => {}); later(next); } });
later(next);`;
// The app's pages start once the static page has painted (the browser's first-paint
// entry; a second at most where there is none, as in a tab opened out of sight): its
// files are asked for then, not with the page, so the first paint (the top bar, Help
// now, and for a first visit what Tend is) shares the line with nothing, and what a
// visitor reads first never waits on the WebAssembly.
const start = `await new Promise((done) => {
  setTimeout(done, 1000);
  try {
    new PerformanceObserver((list, seen) => {
      if (list.getEntriesByName('first-contentful-paint').length) { seen.disconnect(); done(); }
    }).observe({ type: 'paint', buffered: true });
  } catch { done(); }
});
${boot}`;
// help.html is whole without it: the app (which then shows the person's own region
// first) starts once the page has loaded and the browser is idle, so the help arrives
// and paints with nothing else on the line.
const startLater = `await new Promise((done) => (document.readyState === 'complete' ? done() : addEventListener('load', done, { once: true })));
await new Promise((done) => (window.requestIdleCallback || ((f) => setTimeout(f, 1)))(done));
${boot}`;
if (!html.includes('</head>')) throw new Error('post-build: index.html has no </head>');
const withStart = (page, script) => page.replace('</head>', `<script type="module">${script}</script>\n</head>`);
// The page before any start-up script: the pages of their own are made from it below.
let plain = html;
html = withStart(html, start);

// One request and one compression window for all CSS, in the order index.html lists it.
const cssLinks = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+\.css)"\/?>\s*/g)];
if (cssLinks.length > 1) {
  const css = cssLinks.map((m) => readFileSync(join(dir, m[1]), 'utf8')).join('\n');
  const { code } = transformSync(css, { loader: 'css', minify: true, logLevel: 'warning' });
  const name = `app-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(dir, name), code);
  for (const m of cssLinks) rmSync(join(dir, m[1]));
  for (const m of cssLinks) {
    const link = m === cssLinks[0] ? `<link rel="stylesheet" href="/${name}">\n  ` : '';
    html = html.replace(m[0], link);
    plain = plain.replace(m[0], link);
  }
}
// The version each page belongs to (filled in below, once every file is written): the
// page tells the service worker which files it still needs by it (src/platform/offline.rs).
const VERSION_META = '<meta name="tend-version" content="">';
const withVersion = (page) => page.replace('</head>', `${VERSION_META}\n</head>`);
html = withVersion(html);
// One policy for every page (a host may send it as a header for all of them): the hashes
// of both pages' inline start-up scripts.
const ownShell = withVersion(withStart(plain, startLater));
const inlineScripts = (page) => [...page.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const scripts = [...new Set([...inlineScripts(html), ...inlineScripts(ownShell)])];
if (scripts.length < 3) throw new Error('post-build: the inline scripts were not found');
const hashes = scripts.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`).join(' ');
const withHashes = (page, what) => {
  if (!page.includes("'sha256-START'")) throw new Error(`post-build: CSP placeholder 'sha256-START' missing in ${what}`);
  return page.replace("'sha256-START'", hashes);
};
writeFileSync(indexPath, withHashes(html, 'index.html'));

// Pages of their own, painted before any WebAssembly and working with no script: this
// page with the page's own HTML in place of the placeholder, rendered by src/bin/pages.rs
// from the same sources as the app. Help now has every region's lines as plain links;
// /family is the family section's first page, for a parent arriving from a link. Each
// still starts the app where it can (Help then shows the person's own region first;
// the family page gains the parent's own marks), and the app keeps the page in view
// until its own page is ready (src/platform/dom.rs, remove_static_page). Built natively:
// the wasm build's standard-library settings are not for it (nativeEnv, above).
const main = /<!-- BOOT-MAIN -->[\s\S]*<!-- \/BOOT-MAIN -->/;
if (!main.test(html)) throw new Error('post-build: the BOOT-MAIN placeholder is missing from index.html');
const ownPages = [
  { name: 'help', title: 'Help now · Tend', current: true, mustHave: 'tel:' },
  { name: 'family', title: 'For families · Tend', current: false, mustHave: '<h1>For parents and carers</h1>' },
];
for (const { name, title, current, mustHave } of ownPages) {
  const body = pageHtml(name, mustHave);
  let page = withHashes(ownShell, `${name}.html`)
    .replace(main, () => body)
    .replace('<title>Tend</title>', `<title>${title}</title>`);
  if (current) page = page.replace('class="help-button" href="/help"', 'class="help-button" href="/help" aria-current="page"');
  writeFileSync(join(dir, `${name}.html`), page);
}

const files = filesUnder(dir).filter((f) => f !== 'sw.js');
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
for (const page of ['index.html', ...ownPages.map((p) => `${p.name}.html`)]) {
  const path = join(dir, page);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(VERSION_META)) throw new Error(`post-build: ${page} has no version <meta>`);
  writeFileSync(path, text.replace(VERSION_META, `<meta name="tend-version" content="${version}">`));
}
const sw = serviceWorker(version, ['/', ...files.map((f) => `/${f}`)]);
new Function(sw); // parses only: a service worker that does not parse would never install
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`post-build: ${scripts.length} start-up script hashes in the CSP; sw.js keeps ${files.length} files as version ${version}`);

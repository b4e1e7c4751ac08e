// The service worker's source for one build (scripts/post-build.mjs writes it as sw.js):
// `version` names the build, `files` are the paths it keeps for offline use.
//
// Every version keeps its files in a cache of its own, `tend-<version>`. A page holds its
// version's cache name as a shared Web Lock for as long as it is open
// (src/platform/offline.rs), so a newer version's worker keeps those files, and serves
// them, until no open page runs that version: a page open when a new version arrives
// still opens a section it had not opened before. Updates never wait on the worker (it
// takes over at once); the page offers to load the new version when nothing is in
// progress (src/ui/update.rs).
export const serviceWorker = (version, files) => `// Generated at build time by scripts/post-build.mjs.
const VERSION = '${version}';
const CACHE = 'tend-' + VERSION;
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(self.clients.claim().then(tidy));
});
// A page asks which version has taken over: a different one from its own is ready.
self.addEventListener('message', (e) => {
  if (e.data && e.data.tend === 'version?' && e.source) e.source.postMessage({ tend: 'version', version: VERSION });
  e.waitUntil(tidy());
});
// Deletes the caches of older versions that no open page runs. Caches made after this
// version's own belong to newer versions (keys() lists them in the order they were
// made) and are never touched: one may be filling as this runs.
async function tidy() {
  const names = (await caches.keys()).filter((k) => k.startsWith('tend-'));
  const own = names.indexOf(CACHE);
  if (own < 0) return;
  const older = names.slice(0, own);
  if (older.length === 0) return;
  let inUse;
  if (self.navigator.locks) {
    const { held = [], pending = [] } = await self.navigator.locks.query();
    inUse = new Set([...held, ...pending].map((l) => l.name));
  } else {
    // No Web Locks in this browser: keep the version before this one, for a page that
    // may still be open on it.
    inUse = new Set(older.slice(-1));
  }
  await Promise.all(older.filter((k) => !inUse.has(k)).map((k) => caches.delete(k)));
}
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  // Pages: the network first, so a new version arrives; offline, this version's kept
  // page of its own (/help -> help.html) or else the app shell.
  if (req.mode === 'navigate') {
    const own = new URL(req.url).pathname.replace(/\\/+$/, '') + '.html';
    e.respondWith(fetch(req).catch(() => caches.match(own, { cacheName: CACHE })
      .then((hit) => hit || caches.match('/index.html', { cacheName: CACHE }))));
    e.waitUntil(tidy());
    return;
  }
  // Files: this version's copy first; then any kept version's, for a page still running
  // an older one (its files are named by their content, so a kept copy is always right).
  e.respondWith(caches.match(req, { cacheName: CACHE })
    .then((hit) => hit || caches.match(req))
    .then((hit) => hit || fetch(req)));
});
`;

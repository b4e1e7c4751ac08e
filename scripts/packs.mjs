// One request per section: the splitter (scripts/wasm.mjs) writes each section as
// split_<section>.wasm plus the chunks of code it shares with other sections
// (chunk_<n>.wasm, often dozens, many under 1 KB). Over a slow connection each file costs a
// round trip, so a section took as long as 50 small requests. This joins each section's
// module and every chunk it needs into pack_<section>.bin (one download, one compression
// window) and changes the splitter's loader (__wasm_split.js) to read modules from the
// pack of the section being opened. A chunk that an earlier section already brought is
// used as it is (the loader keeps each module once); its bytes in a later pack are not
// used again.
//
// The loader itself (about 5 KB brotli: every chunk's place in every pack) is needed only
// when a section first opens, so it moves to split-loader.js, and __wasm_split.js (which
// the app's JS glue imports at start) becomes a few lines that import it then.
//
// packSections(dir): writes dir/split-loader.js and a small dir/__wasm_split.js in place of
// the splitter's loader, writes dir/pack_<section>.bin, removes the split_*.wasm and
// chunk_*.wasm files, and returns the pack file names.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// One module's loader in __wasm_split.js, as the splitter writes it:
//   const __chunk_3 = makeLoad(() => {            (or: export const __wasm_split_load_<s> = wrapAsyncCb(makeLoad(() => {)
//       const src = fetch(new URL("./chunk_3.wasm", import.meta.url));
//       ...
//   }
//   , [__chunk_1, __chunk_2]);
const MODULE = /(?:export const __wasm_split_load_(\w+) = wrapAsyncCb\(|const (__chunk_\d+) = )makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\);[\s\S]*?\n\}\n, \[([^\]]*)\]\)/g;

export function packSections(dir) {
  const loaderPath = join(dir, '__wasm_split.js');
  let loader = readFileSync(loaderPath, 'utf8');
  const chunks = new Map(); // __chunk_n -> { file, deps }
  const sections = new Map(); // section -> { file, deps }
  for (const m of loader.matchAll(MODULE)) {
    const [, section, chunk, file, list] = m;
    const deps = list.split(',').map((d) => d.trim()).filter(Boolean);
    (section ? sections : chunks).set(section ?? chunk, { file, deps });
  }
  if (sections.size === 0) throw new Error('packs: no section loaders found in __wasm_split.js');
  if (sections.has('shared')) throw new Error('packs: a section is named "shared", as the shared pack is');
  const files = (deps, seen = new Set()) => {
    for (const d of deps) {
      const chunk = chunks.get(d);
      if (!chunk) throw new Error(`packs: __wasm_split.js names ${d}, which it does not define`);
      if (!seen.has(chunk.file)) {
        seen.add(chunk.file);
        files(chunk.deps, seen);
      }
    }
    return seen;
  };
  // Code the first minute's sections (the rest of Home) share with other sections goes in
  // a pack of its own, pack_shared.bin: Home asks for it at every start, so a section
  // opened from Home then brings only what is its own, instead of those chunks again in
  // its own pack. A section opened first (a link to /breathe) fetches both, at once.
  const closure = (section) => [...files(sections.get(section).deps)].sort();
  const shared = new Set();
  const first = FIRST_MINUTE.filter((s) => sections.has(s));
  const others = new Set([...sections.keys()].filter((s) => !first.includes(s)).flatMap(closure));
  for (const f of first.flatMap(closure)) if (others.has(f)) shared.add(f);
  const chunkNumber = (f) => {
    const n = /^chunk_(\d+)\.wasm$/.exec(f)?.[1];
    if (!n) throw new Error(`packs: ${f} is not named as a chunk`);
    return n;
  };
  // Where each module sits in a pack, told compactly (the loader is in the first download
  // when a section opens): each chunk's length once, by its number; for each section the
  // length of its own module (split_<section>.wasm, first in its pack), the numbers of the
  // chunks that follow it, in order, and whether it needs the shared pack; and the numbers
  // of the shared pack's chunks. The loader works out the offsets.
  const manifest = {};
  const lengths = {};
  const packs = [];
  const packed = new Set();
  const write = (name, moduleFiles) => {
    writeFileSync(join(dir, name), Buffer.concat(moduleFiles.map((f) => readFileSync(join(dir, f)))));
    for (const f of moduleFiles) packed.add(f);
    packs.push(name);
  };
  const size = (f) => statSync(join(dir, f)).size;
  for (const f of shared) lengths[chunkNumber(f)] = size(f);
  const sharedList = [...shared].map((f) => Number(chunkNumber(f)));
  if (shared.size) write('pack_shared.bin', [...shared]);
  for (const [section, { file }] of sections) {
    if (file !== `split_${section}.wasm`) throw new Error(`packs: section ${section} is in ${file}`);
    const needed = closure(section);
    const own = needed.filter((f) => !shared.has(f));
    const list = [size(file)];
    for (const f of own) {
      const n = chunkNumber(f);
      lengths[n] = size(f);
      list.push(Number(n));
    }
    manifest[section] = [needed.length > own.length ? 1 : 0, ...list];
    write(`pack_${section}.bin`, [file, ...own]);
  }
  // Every module the loader fetches is in a pack, or the section that needs it could
  // never load.
  const fetched = [...loader.matchAll(/fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\)/g)].map((m) => m[1]);
  const missing = fetched.filter((f) => !packed.has(f));
  if (missing.length) throw new Error(`packs: ${missing.join(', ')} in no section's pack`);

  loader = loader
    .replace(/fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\)/g, (_, f) => `fetchPart(${JSON.stringify(f)})`)
    .replace(/export const __wasm_split_load_(\w+) = /g, (_, s) => `const __load_${s} = `);
  loader += `
// Added by scripts/packs.mjs: every module a section needs comes from its pack.
const CHUNKS = ${JSON.stringify(lengths)};
const PACKS = ${JSON.stringify(manifest)};
const SHARED = ${JSON.stringify(sharedList)};
let opening; // the section whose loading is starting (its loaders run synchronously)
const packs = new Map();
const parts = new Map();
// Each module a section needs, by file name, with its pack and [start, end] in it.
function partsOf(section) {
  let p = parts.get(section);
  if (!p) {
    const [usesShared, own, ...chunks] = PACKS[section];
    p = { ['split_' + section + '.wasm']: [section, 0, own] };
    let at = own;
    for (const n of chunks) p['chunk_' + n + '.wasm'] = [section, at, (at += CHUNKS[n])];
    if (usesShared) {
      at = 0;
      for (const n of SHARED) p['chunk_' + n + '.wasm'] = ['shared', at, (at += CHUNKS[n])];
    }
    parts.set(section, p);
  }
  return p;
}
function packOf(name) {
  let pack = packs.get(name);
  if (!pack) {
    pack = fetch(new URL('./pack_' + name + '.bin', import.meta.url)).then((r) => {
      if (!r.ok) throw new Error('pack_' + name + ': ' + r.status);
      return r.arrayBuffer();
    });
    // A failed download is tried again on the next opening ("Try again").
    pack.catch(() => packs.delete(name));
    packs.set(name, pack);
  }
  return pack;
}
// Each module is compiled in a task of its own: a section's dozen modules compiled one
// after another in one task kept the page from answering a tap all that time.
const nextTask = () => new Promise((done) => setTimeout(done));
function fetchPart(file) {
  const part = opening && partsOf(opening)[file];
  if (!part) return Promise.reject(new Error(file + ' is in no pack being opened'));
  return packOf(part[0]).then((b) => nextTask().then(() => new Response(b.slice(part[1], part[2]), { headers: { 'Content-Type': 'application/wasm' } })));
}
function opens(section, load) {
  return (...args) => {
    opening = section;
    try {
      return load(...args);
    } finally {
      opening = undefined;
    }
  };
}
${[...sections.keys()].map((s) => `export const __wasm_split_load_${s} = opens(${JSON.stringify(s)}, __load_${s});`).join('\n')}
`;
  writeFileSync(join(dir, LOADER), loader);
  writeFileSync(loaderPath, stub([...sections.keys()]));
  for (const f of packed) rmSync(join(dir, f));
  return packs;
}

/** The sections of the first minute, whose code shared with other sections has a pack of
 * its own (see packSections): the rest of Home. (The welcome is in the first download: a
 * first visit should not wait for a second file before it can start.) */
const FIRST_MINUTE = ['home'];

/** Where the loader goes (the JS glue imports __wasm_split.js, which imports it). */
export const LOADER = 'split-loader.js';

/** __wasm_split.js: each section's load function, importing the loader on first use. If
 * the loader does not arrive, the section is told it did not load (as the loader itself
 * tells it of a pack that did not arrive), and the next opening tries again, at an
 * address of its own, since a browser may keep a failed import's outcome. */
function stub(sections) {
  return `import { initSync } from './tend.js';
let loader;
let tries = 0;
const load = (name) => (callback, data) => {
  loader ??= import('./${LOADER}' + (tries ? '?' + tries : ''));
  loader.then((m) => m[name](callback, data), () => {
    loader = undefined;
    tries += 1;
    initSync(undefined, undefined).__indirect_function_table.get(callback)(data, false);
  });
};
${sections.map((s) => `export const __wasm_split_load_${s} = load('__wasm_split_load_${s}');`).join('\n')}
`;
}

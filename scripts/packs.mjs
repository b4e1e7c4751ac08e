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
// packSections(dir): rewrites dir/__wasm_split.js, writes dir/pack_<section>.bin, removes
// the split_*.wasm and chunk_*.wasm files, and returns the pack file names.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // Where each module sits in a pack, told compactly (the loader is in the first download):
  // each chunk's length once, by its number, and for each section the length of its own
  // module (split_<section>.wasm, first in its pack) and the numbers of the chunks that
  // follow it, in order. The loader works out the offsets.
  const manifest = {};
  const lengths = {};
  const packs = [];
  const packed = new Set();
  for (const [section, { file, deps }] of sections) {
    if (file !== `split_${section}.wasm`) throw new Error(`packs: section ${section} is in ${file}`);
    const chunkFiles = [...files(deps)].sort();
    const bytes = [readFileSync(join(dir, file))];
    const list = [bytes[0].length];
    for (const f of chunkFiles) {
      const n = /^chunk_(\d+)\.wasm$/.exec(f)?.[1];
      if (!n) throw new Error(`packs: ${f} is not named as a chunk`);
      const b = readFileSync(join(dir, f));
      lengths[n] = b.length;
      list.push(Number(n));
      bytes.push(b);
    }
    for (const f of [file, ...chunkFiles]) packed.add(f);
    const name = `pack_${section}.bin`;
    writeFileSync(join(dir, name), Buffer.concat(bytes));
    manifest[section] = list;
    packs.push(name);
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
let opening; // the section whose loading is starting (its loaders run synchronously)
const packs = new Map();
const parts = new Map();
// Each module of a section's pack, by file name, with its [start, end] in the pack.
function partsOf(section) {
  let p = parts.get(section);
  if (!p) {
    const [own, ...chunks] = PACKS[section];
    p = { ['split_' + section + '.wasm']: [0, own] };
    let at = own;
    for (const n of chunks) p['chunk_' + n + '.wasm'] = [at, (at += CHUNKS[n])];
    parts.set(section, p);
  }
  return p;
}
function packOf(section) {
  let pack = packs.get(section);
  if (!pack) {
    pack = fetch(new URL('./pack_' + section + '.bin', import.meta.url)).then((r) => {
      if (!r.ok) throw new Error('pack_' + section + ': ' + r.status);
      return r.arrayBuffer();
    });
    // A failed download is tried again on the next opening ("Try again").
    pack.catch(() => packs.delete(section));
    packs.set(section, pack);
  }
  return pack;
}
function fetchPart(file) {
  const part = opening && partsOf(opening)[file];
  if (!part) return Promise.reject(new Error(file + ' is in no pack being opened'));
  return packOf(opening).then((b) => new Response(b.slice(part[0], part[1]), { headers: { 'Content-Type': 'application/wasm' } }));
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
  writeFileSync(loaderPath, loader);
  for (const f of packed) rmSync(join(dir, f));
  return packs;
}

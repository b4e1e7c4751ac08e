// One request and one module per section: the splitter (scripts/wasm.mjs) writes each
// section as split_<section>.wasm plus the chunks of code it shares with other sections
// (chunk_<n>.wasm, often dozens, many under 1 KB). Over a slow connection each file costs a
// round trip, and in the browser each module costs a compile and an instantiation on the
// page's own thread: a section opened first (a link to /family) compiled over 80 modules
// while the page was starting. So each section's module and the chunks it needs are merged
// into one module (binaryen's wasm-merge), written as pack_<section>.bin, and the loader
// (split-loader.js, written here in place of the splitter's) compiles each pack's module
// away from the page's thread and instantiates it in a task of its own.
//
// A chunk that two sections use is then in both their modules, so opening the second one
// instantiates its code again: its functions take the same places in the shared function
// table, and its read-only data is written again with the same bytes. That is harmless
// only for a chunk that keeps no state of its own (no globals, no start function, no data
// but read-only data). A chunk that does, and that more than one pack holds, is not
// merged: it stays a module of its own, added after the merged one in each pack that
// needs it, and the loader instantiates it once, whichever pack brings it first. (One
// that a single pack holds, like a section's own module, is instantiated once anyway, and
// is merged.) The build stops if the splitter's modules are not as this expects (see
// `checked`).
//
// packSections(dir): writes dir/pack_<section>.bin (and pack_shared.bin), dir/split-loader.js,
// and a small dir/__wasm_split.js in place of the splitter's loader, removes the
// split_*.wasm and chunk_*.wasm files, and returns the pack file names.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// One module's loader in __wasm_split.js, as the splitter writes it:
//   const __chunk_3 = makeLoad(() => {            (or: export const __wasm_split_load_<s> = wrapAsyncCb(makeLoad(() => {)
//       const src = fetch(new URL("./chunk_3.wasm", import.meta.url));
//       ...
//   }
//   , [__chunk_1, __chunk_2]);
const MODULE = /(?:export const __wasm_split_load_(\w+) = wrapAsyncCb\(|const (__chunk_\d+) = )makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\);[\s\S]*?\n\}\n, \[([^\]]*)\]\)/g;

/** The import module every split module takes the app's memory, function table and stack
 * pointer from, as the splitter names it. */
const SPLIT_IMPORTS = '__wasm_split';
/** The same, in the merged modules: wasm-merge joins each module's imports to the exports of
 * the module named as the import module, so the merged ones import from a small hub module
 * (given that name) that re-exports them, and ask the loader for them under this name. */
const MERGED_IMPORTS = 'split_env';

/** The sections of the first minute, whose code shared with other sections has a pack of
 * its own (see packSections): the rest of Home. (The welcome is in the first download: a
 * first visit should not wait for a second file before it can start.) */
const FIRST_MINUTE = ['home'];

/** The list of split modules that keep state (JSON), written by scripts/wasm.mjs beside
 * them. */
export const STATE = 'split-state.json';

/** Where the loader goes (the JS glue imports __wasm_split.js, which imports it). */
export const LOADER = 'split-loader.js';

export async function packSections(dir) {
  const loaderPath = join(dir, '__wasm_split.js');
  const loader = readFileSync(loaderPath, 'utf8');
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
  // Every module the splitter's loader fetches is one of those found above, or a section
  // could need a module that is in no pack.
  const known = new Set([...sections.values(), ...chunks.values()].map((m) => m.file));
  const fetched = [...loader.matchAll(/fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\)/g)].map((m) => m[1]);
  const missing = fetched.filter((f) => !known.has(f));
  if (missing.length) throw new Error(`packs: __wasm_split.js fetches ${missing.join(', ')}, which packs.mjs did not read as a module`);

  // Code the first minute's sections (the rest of Home) share with other sections goes in
  // a pack of its own, pack_shared.bin: Home asks for it at every start, so a section
  // opened from Home then brings only what is its own, instead of those chunks again in
  // its own pack. A section opened first (a link to /breathe) fetches both, at once.
  const closure = (section) => [...files(sections.get(section).deps)].sort();
  const shared = new Set();
  const first = FIRST_MINUTE.filter((s) => sections.has(s));
  const others = new Set([...sections.keys()].filter((s) => !first.includes(s)).flatMap(closure));
  for (const f of first.flatMap(closure)) if (others.has(f)) shared.add(f);

  // Which modules keep state: scripts/wasm.mjs read it from the splitter's output, where
  // the data segments still have their names (wasm-opt joins segments and drops them).
  const statePath = join(dir, STATE);
  if (!existsSync(statePath)) throw new Error(`packs: ${STATE} is missing (scripts/wasm.mjs writes it)`);
  const keepsState = new Set(JSON.parse(readFileSync(statePath, 'utf8')));
  rmSync(statePath);
  const modules = [...known].map((f) => ({ file: f, ...checked(join(dir, f)) }));
  const limits = { memory: Math.max(...modules.map((m) => m.memory)), table: Math.max(...modules.map((m) => m.table)) };
  const hub = join(dir, 'split-hub.wasm');
  await assemble(hub, limits);

  // Each pack: one merged module, then the chunks that keep state, each as it is.
  // PACKS[name] = [needs the shared pack (0/1), length of the merged module, numbers of the
  // chunks that follow it]; CHUNKS[n] = length of chunk n. The loader works out offsets.
  const chunkNumber = (f) => {
    const n = /^chunk_(\d+)\.wasm$/.exec(f)?.[1];
    if (!n) throw new Error(`packs: ${f} is not named as a chunk (a section's own module cannot keep state apart from it)`);
    return Number(n);
  };
  const plans = [];
  if (shared.size) plans.push({ name: 'shared', usesShared: false, list: [...shared] });
  for (const [section, { file }] of sections) {
    if (file !== `split_${section}.wasm`) throw new Error(`packs: section ${section} is in ${file}`);
    const needed = closure(section);
    const own = needed.filter((f) => !shared.has(f));
    plans.push({ name: section, usesShared: own.length < needed.length, list: [file, ...own] });
  }
  // A chunk that keeps state and is in more than one pack stays apart (above).
  const packsWith = new Map();
  for (const plan of plans) for (const f of plan.list) packsWith.set(f, (packsWith.get(f) ?? 0) + 1);
  const apartFrom = (list) => list.filter((f) => keepsState.has(f) && packsWith.get(f) > 1);
  const lengths = {};
  const queue = [...plans];
  await Promise.all(Array.from({ length: 3 }, async () => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) {
      const merged = join(dir, `merged_${plan.name}.wasm`);
      const apart = apartFrom(plan.list);
      const together = plan.list.filter((f) => !apart.includes(f));
      const args = [hub, SPLIT_IMPORTS, ...together.flatMap((f) => [join(dir, f), f]), '-o', merged, ...WASM_FEATURES];
      await run('wasm-merge', args);
      const bytes = [readFileSync(merged), ...apart.map((f) => readFileSync(join(dir, f)))];
      writeFileSync(join(dir, `pack_${plan.name}.bin`), Buffer.concat(bytes));
      rmSync(merged);
      apart.forEach((f, i) => (lengths[chunkNumber(f)] = bytes[i + 1].length));
      plan.entry = [plan.usesShared ? 1 : 0, bytes[0].length, ...apart.map(chunkNumber)];
    }
  }));
  rmSync(hub);
  // In the plans' order, not the order the merges happened to finish in: the same build
  // writes the same loader.
  const manifest = Object.fromEntries(plans.map((p) => [p.name, p.entry]));

  writeFileSync(join(dir, LOADER), loaderSource(manifest, lengths, [...sections.keys()]));
  writeFileSync(loaderPath, stub([...sections.keys()]));
  for (const f of known) rmSync(join(dir, f));
  return plans.map((p) => `pack_${p.name}.bin`);
}

/** The features the Rust toolchain's wasm target turns on by default, as binaryen's tools
 * (wasm-opt in scripts/wasm.mjs, wasm-merge and wasm-as here) take them: the chunks carry
 * no target_features section for them to read. */
export const WASM_FEATURES = ['bulk-memory', 'sign-ext', 'mutable-globals', 'nontrapping-float-to-int', 'reference-types', 'multivalue']
  .map((f) => `--enable-${f}`);

/** The hub: imports what the split modules import and exports it under the same names. */
async function assemble(path, { memory, table }) {
  const wat = `(module
 (import "${MERGED_IMPORTS}" "memory" (memory $m ${memory}))
 (import "${MERGED_IMPORTS}" "__indirect_function_table" (table $t ${table} funcref))
 (import "${MERGED_IMPORTS}" "__wasm_split_shared0" (global $g (mut i32)))
 (export "memory" (memory $m))
 (export "__indirect_function_table" (table $t))
 (export "__wasm_split_shared0" (global $g)))`;
  writeFileSync(`${path}.wat`, wat);
  await run('wasm-as', [`${path}.wat`, '-o', path, ...WASM_FEATURES]);
  rmSync(`${path}.wat`);
}

/** Reads a split module's sections: what it imports (only the app's memory, table and stack
 * pointer, from `__wasm_split`, is expected; anything else stops the build), and whether it
 * keeps state of its own: a global, a start function, or a data segment that is not
 * read-only (by its name, `.rodata…`, so only as the splitter writes it: an unnamed
 * segment counts as keeping state). */
export function checked(path) {
  const b = readFileSync(path);
  let at = 8;
  const u32 = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const byte = b[at++];
      n += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return n;
    }
  };
  const name = () => {
    const len = u32();
    const s = b.toString('utf8', at, at + len);
    at += len;
    return s;
  };
  const limits = () => {
    const flags = u32();
    const min = u32();
    if (flags & 1) u32();
    return min;
  };
  const fail = (why) => {
    throw new Error(`packs: ${path}: ${why}`);
  };
  if (b.readUInt32LE(0) !== 0x6d736100) fail('not a wasm module');
  let memory = 0;
  let table = 0;
  let keepsState = false;
  const segments = []; // [index, non-empty]
  const names = new Map(); // data segment index -> name
  while (at < b.length) {
    const id = b[at++];
    const size = u32();
    const end = at + size;
    if (id === 0) {
      const custom = name();
      if (custom === 'name') {
        while (at < end) {
          const sub = b[at++];
          const subEnd = u32() + at;
          if (sub === 9) {
            for (let n = u32(); n > 0; n--) {
              const index = u32();
              names.set(index, name());
            }
          }
          at = subEnd;
        }
      }
    } else if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        const from = name();
        const field = name();
        const kind = b[at++];
        if (from !== SPLIT_IMPORTS) fail(`imports ${from}.${field}, not from ${SPLIT_IMPORTS}`);
        if (kind === 1) {
          at++; // element type
          table = limits();
        } else if (kind === 2) {
          memory = limits();
        } else if (kind === 3) {
          at += 2; // value type, mutability
        } else {
          fail(`imports a function (${field}), which the loader does not give`);
        }
      }
    } else if (id === 6 || id === 8) {
      keepsState = true; // globals of its own, or a start function
    } else if (id === 11) {
      for (let n = u32(), i = 0; i < n; i++) {
        const flags = u32();
        if (flags === 2) u32(); // memory index
        if (flags !== 1) {
          // the offset: a constant expression, to its end
          while (b[at] !== 0x0b) {
            const op = b[at++];
            if (op === 0x41 || op === 0x23) u32();
            else fail(`a data segment's offset uses opcode ${op}`);
          }
          at++;
        }
        const len = u32();
        at += len;
        segments.push([i, len > 0]);
      }
    }
    at = end;
  }
  for (const [i, nonEmpty] of segments) if (nonEmpty && !names.get(i)?.startsWith('.rodata')) keepsState = true;
  if (!memory) fail('imports no memory');
  return { memory, table, keepsState };
}

/** split-loader.js: each section's load function. A pack is fetched once (again after a
 * failure); each module in it is compiled away from the page's thread and instantiated in
 * a task of its own; a chunk that keeps state is instantiated once, from whichever pack
 * brings it first. The callback is the splitter's: the app is told whether it loaded. */
function loaderSource(manifest, lengths, sectionNames) {
  return `import { initSync } from './tend.js';
const PACKS = ${JSON.stringify(manifest)};
const CHUNKS = ${JSON.stringify(lengths)};
let imports;
function importsOf() {
  if (!imports) {
    const { memory, __indirect_function_table, __wasm_split_shared0 } = initSync(undefined, undefined);
    const env = { memory, __indirect_function_table, __wasm_split_shared0 };
    imports = { ${SPLIT_IMPORTS}: env, ${MERGED_IMPORTS}: env };
  }
  return imports;
}
const packs = new Map();
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
const nextTask = () => new Promise((done) => setTimeout(done));
const ready = new Map();
function instantiate(key, pack, start, end) {
  let module = ready.get(key);
  if (!module) {
    module = packOf(pack)
      .then((b) => WebAssembly.compile(b.slice(start, end)))
      .then((m) => nextTask().then(() => WebAssembly.instantiate(m, importsOf())));
    module.catch(() => ready.delete(key));
    ready.set(key, module);
  }
  return module;
}
function modulesOf(name) {
  const [usesShared, length, ...apart] = PACKS[name];
  const all = [instantiate('pack ' + name, name, 0, length)];
  let at = length;
  for (const n of apart) all.push(instantiate('chunk ' + n, name, at, (at += CHUNKS[n])));
  return usesShared ? all.concat(modulesOf('shared')) : all;
}
function opens(name) {
  return (callback, data) => {
    Promise.all(modulesOf(name)).then(
      () => true,
      (e) => {
        console.error(e);
        return false;
      },
    ).then((loaded) => importsOf().${SPLIT_IMPORTS}.__indirect_function_table.get(callback)(data, loaded));
  };
}
${sectionNames.map((s) => `export const __wasm_split_load_${s} = opens(${JSON.stringify(s)});`).join('\n')}
`;
}

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

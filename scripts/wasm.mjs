// Builds Tend's WebAssembly and its JS glue into target/tend-wasm/<profile>/, before
// each Trunk build (Trunk.toml [[hooks]], stage pre_build); scripts/post-build.mjs then
// puts that folder into the site. Trunk keeps the HTML, CSS, copied files and hooks.
//
// Release (`trunk build --release`, what scripts/build runs): each section in a file of
// its own, loaded when it is first opened (src/ui/section.rs):
//   1. cargo build --release --features split, linked with relocations
//      (-Clink-args=--emit-relocs: the splitter needs them to move code);
//   2. wasm-split-cli: a main wasm, split_<section>.wasm per section, chunk_<n>.wasm for
//      code two sections share, and the loader __wasm_split.js;
//   3. wasm-bindgen on the main wasm only, keeping the exports the sections link to
//      (--keep-lld-exports);
//   4. wasm-opt on every .wasm (never before splitting: it drops the relocations);
//   5. short names for the main wasm's imports from the glue (scripts/imports.mjs).
// Debug (`trunk serve`): one wasm, as before, with no splitting and no wasm-opt.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { shortenImports } from './imports.mjs';
import { checked, STATE, WASM_FEATURES } from './packs.mjs';

const repo = process.env.TRUNK_SOURCE_DIR || process.cwd();
const release = process.env.TRUNK_PROFILE === 'release';
const profile = release ? 'release' : 'debug';
const outDir = join(repo, 'target', 'tend-wasm', profile);
const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { cwd: repo, env, stdio: 'inherit' });

// The wasm target's flags: those scripts/build sets (the standard library's release
// options), else .cargo/config.toml's; relocations added for the splitter.
const flagsVar = 'CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS';
let flags = process.env[flagsVar] || '--cfg erase_components';
if (release && !flags.includes('--emit-relocs')) flags += ' -Clink-args=--emit-relocs';
const cargoArgs = ['build', '--locked', '--offline', '--target', 'wasm32-unknown-unknown', '--bin', 'tend'];
if (release) cargoArgs.push('--release', '--features', 'split');
run('cargo', cargoArgs, { ...process.env, [flagsVar]: flags });
// Cargo writes to CARGO_TARGET_DIR where set (scripts/test sets it under CI).
const cargoTarget = process.env.CARGO_TARGET_DIR ? resolve(repo, process.env.CARGO_TARGET_DIR) : join(repo, 'target');
const built = join(cargoTarget, 'wasm32-unknown-unknown', profile, 'tend.wasm');
if (!existsSync(built)) throw new Error(`wasm: cargo wrote no ${built}`);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const bindgen = ['--target', 'web', '--no-typescript', '--out-name', 'tend', '--out-dir', outDir];
if (!release) {
  run('wasm-bindgen', [...bindgen, built]);
  process.exit(0);
}

const splitDir = join(repo, 'target', 'tend-wasm', 'split');
rmSync(splitDir, { recursive: true, force: true });
mkdirSync(splitDir, { recursive: true });
run('wasm-split-cli', ['--target', 'web', '--out-name', 'tend', built, splitDir]);
run('wasm-bindgen', [...bindgen, '--keep-lld-exports', join(splitDir, 'tend.wasm')]);
const parts = readdirSync(splitDir).filter((f) => f !== 'tend.wasm');
if (!parts.includes('__wasm_split.js')) throw new Error('wasm: the splitter wrote no loader');
for (const f of parts) copyFileSync(join(splitDir, f), join(outDir, f));
// Which modules keep state of their own, for scripts/packs.mjs, read here while their data
// segments still have the names wasm-opt drops.
const keepState = parts.filter((f) => f.endsWith('.wasm') && checked(join(splitDir, f)).keepsState);
writeFileSync(join(outDir, STATE), JSON.stringify(keepState));
console.log(`wasm: ${keepState.length} split modules keep state (${keepState.join(', ')})`);

// Largest first, a few at a time: most of each run is starting wasm-opt itself, so the
// many chunks of under 2 KB (a few bytes to gain each) are left as the splitter wrote them.
const wasms = readdirSync(outDir).filter((f) => f.endsWith('.wasm'))
  .sort((a, b) => statSync(join(outDir, b)).size - statSync(join(outDir, a)).size);
const queue = wasms.filter((f) => f === 'tend_bg.wasm' || statSync(join(outDir, f)).size >= 2048);
const opt = promisify(execFile);
await Promise.all(Array.from({ length: 3 }, async () => {
  for (let f = queue.shift(); f; f = queue.shift()) {
    const path = join(outDir, f);
    await opt('wasm-opt', ['-Oz', '--converge', '--low-memory-unused', ...WASM_FEATURES, path, '-o', path], { cwd: repo });
  }
}));
const shortened = shortenImports(join(outDir, 'tend_bg.wasm'), join(outDir, 'tend.js'));
console.log(`wasm: ${shortened} imports from the glue given short names`);
const sizes = wasms.map((f) => `${f} ${readFileSync(join(outDir, f)).length}`).join(', ');
console.log(`wasm: ${sizes}`);
if (!existsSync(join(outDir, 'tend.js'))) throw new Error('wasm: wasm-bindgen wrote no tend.js');

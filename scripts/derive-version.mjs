#!/usr/bin/env node
// Writes "the next version" of a built Tend, for tests of what happens to an open page
// when a new version is deployed, without building again: the same files as `--from`
// (a release build's dist/), with the build folder renamed (dist/build-<hash>/ becomes
// build-<another hash>/), a different version in sw.js and the pages'
// <meta name="tend-version">, and the Content-Security-Policy's hashes of the start-up
// script redone to match. The files of `--from` are then nowhere in `--to`, as after a
// real deploy.
//
// Usage: node scripts/derive-version.mjs --from dist --to /tmp/next
//   Empties --to first (the folder itself stays, so a server started on it carries on).
//   Prints {"build": "build-…", "version": "…"} of the new version.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const TEXT = /\.(html|js|mjs|css|svg|webmanifest|json|txt)$/;
const next = (id) => createHash('sha256').update(`${id}:next`).digest('hex').slice(0, 16);
const cspHash = (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
const inlineScripts = (html) => [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

/** The build folder and version of the built Tend in `dir`. */
export function versionOf(dir) {
  const builds = readdirSync(dir).filter((f) => /^build-[0-9a-f]{16}$/.test(f));
  if (builds.length !== 1) throw new Error(`derive-version: expected one build-<hash> folder in ${dir}, found ${builds.length}`);
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const version = (/const VERSION = '([0-9a-f]+)'/.exec(sw) ?? /const CACHE = 'tend-([0-9a-f]+)'/.exec(sw))?.[1];
  if (!version) throw new Error(`derive-version: no version in ${dir}/sw.js`);
  return { build: builds[0], version };
}

/** Empties `to` and writes the next version of the built Tend in `from` there. */
export function deriveVersion(from, to) {
  const old = versionOf(from);
  const now = { build: `build-${next(old.build.slice(6))}`, version: next(old.version) };
  const swap = (text) => text.split(old.build).join(now.build).split(old.version).join(now.version);
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(to)) rmSync(join(to, entry), { recursive: true, force: true });
  const files = readdirSync(from, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  // The start-up scripts name the build folder, so their hashes change; every page's
  // policy holds the hashes of all pages' scripts (scripts/post-build.mjs).
  const rehash = new Map();
  for (const e of files.filter((e) => e.name.endsWith('.html'))) {
    for (const body of inlineScripts(readFileSync(join(e.parentPath, e.name), 'utf8'))) {
      rehash.set(cspHash(body), cspHash(swap(body)));
    }
  }
  for (const e of files) {
    const path = join(e.parentPath, e.name);
    const rel = relative(from, path);
    const out = join(to, swap(rel));
    mkdirSync(dirname(out), { recursive: true });
    if (!TEXT.test(e.name)) {
      writeFileSync(out, readFileSync(path));
      continue;
    }
    const text = readFileSync(path, 'utf8');
    let changed = swap(text);
    if (e.name.endsWith('.html')) {
      for (const [before, after] of rehash) changed = changed.split(before).join(after);
    }
    writeFileSync(out, changed);
  }
  if (statSync(join(to, now.build)).isDirectory() !== true) throw new Error('derive-version: no build folder written');
  return now;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const arg = (name) => {
    const i = args.indexOf(name);
    if (i < 0 || !args[i + 1]) {
      console.error('usage: node scripts/derive-version.mjs --from dist --to DIR');
      process.exit(2);
    }
    return args[i + 1];
  };
  console.log(JSON.stringify(deriveVersion(arg('--from'), arg('--to'))));
}

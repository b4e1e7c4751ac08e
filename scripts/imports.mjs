// Gives the main wasm's imports from its JS glue short names, in the wasm and in the
// glue alike.
//
// wasm-bindgen names each function the wasm imports from the glue after what it calls
// plus a hash of 16 hex digits (`__wbg_addEventListener_847fd86b8c33ec43`), and the name
// is written twice: in the wasm's import section and as a key of the glue's imports
// object. Hex digits do not compress: the ~300 names cost about 7 KB brotli of the first
// download. Here each becomes one or two letters (`a`, `b`, … `aB`).
//
// Only names that end in such a hash are renamed: each is a string that can mean nothing
// else in the glue. Each must appear exactly once there, as a key; anything else (a new
// wasm-bindgen writing its glue differently) stops the build rather than leave a wasm
// whose imports the glue does not provide. The section chunks import nothing from the
// glue (only memory, the function table and the main wasm's shared code), so they keep
// working unchanged.
import { readFileSync, writeFileSync } from 'node:fs';

const HASHED = /^[A-Za-z_$][\w$]*_[0-9a-f]{16}$/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The n-th short name: a…Z, then aa, ba, … (never a digit first). */
function shortName(n) {
  let s = '';
  do {
    s += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  } while (n > 0);
  return s;
}

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const name = (s) => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
};

/** Skips one import's description (after its two names), returning where the next starts. */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1]; // function: its type index
    case 1: return limits(at + 1); // table: element type, then limits
    case 2: return limits(at); // memory
    case 3: return at + 2; // global: value type and mutability
    case 4: return readU32(bytes, at + 1)[1]; // tag: attribute, then type index
    default: throw new Error(`imports: an import of unknown kind ${kind}`);
  }
}

/**
 * Renames, in `wasmPath` and `jsPath` (both rewritten in place), every import whose name
 * ends in a wasm-bindgen hash. Returns how many were renamed.
 */
export function shortenImports(wasmPath, jsPath) {
  const wasm = readFileSync(wasmPath);
  const renamed = new Map();
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readU32(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readU32(wasm, start);
    const parts = [u32(count)];
    for (; count > 0; count--) {
      let length;
      [length, p] = readU32(wasm, p);
      const module = wasm.toString('utf8', p, p + length);
      p += length;
      [length, p] = readU32(wasm, p);
      let field = wasm.toString('utf8', p, p + length);
      p += length;
      const described = skipDescription(wasm, p);
      if (HASHED.test(field)) {
        if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
        field = renamed.get(field);
      }
      parts.push(name(module), name(field), wasm.subarray(p, described));
      p = described;
    }
    if (p !== end) throw new Error('imports: the import section did not end where it said');
    const section = Buffer.concat(parts);
    out.push(Buffer.from([2]), u32(section.length), section);
    at = end;
  }

  let js = readFileSync(jsPath, 'utf8');
  for (const [long, short] of renamed) {
    const uses = js.split(long).length - 1;
    const asKey = js.split(`${long}:`).length - 1;
    if (uses !== 1 || asKey !== 1) {
      throw new Error(`imports: ${long} is in the glue ${uses} times (${asKey} as a key); expected once, as a key`);
    }
    js = js.replace(`${long}:`, `${short}:`);
  }
  writeFileSync(wasmPath, Buffer.concat(out));
  writeFileSync(jsPath, js);
  return renamed.size;
}

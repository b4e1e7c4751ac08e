#!/usr/bin/env node
// A tiny, dependency-free static server for Tend's built `dist/`, behaving the
// way a production host should: single-page-app fallback, brotli/gzip,
// cache headers and the security headers a deploy must send.
//
// Usage: node scripts/static-server.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--verbose]
//   --port 0 picks a free port. Prints "Serving <dir> at http://HOST:PORT" once listening.
//
// Rules:
//   - GET/HEAD only. A path without a file extension is served from `<path>.html` when
//     that file exists (help.html for /help: pages that work with no script), otherwise
//     index.html with 200 (client-side routes); a missing path with an extension is 404.
//   - Compression: brotli when the client accepts `br`, else gzip, else identity.
//     Compressed bodies are cached in memory (keyed by file, size and mtime).
//   - Cache-Control: `no-cache` for index.html, sw.js and unhashed files (revalidated
//     with ETag); a year and `immutable` for names carrying a content hash (`name-0123abcd….ext`).
//   - Security headers on every response. The Content-Security-Policy is the one in
//     dist/index.html's <meta http-equiv>, read at start-up and again when the file changes, plus `frame-ancestors 'none'`
//     (which a <meta> policy cannot express) unless the policy sets frame-ancestors itself.

import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import zlib from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  // A section of the app with the code it shares (scripts/packs.mjs): WebAssembly.
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
};
const COMPRESSIBLE = new Set([
  '.html', '.js', '.mjs', '.css', '.wasm', '.bin', '.svg', '.webmanifest', '.json', '.map',
  '.txt', '.xml', '.ico',
]);
const HASHED_NAME = /-[0-9a-f]{8,}(?=[._])/i;
// A folder named by its content (dist/build-<hash>/: the wasm, its JS and the sections).
const HASHED_FOLDER = /^[\w.]+-[0-9a-f]{8,}[\\/]/i;
const NO_CACHE_NAMES = new Set(['index.html', 'sw.js']);

function parseArgs(argv) {
  const opts = { dir: 'dist', port: 8080, host: '127.0.0.1', verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`missing value for ${flag}`);
      return v;
    };
    switch (flag) {
      case '--dir': opts.dir = value(); break;
      case '--port': opts.port = Number(value()); break;
      case '--host': opts.host = value(); break;
      case '--verbose': opts.verbose = true; break;
      case '-h': case '--help':
        console.log('usage: node scripts/static-server.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--verbose]');
        process.exit(0);
        break;
      default: fail(`unknown argument: ${arg}`);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) fail(`bad port: ${opts.port}`);
  return opts;
}

function fail(message) {
  console.error(`static-server: ${message}`);
  process.exit(2);
}

function decodeEntities(s) {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** The content of the first <meta http-equiv="Content-Security-Policy">, or null. */
export function cspFromHtml(html) {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = {};
    for (const m of tag.matchAll(/([^\s"'<>\/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
      attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    }
    if ((attrs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy' && attrs.content) {
      return attrs.content.replace(/\s+/g, ' ').trim();
    }
  }
  return null;
}

function securityHeaders(csp) {
  const headers = {
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (csp) {
    const policy = /(^|;)\s*frame-ancestors\b/i.test(csp)
      ? csp
      : `${csp.replace(/;\s*$/, '')}; frame-ancestors 'none'`;
    headers['Content-Security-Policy'] = policy;
  }
  return headers;
}

/** Picks br, gzip or identity from an Accept-Encoding header (honours q=0). */
function pickEncoding(accept) {
  const q = new Map();
  for (const part of String(accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name, weight);
  }
  const ok = (name) => (q.has(name) ? q.get(name) > 0 : (q.get('*') ?? 0) > 0);
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

function compress(buf, encoding, ext) {
  if (encoding === 'br') {
    return zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: ext === '.wasm' || ext === '.bin' ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    });
  }
  return zlib.gzipSync(buf, { level: zlib.constants.Z_BEST_COMPRESSION });
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const root = path.resolve(opts.dir);
  let rootReal;
  let indexHtml;
  try {
    rootReal = realpathSync(root);
    indexHtml = readFileSync(path.join(root, 'index.html'), 'utf8');
  } catch (err) {
    fail(`cannot read ${path.join(opts.dir, 'index.html')} (${err.code ?? err.message}); build first`);
  }
  // The policy follows index.html: a rebuild changes the start-up script's hash, so the
  // headers are read again whenever the file changes (no restart needed after a build).
  const indexPath = path.join(root, 'index.html');
  let indexStamp = statSync(indexPath).mtimeMs;
  let baseHeaders = securityHeaders(cspFromHtml(indexHtml));
  function headersNow() {
    const stamp = statSync(indexPath, { throwIfNoEntry: false })?.mtimeMs;
    if (stamp !== undefined && stamp !== indexStamp) {
      indexStamp = stamp;
      baseHeaders = securityHeaders(cspFromHtml(readFileSync(indexPath, 'utf8')));
    }
    return baseHeaders;
  }
  const cache = new Map(); // `${file}\0${encoding}` -> { key, body }

  async function realInsideRoot(file) {
    let real;
    try {
      real = await fsp.realpath(file);
    } catch {
      return null;
    }
    return real === rootReal || real.startsWith(rootReal + path.sep) ? real : null;
  }

  async function resolveFile(urlPath) {
    // Returns { file, stat } for an existing regular file, or null.
    const rel = path.posix.normalize(urlPath);
    if (rel.split('/').some((seg) => seg === '..')) return null;
    const file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return null;
    const real = await realInsideRoot(file);
    if (!real) return null;
    let stat = await fsp.stat(real).catch(() => null);
    if (stat?.isDirectory()) {
      const index = path.join(real, 'index.html');
      stat = await fsp.stat(index).catch(() => null);
      return stat?.isFile() ? { file: index, stat } : null;
    }
    return stat?.isFile() ? { file: real, stat } : null;
  }

  // The (possibly compressed) body of a file; { body, encoded }.
  async function body(file, stat, encoding, ext) {
    const key = `${stat.size}:${stat.mtimeMs}`;
    const slot = `${file}\0${encoding}`;
    const hit = cache.get(slot);
    if (hit && hit.key === key) return hit;
    const raw = await fsp.readFile(file);
    let out = raw;
    if (encoding !== 'identity') {
      const packed = compress(raw, encoding, ext);
      out = packed.length < raw.length ? packed : raw;
    }
    const entry = { key, body: out, encoded: out !== raw };
    cache.set(slot, entry);
    return entry;
  }

  function send(res, status, headers, payload, head) {
    res.writeHead(status, { ...headersNow(), ...headers });
    res.end(head ? undefined : payload);
  }

  function sendText(res, status, text, head, extra = {}) {
    const buf = Buffer.from(`${text}\n`);
    send(res, status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': buf.length,
      'Cache-Control': 'no-cache',
      ...extra,
    }, buf, head);
  }

  async function handle(req, res) {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      return sendText(res, 405, 'Method Not Allowed', false, { Allow: 'GET, HEAD' });
    }
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return sendText(res, 400, 'Bad Request', head);
    }
    if (urlPath.includes('\0') || urlPath.includes('\\')) return sendText(res, 400, 'Bad Request', head);
    const segments = urlPath.split('/');
    if (segments.some((seg) => seg === '..')) return sendText(res, 400, 'Bad Request', head);
    const hidden = segments.some((seg) => seg.startsWith('.') && seg !== '.well-known');

    let found = hidden ? null : await resolveFile(urlPath);
    if (!found) {
      const last = segments[segments.length - 1];
      if (hidden || path.posix.extname(last) !== '') return sendText(res, 404, 'Not Found', head);
      // A page of its own (/help -> help.html), else a client-side route.
      found = (await resolveFile(`${urlPath.replace(/\/+$/, '')}.html`)) ?? (await resolveFile('/index.html'));
      if (!found) return sendText(res, 404, 'Not Found', head);
    }

    const { file, stat } = found;
    const name = path.basename(file);
    const ext = path.extname(name).toLowerCase();
    const type = MIME[ext] ?? 'application/octet-stream';
    const etag = `"${createHash('sha1').update(`${file}:${stat.size}:${stat.mtimeMs}`).digest('base64url').slice(0, 20)}"`;
    const cacheControl = NO_CACHE_NAMES.has(name)
      ? 'no-cache'
      : HASHED_NAME.test(name) || HASHED_FOLDER.test(path.relative(rootReal, file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const headers = { 'Content-Type': type, 'Cache-Control': cacheControl, ETag: etag };
    const compressible = COMPRESSIBLE.has(ext);
    if (compressible) headers.Vary = 'Accept-Encoding';

    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      return send(res, 304, headers, undefined, true);
    }

    const wanted = compressible ? pickEncoding(req.headers['accept-encoding']) : 'identity';
    const out = await body(file, stat, wanted, ext);
    if (out.encoded) headers['Content-Encoding'] = wanted;
    headers['Content-Length'] = out.body.length;
    send(res, 200, headers, out.body, head);
  }

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    handle(req, res)
      .catch((err) => {
        console.error(`static-server: ${req.method} ${req.url}: ${err.stack ?? err}`);
        if (!res.headersSent) sendText(res, 500, 'Internal Server Error', req.method === 'HEAD');
        else res.destroy();
      })
      .finally(() => {
        if (opts.verbose) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          console.log(`${res.statusCode} ${req.method} ${req.url} ${ms.toFixed(1)}ms`);
        }
      });
  });

  server.on('error', (err) => fail(`cannot listen on ${opts.host}:${opts.port} (${err.code ?? err.message})`));
  server.listen(opts.port, opts.host, () => {
    const { port } = server.address();
    const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    console.log(`Serving ${opts.dir} at http://${host}:${port}`);
  });

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
    if (opts.verbose) console.log(`static-server: ${signal}, stopping`);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();

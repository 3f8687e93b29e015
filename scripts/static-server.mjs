// A small static file server that applies a Netlify-style `_headers` file, so that previews and
// tests see the same headers as the CDN. Not for production traffic.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Parses `_headers`: a path pattern on its own line, then indented `Name: value` lines. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      rules.push({ pattern, headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/**
 * The headers `_headers` rules give a request path. Every matching rule applies; a header set by
 * several of them gets their values joined with a comma, as Cloudflare Pages does, so that rules
 * which rely on one overriding another show up here as the broken header they would be there.
 * @param {{ pattern: RegExp, headers: [string, string][] }[]} rules
 * @param {string} path
 * @returns {Record<string, string>}
 */
export function headersFor(rules, path) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [k, v] of rule.headers) out[k] = k in out ? `${out[k]}, ${v}` : v;
  }
  return out;
}

// Text that a CDN compresses on the way out. Pagefind's own files are compressed already.
const COMPRESSIBLE = /^(text\/|application\/(json|xml))/;

/**
 * Serves `root` on `port` (0 picks a free one). Options: `headers: false` ignores `_headers`;
 * `transform(path, headers)` may change headers per request (tests remove CORS with it);
 * `compress: true` gzips text for clients that accept it, as a CDN does (`npm run preview`, and
 * the benchmarks, which count the bytes on the wire).
 * @param {{ root: string, port?: number, host?: string, headers?: boolean, compress?: boolean,
 *   transform?: (path: string, headers: Record<string, string>) => Record<string, string> }} options
 * @returns {Promise<{ server: import('node:http').Server, url: string, close: () => Promise<void> }>}
 */
export function startServer({ root, port = 0, host = '127.0.0.1', headers = true, transform, compress = false }) {
  const file = join(root, '_headers');
  const rules = headers && existsSync(file) ? parseHeaders(readFileSync(file, 'utf8')) : [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    let target = normalize(join(root, path));
    if (!target.startsWith(normalize(root))) return end(res, 403);
    try {
      if ((await stat(target)).isDirectory()) {
        if (!path.endsWith('/')) return redirect(res, `${path}/${url.search}`);
        target = join(target, 'index.html');
      }
      let body = await readFile(target);
      const out = headersFor(rules, path);
      out['Content-Type'] = TYPES[extname(target)] ?? 'application/octet-stream';
      if (compress && COMPRESSIBLE.test(out['Content-Type'])) {
        out['Vary'] = 'Accept-Encoding';
        if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          body = gzipSync(body);
          out['Content-Encoding'] = 'gzip';
        }
      }
      const final = transform ? transform(path, out) : out;
      res.writeHead(200, final);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      // A CDN serves its 404 page with the headers of the address that was asked for.
      const notFound = join(root, '404.html');
      res.writeHead(404, { ...headersFor(rules, path), 'Content-Type': TYPES['.html'] });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

function end(res, status) {
  res.writeHead(status);
  res.end();
}
function redirect(res, location) {
  res.writeHead(301, { Location: location });
  res.end();
}

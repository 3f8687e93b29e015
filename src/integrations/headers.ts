import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { widgetCss } from './widget.ts';
import { SEARCH_LOADER_HASH } from '../lib/search-loader.ts';
import { ADMIN_CSP, ADMIN_DIR } from './admin.ts';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The policy of the site's own pages: same-origin scripts, styles, images and fetches, plus the
 * compilation of Pagefind's WebAssembly, and nothing else. No page has a frame, a font, media,
 * a plugin or an inline script or style. The one inline script is the header search's loader,
 * admitted by its hash; the one form is the header search, which submits to the site's own
 * results page, hence `form-action 'self'`. A page that needs more fails the browser tests, which
 * load every page under this policy and require an empty console in all three engines.
 *
 * The web app manifest is allowed through `default-src 'self'` rather than `manifest-src`:
 * WebKit (Safari, WebKitGTK 2.50) does not know `manifest-src` and logs an error for it on every
 * page. So the default admits the site's own origin, and every fetch directive that falls back
 * to it and that the site does not use is closed by name, which leaves the manifest (and the
 * service worker's `worker-src`) as the only things `'self'` opens beyond the directives above.
 * Every directive here is one that Chromium, Firefox and WebKit all know.
 */
export const SITE_CSP = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${SEARCH_LOADER_HASH}`,
  // The hashes admit the widget's own stylesheets (the first script's and its views chunk's) as
  // <style> elements, which browsers without constructed stylesheets (Safari before 16.4) need;
  // other inline styles stay blocked.
  `style-src 'self' ${(['styles.css', 'views.css'] as const).map((f) => `'sha256-${createHash('sha256').update(widgetCss(f)).digest('base64')}'`).join(' ')}`,
  "img-src 'self'",
  "connect-src 'self'",
  // The service worker (sw.js), from the site itself.
  "worker-src 'self'",
  // What the site never loads: closed here, since the default is 'self' for the manifest.
  "font-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A year, for files whose name changes whenever their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Five minutes, then a revalidation, for files whose name stays the same across deploys: HTML,
 * the stable widget address, `pagefind.js`, `pagefind-entry.json` and Pagefind's WebAssembly
 * (`wasm.<lang>.pagefind` is named after the language, not the content, so a long cache would pair
 * an old engine with a new index after a Pagefind upgrade).
 */
export const SHORT = 'public, max-age=300, must-revalidate';
/**
 * The service worker script: always revalidated, so that a deploy reaches the browser's update
 * check at once (browsers cap a worker's HTTP caching at 24 hours anyway).
 */
export const NO_CACHE = 'no-cache';

/** The widget and the index are read by other sites: the vendors' support pages. */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/**
 * A content hash in a file name, as the build writes them: `pos-faq.d7e10dda1d.js`,
 * `pagefind.zh-cn_2eadb0edbb6ec.pf_meta`, `zh-cn_462dcf7.pf_index`.
 */
export const HASHED_NAME = /[._][0-9a-f]{7,}\.[a-z_]+$/;

export interface HeaderRule {
  /** A `_headers` path: exact, or ending in `/*` for a whole folder. */
  path: string;
  headers: Record<string, string>;
  /** Why these headers, written above the rule as a comment for whoever reads the file. */
  note: string;
}

/**
 * The `_headers` rules for a built site, from the list of its files (POSIX paths relative to the
 * output folder, e.g. `zh/codes/index.html`).
 *
 * Cloudflare Pages joins the values of a header set by several matching rules with a comma
 * (`max-age=300, …, max-age=31536000, immutable`), and Netlify's result is not documented either
 * way. So no two rules that match one path set the same header: `/*` carries only the two headers
 * every response shares, and each file is covered by exactly one other rule, by its exact path
 * or by its folder. That is also why folders with both hashed and stable files get one rule per
 * file. Cloudflare Pages allows 100 rules; the site needs about 45.
 */
export function headerRules(files: readonly string[]): HeaderRule[] {
  const rules: HeaderRule[] = [
    {
      path: '/*',
      headers: { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' },
      note: 'Every response, 404s included. No other rule sets these two headers.',
    },
  ];
  // The policy goes with the pages only: on a script, JSON or WebAssembly response it does nothing
  // but add 300 bytes to each of the dozen requests of a first lookup.
  const page = (path: string, note: string) =>
    rules.push({ path, headers: { 'Content-Security-Policy': SITE_CSP, 'Cache-Control': SHORT }, note });
  const byFile = (path: string, file: string, note: string, cors = false) =>
    rules.push({
      path,
      headers: { ...(cors ? CORS : {}), 'Cache-Control': HASHED_NAME.test(file) ? IMMUTABLE : SHORT },
      note: `${note} ${HASHED_NAME.test(file) ? 'Content-hashed name: cached for a year.' : 'Stable name: revalidated after five minutes.'}`,
    });

  const folders = new Map<string, string[]>();
  // The language chooser first, for whoever reads the file.
  for (const file of [...files].sort((a, b) => Number(b === 'index.html') - Number(a === 'index.html'))) {
    const [top, ...rest] = file.split('/');
    if (!rest.length) {
      if (file.startsWith('_')) continue; // _headers and _redirects are read by the host, never served.
      if (file === 'index.html') page('/', 'The language chooser.');
      else if (file.endsWith('.html')) page(`/${file}`, 'A page at the root.');
      else if (file === 'sw.js') {
        rules.push({
          path: '/sw.js',
          headers: { 'Cache-Control': NO_CACHE },
          note: 'The service worker: revalidated on every update check, so a deploy is seen at once.',
        });
      }
      else byFile(`/${file}`, file, 'A file at the root.');
    } else folders.set(top!, [...(folders.get(top!) ?? []), rest.join('/')]);
  }

  for (const [folder, inside] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    if (folder === '_astro') {
      rules.push({
        path: '/_astro/*',
        headers: { 'Cache-Control': IMMUTABLE },
        note: 'Stylesheets and scripts bundled by Astro: every name carries a content hash.',
      });
    } else if (folder === 'widget') {
      for (const file of inside) {
        if (!file.startsWith('entry/')) byFile(`/widget/${file}`, file, 'The embeddable lookup, loaded by other sites.', true);
      }
      // The entries the widget opens inside itself: one file per entry, so one rule for the folder.
      if (inside.some((file) => file.startsWith('entry/'))) {
        rules.push({
          path: '/widget/entry/*',
          headers: { ...CORS, 'Cache-Control': SHORT },
          note: 'The entries the embedded lookup opens inside itself, read by other sites. Stable names: revalidated after five minutes.',
        });
      }
    } else if (folder === 'pagefind') {
      const chunkFolders = new Set<string>();
      for (const file of inside) {
        const parts = file.split('/');
        if (parts.length > 2) chunkFolders.add(parts.slice(0, 2).join('/'));
        else byFile(`/pagefind/${file}`, file, 'Pagefind, read by the lookup on this site and on other sites.', true);
      }
      for (const chunks of [...chunkFolders].sort()) {
        rules.push({
          path: `/pagefind/${chunks}/*`,
          headers: { ...CORS, 'Cache-Control': IMMUTABLE },
          note: 'Pagefind index chunks: every name carries a content hash.',
        });
      }
    } else if (folder === ADMIN_DIR) {
      rules.push({
        path: `/${ADMIN_DIR}/*`,
        headers: { 'Content-Security-Policy': ADMIN_CSP, 'Cache-Control': SHORT },
        note: 'The editors\' form (Sveltia CMS): its own policy, which lets it talk to GitHub. Revalidated after five minutes.',
      });
    } else if (folder === 'app') {
      rules.push({
        path: '/app/*',
        headers: { 'Cache-Control': SHORT },
        note: 'The web app manifests and icons: stable names, revalidated after five minutes.',
      });
    } else if (inside.some((file) => file.endsWith('.html'))) {
      page(`/${folder}/*`, `The ${folder} pages.`);
    } else {
      rules.push({ path: `/${folder}/*`, headers: { 'Cache-Control': SHORT }, note: `Files under ${folder}/.` });
    }
  }
  return rules;
}

/** Renders rules in the `_headers` format read by Netlify, Cloudflare Pages and `npm run preview`. */
export function headersFile(rules: readonly HeaderRule[]): string {
  const head = [
    '# Written by src/integrations/headers.ts at build time; the README shows the same rules for',
    '# nginx and S3/CloudFront. No two rules that match one path set the same header.',
    '# HTML lives at /, /404.html and under the language folders: those rules carry the CSP.',
    '',
  ];
  // A note is written once for a run of rules that share it (one per Pagefind file, say).
  const blocks = rules.map(({ path, headers, note }, i) =>
    [
      ...(note === rules[i - 1]?.note ? [] : [`# ${note}`]),
      path,
      ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
      '',
    ].join('\n'),
  );
  return `${head.join('\n')}${blocks.join('\n')}`;
}

/** Every file under `root`, as POSIX paths relative to it. */
function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, full) : [relative(root, full).split(sep).join('/')];
  });
}

/**
 * Writes `_headers` once every other build step has written its files: this integration comes
 * last in astro.config.mjs, after the widget and Pagefind.
 */
export default function headersIntegration(): AstroIntegration {
  return {
    name: 'pos-faq:headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const rules = headerRules(listFiles(root).sort());
        // Cloudflare Pages allows at most 100 rules in _headers.
        if (rules.length > 100) {
          throw new Error(
            `_headers would have ${rules.length} rules; Cloudflare Pages reads at most 100. ` +
              'Group files by folder in src/integrations/headers.ts (headerRules).',
          );
        }
        writeFileSync(join(root, '_headers'), headersFile(rules));
        logger.info(`_headers: ${rules.length} rules`);
      },
    },
  };
}

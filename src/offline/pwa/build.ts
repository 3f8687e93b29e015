import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
// getManifest's own module: the package's entry point also loads generateSW's Rollup and Babel,
// which the build never uses (0.7 s of CPU on every build).
import { getManifest } from 'workbox-build/build/get-manifest.js';
import { buildInfo } from '../../lib/build-info.ts';
import { pages, SHELL_GROUPS, shellPatterns, type SavedPage, type ShellGroup } from './files.ts';
import type { Locale } from '../../schemas/faq.ts';

const SOURCE = fileURLToPath(new URL('./sw.ts', import.meta.url));

/** The service worker's address; its scope is the whole site. */
export const SW_FILE = 'sw.js';

/** Names with a content hash: fetched once, never cache-busted (Astro's and Pagefind's). */
const HASHED = /(^\/_astro\/)|(_[0-9a-f]{7,}\.pf_[a-z]+$)/;

export interface ServiceWorkerBuild {
  /** Identifies the build: names the worker's caches, so two builds never share one. */
  build: string;
  /** Files of the shell, and their total size in bytes (uncompressed), per group: `common`
   * and each language. A language visited precaches its group and `common`. */
  shell: Record<ShellGroup, { count: number; size: number }>;
  /** What "Save for offline use" adds, per language. */
  saved: Record<Locale, { pages: number; bytes: number }>;
  /** Size of sw.js itself. */
  bytes: number;
  warnings: string[];
}

/**
 * Writes `sw.js` into a built site: Workbox's precaching, routing and strategies (bundled by
 * esbuild from sw.ts), a precache manifest per group of the shell (files.ts: `common` and each
 * language) that workbox-build's getManifest makes, with a revision per file, and the list of
 * each language's other pages.
 */
export async function buildServiceWorker(dist: string): Promise<ServiceWorkerBuild> {
  const patterns = shellPatterns(dist);
  const manifests = {} as Record<ShellGroup, Array<{ url: string; revision: string | null }>>;
  const shellSizes = {} as ServiceWorkerBuild['shell'];
  const warnings: string[] = [];
  for (const group of SHELL_GROUPS) {
    const result = await getManifest({
      globDirectory: dist,
      globPatterns: patterns[group],
      globFollow: false,
      // A page is asked for by its folder (/zh/codes/), which is also how a CDN serves it.
      modifyURLPrefix: { '': '/' },
      manifestTransforms: [
        (entries) => ({
          manifest: entries.map((entry) => ({
            ...entry,
            url: entry.url.replace(/(^|\/)index\.html$/, '$1'),
            // Hashed names need no revision: their URL changes with their content.
            revision: HASHED.test(entry.url) ? null : entry.revision,
          })),
          warnings: [],
        }),
      ],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    });
    manifests[group] = (result.manifestEntries ?? []).map(({ url, revision }) => ({ url, revision: revision ?? null }));
    shellSizes[group] = { count: result.count, size: result.size };
    warnings.push(...result.warnings);
  }
  const shell = new Set(Object.values(manifests).flatMap((entries) => entries.map((e) => e.url)));
  const list = pages(dist, shell);
  const { version, date } = buildInfo();
  // What the worker stores and how: a change to either makes a new build with caches of its own.
  const build = createHash('sha256')
    .update(JSON.stringify([manifests, list, readFileSync(SOURCE, 'utf8')]))
    .digest('hex')
    .slice(0, 12);

  const result = await esbuild.build({
    entryPoints: [SOURCE],
    bundle: true,
    format: 'iife',
    target: ['chrome92', 'firefox90', 'safari15'],
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    define: {
      // Workbox logs its progress in development builds only.
      'process.env.NODE_ENV': '"production"',
      __SHELL__: JSON.stringify(manifests),
      __BUILD__: JSON.stringify(build),
      __BUILD_DATE__: JSON.stringify(`${version} ${date}`),
      __PAGES__: JSON.stringify(list satisfies Record<Locale, SavedPage[]>),
    },
  });
  const code = result.outputFiles[0]!.text;
  writeFileSync(join(dist, SW_FILE), code);
  const saved = Object.fromEntries(
    Object.entries(list).map(([lang, entries]) => [lang, { pages: entries.length, bytes: entries.reduce((a, p) => a + p.bytes, 0) }]),
  ) as ServiceWorkerBuild['saved'];
  return { build, shell: shellSizes, saved, bytes: Buffer.byteLength(code), warnings };
}

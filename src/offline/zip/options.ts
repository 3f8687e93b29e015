import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { SITE_URL } from '../../site.config.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface OfflineOptions {
  /** The built site; built first with `astro build` when it has no index.html. Default `dist/`. */
  dist?: string;
  /** Where `pos-faq/` and `pos-faq-offline.zip` are written. Default `offline/`. */
  out?: string;
  /**
   * The online address named on every page. Default: the address the site was built for (its
   * SITE_URL, read from the root page's canonical link), else SITE_URL (src/site.config.ts).
   */
  onlineUrl?: string;
  /** The address the site was built for, whose absolute links are internal. Default: as above. */
  site?: string;
  /** Fail on any warning (a link that had to be removed) instead of reporting it. */
  strict?: boolean;
  /**
   * A vendor overlay's folder (README, "Vendor overlays"): its entries and model notes go into every
   * lookup of the bundle, which is named after it (`pos-faq-acme/`, `pos-faq-acme-offline.zip`).
   */
  overlay?: string;
}

/** The folders and addresses of a bundle, every default filled in and checked. */
export interface OfflineSettings {
  /** The built site, absolute; it has an index.html. */
  dist: string;
  out: string;
  /** The address the site was built for, without the trailing slash. */
  site: string;
  /** The online address the pages name, without the trailing slash. */
  onlineUrl: string;
}

/**
 * Fills in the defaults of `options` and checks the addresses. Builds the site first when `dist`
 * has none, since the address it was built for is read from its root page.
 */
export function offlineSettings(options: OfflineOptions): OfflineSettings {
  const dist = resolve(options.dist ?? join(ROOT, 'dist'));
  const out = resolve(options.out ?? join(ROOT, 'offline'));
  if (!existsSync(join(dist, 'index.html'))) buildSite(dist);
  // The address the pages were built for (SITE_URL at build time) is in their canonical links.
  const builtFor = canonicalSite(join(dist, 'index.html'));
  const site = checkUrl(options.site ?? builtFor ?? SITE_URL, 'site address');
  const onlineUrl = checkUrl(options.onlineUrl ?? site, 'online address');
  return { dist, out, site, onlineUrl };
}

/** The site address a built page names in `<link rel="canonical">`, without the trailing slash. */
function canonicalSite(page: string): string | undefined {
  let href: string | undefined;
  visit(unified().use(rehypeParse).parse(readFileSync(page, 'utf8')), 'element', (node: Element) => {
    const rel = node.properties['rel'];
    const rels = Array.isArray(rel) ? rel.map(String) : String(rel ?? '').split(/\s+/);
    if (node.tagName !== 'link' || !rels.includes('canonical')) return undefined;
    href = String(node.properties['href'] ?? '');
    return EXIT;
  });
  return href ? href.replace(/\/$/, '') : undefined;
}

function checkUrl(value: string, what: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/$/, '');
  } catch {
    // Reported below.
  }
  throw new Error(
    `The ${what} \`${value}\` is not an http(s) URL; give a full address such as https://faq.example.com`,
  );
}

/** `astro build` into `dist`, for a bundle asked for before the site was built. */
function buildSite(dist: string): void {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, POS_FAQ_OUT: dist },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch (cause) {
    throw new Error(`There is no built site in ${dist} and \`astro build\` failed; fix the build first`, { cause });
  }
}

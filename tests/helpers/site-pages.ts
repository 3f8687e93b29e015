import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every page the sitemap lists, as site paths (`/zh/codes/`), read from the built
 * sitemap-index.xml and the sitemaps it names. The quality gates walk this list: a page that is
 * not in the sitemap is not checked, so the sitemap test below keeps the two in step.
 */
export function sitemapPaths(root: string): string[] {
  const paths: string[] = [];
  for (const sitemap of sitemapIndexLocs(root)) {
    const file = join(root, new URL(sitemap).pathname);
    for (const loc of locs(readFileSync(file, 'utf8'))) paths.push(new URL(loc).pathname);
  }
  return paths;
}

/** The sitemaps that sitemap-index.xml names, as absolute URLs. */
export function sitemapIndexLocs(root: string): string[] {
  return locs(readFileSync(join(root, 'sitemap-index.xml'), 'utf8'));
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.trim());
}

/** The file a site path is served from: `/zh/codes/` → `<root>/zh/codes/index.html`. */
export function fileForPath(root: string, path: string): string | undefined {
  const clean = decodeURIComponent(path).replace(/^\/+/, '');
  for (const candidate of [clean, join(clean, 'index.html')]) {
    const file = join(root, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Every file under `root`, as POSIX paths relative to it (`zh/codes/index.html`), sorted. */
export function filesUnder(root: string, test: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const rel = relative(root, full).split(sep).join('/');
        if (test(rel)) out.push(rel);
      }
    }
  };
  walk(root);
  return out.sort();
}

/** Every HTML page of a built site, as site paths: `zh/codes/index.html` → `/zh/codes/`. */
export function htmlPaths(root: string): string[] {
  return filesUnder(root, (p) => p.endsWith('.html')).map((p) => `/${p}`.replace(/(^|\/)index\.html$/, '$1'));
}

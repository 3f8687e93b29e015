import { existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { URL_PROPS } from '../../src/lib/url-attributes.ts';
import { attr, readPage } from './html.ts';
import { fileForPath, filesUnder } from './site-pages.ts';


export interface LinkCheck {
  /** Links checked, in all pages together. */
  links: number;
  pages: number;
  /** One line per broken link: page, element, the link and what is wrong with it. */
  broken: string[];
}

/**
 * Checks every internal link and anchor in the HTML pages under `root`.
 *
 * - `site`: a site served over HTTP at `origin` (links to absolute addresses at `origin`, such as
 *   canonical and hreflang links, are internal too). A link to a folder must end in a slash,
 *   as the site's own links do: without it every click costs a redirect.
 * - `bundle`: a folder opened from disk (the offline bundle). Links must name files: from file://
 *   a folder opens a file listing, and a link starting with `/` points at the disk's root.
 *
 * A fragment must name an element `id` (or an `<a name>`) on the target page. External links are
 * not followed: the tests run offline.
 */
export function checkLinks(root: string, mode: { kind: 'site'; origin: string } | { kind: 'bundle' }): LinkCheck {
  const base = mode.kind === 'site' ? new URL(mode.origin) : new URL('file:///bundle/');
  const files = filesUnder(root, (p) => p.endsWith('.html'));
  // Each page is parsed once: its ids serve the anchors pointing at it, its links are checked.
  const parsed = new Map(files.map((file) => [file, readPage(root, file)]));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> | undefined => {
    const page = parsed.get(file);
    if (!page) return undefined;
    if (!ids.has(file)) {
      const found = new Set<string>();
      collectIds(page.tree, found);
      ids.set(file, found);
    }
    return ids.get(file);
  };

  const broken: string[] = [];
  let links = 0;
  for (const [file, page] of parsed) {
    const here =
      mode.kind === 'site' ? new URL(`/${file}`.replace(/(^|\/)index\.html$/, '$1'), base) : new URL(file, base);
    for (const [tag, names] of Object.entries(URL_PROPS)) {
      for (const el of page.all(tag)) {
        for (const name of names) {
          for (const raw of urlsOf(el, name)) {
            links++;
            const problem = checkOne(raw, here, base, mode.kind, root, idsOf);
            if (problem) broken.push(`${file}: <${tag} ${name.toLowerCase()}="${raw}"> ${problem}`);
          }
        }
      }
    }
  }
  return { links, pages: files.length, broken };
}

function urlsOf(el: Element, name: string): string[] {
  const value = attr(el, name);
  if (value === undefined) return [];
  if (name === 'srcSet') return value.split(',').map((part) => part.trim().split(/\s+/)[0]!).filter(Boolean);
  // A link with rel="preconnect" or "dns-prefetch" names an origin, not a resource.
  if (el.tagName === 'link' && /\b(preconnect|dns-prefetch)\b/.test(attr(el, 'rel') ?? '')) return [];
  return [value];
}

function checkOne(
  raw: string,
  here: URL,
  base: URL,
  kind: 'site' | 'bundle',
  root: string,
  idsOf: (file: string) => Set<string> | undefined,
): string | undefined {
  if (raw.trim() !== raw) return 'has spaces around the address';
  if (/^(mailto|tel|data):/i.test(raw)) return undefined;
  if (/^javascript:/i.test(raw)) return 'is a javascript: link';
  if (kind === 'bundle' && raw.startsWith('/')) return 'starts with "/", which from file:// is the root of the disk';
  let url: URL;
  try {
    url = new URL(raw, here);
  } catch {
    return 'is not a valid address';
  }
  if (url.origin !== base.origin) return undefined; // external: not followed offline
  const pathname = decodeURIComponent(url.pathname);
  let file: string | undefined;
  if (kind === 'site') {
    const found = fileForPath(root, pathname);
    if (!found) return 'points to nothing';
    if (found.endsWith('/index.html') && !pathname.endsWith('/') && !pathname.endsWith('index.html')) {
      return 'names a folder without its trailing slash (a redirect on every click)';
    }
    file = relative(root, found).split(sep).join('/');
  } else {
    const rel = pathname.replace(/^\/bundle\//, '');
    const full = join(root, rel);
    if (!existsSync(full)) return 'points to nothing';
    if (statSync(full).isDirectory()) return 'names a folder: from file:// a link must name the file';
    file = rel;
  }
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (!fragment || fragment === 'top') return undefined;
  const pageIds = idsOf(file);
  if (!pageIds) return `has an anchor #${fragment} on a file that is not a page`;
  if (!pageIds.has(fragment)) return `points to #${fragment}, which ${file} does not have`;
  return undefined;
}

function collectIds(tree: Root, ids: Set<string>): void {
  visit(tree, 'element', (el: Element) => {
    const id = attr(el, 'id');
    if (id) ids.add(id);
    const name = el.tagName === 'a' ? attr(el, 'name') : undefined;
    if (name) ids.add(name);
  });
}

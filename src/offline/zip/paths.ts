/**
 * Paths in the offline bundle. Online, the site links to directories (`/zh/symptoms/`) and the
 * server answers with their index.html; from file:// a directory URL opens a file listing (or
 * nothing), so every link in the bundle names the file itself, relative to the page.
 *
 * Pure string functions: the build (rehype-offline-links) and the offline search runtime in the
 * browser both use them, so they must not import Node modules.
 */

/**
 * The bundle file a site path is served from, without a leading slash:
 * `/zh/symptoms/` → `zh/symptoms/index.html`, `/` → `index.html`, `/favicon.svg` → itself.
 * A last segment without a dot is a directory (the site uses trailing slashes, but a hand-written
 * `/zh/codes` still means the page).
 */
export function fileForPath(pathname: string): string {
  const clean = pathname.replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) return `${clean}index.html`;
  const last = clean.slice(clean.lastIndexOf('/') + 1);
  return last.includes('.') ? clean : `${clean}/index.html`;
}

/**
 * The relative URL path from one bundle file to another, both given from the bundle root:
 * `relativeFile('zh/symptoms/a/index.html', 'zh/codes/index.html')` → `../../codes/index.html`.
 * Linking a file to itself gives its own name, so the result always ends in a file name.
 */
export function relativeFile(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const target = to.split('/');
  let shared = 0;
  while (shared < fromDirs.length && shared < target.length - 1 && fromDirs[shared] === target[shared]) shared++;
  return [...fromDirs.slice(shared).map(() => '..'), ...target.slice(shared)].join('/');
}

/** The site path of a bundle page: `zh/symptoms/a/index.html` → `/zh/symptoms/a/`. */
export function pathForFile(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

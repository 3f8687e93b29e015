import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { fileForPath, pathForFile, relativeFile } from './paths.ts';
import { URL_PROPS } from '../../lib/url-attributes.ts';

export interface Options {
  /** This page's file in the bundle, from the bundle root: `zh/symptoms/a/index.html`. */
  file?: string;
  /**
   * The site's public address (SITE_URL). Absolute links under it are the site's own pages and
   * become relative too; `<link rel=canonical|alternate>` keep it, as metadata nothing fetches.
   */
  site?: string;
  /**
   * Whether a file (from the bundle root, decoded) is in the bundle. Links to a missing file are
   * reported and unlinked rather than left to fail on a shop counter. Without it nothing is checked.
   */
  exists?: ((file: string) => boolean) | null;
}

const emptyOptions: Options = {};

/** Elements a reader follows; the rest are fetched by the browser on its own. */
const NAVIGATION = new Set(['a', 'area', 'form']);
/** `<link>` kinds that name the page's online identity and are never fetched: they may stay absolute. */
const METADATA_RELS = new Set(['canonical', 'alternate']);
/** `<link>` kinds that only make sense on a web server: dropped. */
const SERVER_RELS = new Set(['sitemap', 'manifest', 'preconnect', 'dns-prefetch', 'prefetch', 'prerender', 'search']);
/** Schemes that hand over to another application instead of requesting anything. */
const HANDOFF = new Set(['mailto:', 'tel:', 'sms:']);

/**
 * Rewrites a built page for the offline bundle, opened from file:// with no server and no
 * network. Every link and asset to the site itself becomes a relative path ending in a file name
 * (`../codes/index.html`); links that only a server can use (sitemap, manifest, preconnect) are
 * removed; a link to another site becomes its text followed by the address, since the reader is
 * offline; anything that would be fetched from another site is removed. Canonical and hreflang
 * links keep their absolute URLs: they are metadata, nothing fetches them.
 *
 * Each change that loses something is reported with `file.message` (a warning: the bundle builder
 * fails on it) or `file.info` (expected, shown for the record).
 */
export default function rehypeOfflineLinks(options?: Options | null) {
  const { file: page = 'index.html', site = 'https://site.invalid', exists } = options ?? emptyOptions;
  const siteRoot = new URL(site.endsWith('/') ? site : `${site}/`);
  const pageUrl = new URL(pathForFile(page).slice(1), siteRoot);

  return (tree: Root, file: VFile) => {
    const report = (warn: boolean, reason: string, node: Element, ruleId: string) => {
      const options = { place: node.position, ruleId, source: 'rehype-offline-links' };
      if (warn) file.message(reason, options);
      else file.info(reason, options);
    };

    /** What to do with one URL: a relative path, the same value, or null when it cannot stay. */
    const rewrite = (value: string, node: Element): { url: string } | { drop: 'external' | 'missing' | 'invalid' } => {
      if (value.startsWith('#')) return { url: value };
      let url: URL;
      try {
        url = new URL(value, pageUrl);
      } catch {
        return { drop: 'invalid' };
      }
      if (url.protocol === 'data:' || (HANDOFF.has(url.protocol) && NAVIGATION.has(node.tagName)))
        return { url: value };
      if (url.origin !== siteRoot.origin || !url.pathname.startsWith(siteRoot.pathname)) {
        return { drop: url.protocol === 'http:' || url.protocol === 'https:' ? 'external' : 'invalid' };
      }
      const target = fileForPath(url.pathname.slice(siteRoot.pathname.length));
      if (exists && !exists(decodeURIComponent(target))) return { drop: 'missing' };
      return { url: relativeFile(page, target) + url.search + url.hash };
    };

    // Links inside <nav>: menus, where a dead entry is better removed than left as text.
    const inNav = new Set<Element>();
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'nav') return undefined;
      visit(node, 'element', (child: Element) => {
        if (child.tagName === 'a') inNav.add(child);
      });
      return SKIP;
    });

    visit(tree, 'element', (node: Element, index, parent) => {
      const remove = (): [typeof SKIP, number] | undefined => {
        if (!parent || index === undefined) return undefined;
        parent.children.splice(index, 1);
        return [SKIP, index];
      };

      // A <base> would make every relative link resolve somewhere else.
      if (node.tagName === 'base') {
        report(false, 'Removed `<base>`: relative links must resolve against the page itself', node, 'base');
        return remove();
      }

      if (node.tagName === 'meta' && String(node.properties['httpEquiv'] ?? '').toLowerCase() === 'refresh') {
        return rewriteRefresh(node);
      }

      if (node.tagName === 'link') {
        const rels = String(node.properties['rel'] ?? '')
          .toLowerCase()
          .split(/[\s,]+/)
          .filter(Boolean);
        if (rels.length && rels.every((rel) => METADATA_RELS.has(rel))) return;
        const serverOnly = rels.find((rel) => SERVER_RELS.has(rel));
        if (serverOnly) {
          report(false, `Removed \`<link rel="${serverOnly}">\`: it only works on a web server`, node, 'server-only');
          return remove();
        }
      }

      for (const prop of URL_PROPS[node.tagName] ?? []) {
        const raw = node.properties[prop];
        if (raw === undefined || raw === null || raw === '') continue;
        const value = Array.isArray(raw) ? raw.join(' ') : String(raw);

        if (prop === 'srcSet') {
          const candidates = value
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean);
          const kept: string[] = [];
          for (const candidate of candidates) {
            const [url = '', ...descriptor] = candidate.split(/\s+/);
            const result = rewrite(url, node);
            if ('url' in result) kept.push([result.url, ...descriptor].join(' '));
            else report(true, `Removed \`${url}\` from \`srcset\`: ${why(result.drop)}`, node, result.drop);
          }
          if (kept.length) node.properties[prop] = kept.join(', ');
          else delete node.properties[prop];
          continue;
        }

        const result = rewrite(value, node);
        if ('url' in result) {
          node.properties[prop] = result.url;
          continue;
        }
        if (node.tagName === 'a' || node.tagName === 'area') {
          if (result.drop === 'external') {
            // The reader is offline: keep the words and show the address to visit later.
            report(false, `Unlinked \`${value}\`: another site cannot be reached offline`, node, 'external');
            unlinkToText(node, value);
            continue;
          }
          // A dead entry in a menu is noise: it goes. In running text the words stay, unlinked.
          if (inNav.has(node)) {
            report(true, `Removed the menu link to \`${value}\`: ${why(result.drop)}`, node, result.drop);
            return remove();
          }
          report(true, `Unlinked \`${value}\`: ${why(result.drop)}`, node, result.drop);
          node.tagName = 'span';
          node.properties = { className: ['offline-missing'] };
          continue;
        }
        report(true, `Removed \`<${node.tagName}>\` loading \`${value}\`: ${why(result.drop)}`, node, result.drop);
        return remove();
      }
      return undefined;
    });

    function rewriteRefresh(node: Element) {
      const content = String(node.properties['content'] ?? '');
      const at = content.toLowerCase().indexOf('url=');
      if (at < 0) return;
      const target = content
        .slice(at + 4)
        .trim()
        .replace(/^['"]|['"]$/g, '');
      const result = rewrite(target, node);
      if ('url' in result) node.properties['content'] = `${content.slice(0, at)}url=${result.url}`;
      else report(true, `Refresh to \`${target}\` cannot work offline: ${why(result.drop)}`, node, result.drop);
    }
  };
}

function why(drop: 'external' | 'missing' | 'invalid'): string {
  if (drop === 'external') return 'it is on another site and the bundle must not use the network';
  if (drop === 'missing') return 'the file it points to is not in the bundle (a broken link on the site too?)';
  return 'it is not a URL the bundle can resolve';
}

/** `<a href="https://x">words</a>` → `<span class="offline-external">words (https://x)</span>`. */
function unlinkToText(node: Element, href: string): void {
  const text = toString(node).trim();
  node.tagName = 'span';
  node.properties = { className: ['offline-external'] };
  if (text !== href) {
    const address: ElementContent = {
      type: 'element',
      tagName: 'span',
      properties: { translate: 'no' },
      children: [{ type: 'text', value: href }],
    };
    node.children.push({ type: 'text', value: ' (' }, address, { type: 'text', value: ')' });
  }
}

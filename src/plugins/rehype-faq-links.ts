import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export interface Options {
  /** Language prefix added to site-internal links, e.g. `zh`. */
  locale?: string;
  /** Language-less site paths that exist, e.g. `/symptoms/network-timeout/`. */
  routes?: ReadonlySet<string>;
}

const emptyOptions: Options = {};

/**
 * Content links are written without a language (`/symptoms/reversal/`) so that the zh and en
 * pages can share the editors' habits. This plugin prefixes them with the page's language and
 * reports any that point nowhere. Links to other sites stay as they are but only http(s) ones
 * are kept as links: a `javascript:` URL in content becomes plain text.
 */
export default function rehypeFaqLinks(options?: Options | null) {
  const { locale, routes } = options ?? emptyOptions;
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const href = String(node.properties['href'] ?? '');
      if (/^https?:\/\//i.test(href)) {
        node.properties['rel'] = ['noopener'];
        return;
      }
      if (!href.startsWith('/')) {
        file.message(`Link \`${href}\` is not a site path or an http(s) address`, {
          place: node.position,
          ruleId: 'link',
          source: 'rehype-faq-links',
        });
        delete node.properties['href'];
        return;
      }
      const [path = '', hash] = href.split('#');
      const normal = path.endsWith('/') ? path : `${path}/`;
      if (routes && !routes.has(normal)) {
        file.message(`Link \`${href}\` points to a page that does not exist`, {
          place: node.position,
          ruleId: 'link',
          source: 'rehype-faq-links',
        });
      }
      node.properties['href'] = `/${locale ?? ''}${normal}`.replace(/^\/\//, '/') + (hash ? `#${hash}` : '');
    });
  };
}

import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

export interface Options {
  /**
   * Called with the `src` of each module script made classic, as written in the page, so that
   * the caller can turn the file itself into a classic script (assets.ts does, with esbuild).
   */
  onModule?: ((src: string) => void) | null;
}

const emptyOptions: Options = {};

/**
 * From file:// a browser will not load an ES module from a file (Chrome and Edge refuse the
 * request as cross-origin, Firefox and Safari treat each file as its own origin), so Astro's
 * `<script type="module" src>` would fail with an error in the console. This plugin makes each one
 * a classic `defer` script, which runs at the same moment a module would (after parsing, in
 * order), and reports its `src` so that the file can be rebuilt as a classic script.
 *
 * `<link rel="modulepreload">` goes: it would request the module the same way, and the classic
 * build inlines what the module imported. Inline module scripts stay unless they import
 * something, which cannot work offline and is reported.
 */
export default function rehypeOfflineScripts(options?: Options | null) {
  const { onModule } = options ?? emptyOptions;
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element, index, parent): [typeof SKIP, number] | undefined => {
      if (
        node.tagName === 'link' &&
        String(node.properties['rel'] ?? '')
          .toLowerCase()
          .split(/[\s,]+/)
          .includes('modulepreload')
      ) {
        file.info('Removed `<link rel="modulepreload">`: modules do not load from file://', {
          place: node.position,
          ruleId: 'modulepreload',
          source: 'rehype-offline-scripts',
        });
        if (!parent || index === undefined) return undefined;
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.tagName !== 'script' || String(node.properties['type'] ?? '').toLowerCase() !== 'module')
        return undefined;

      const src = node.properties['src'];
      if (typeof src === 'string' && src) {
        delete node.properties['type'];
        // A module is deferred by default; an async module stays async.
        if (!node.properties['async']) node.properties['defer'] = true;
        onModule?.(src);
        return undefined;
      }
      // Inline modules run from file:// as long as they load nothing else.
      if (/(^|[;\s])import[\s({*'"]/.test(toString(node))) {
        file.message('An inline module script imports another module, which cannot load from file://', {
          place: node.position,
          ruleId: 'inline-module-import',
          source: 'rehype-offline-scripts',
        });
      }
      return undefined;
    });
  };
}

import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { EXIT, visit } from 'unist-util-visit';

/** One language's notice. */
export interface Notice {
  /** BCP 47 tag of the text, e.g. `zh-CN`. */
  lang: string;
  /** Short label read first, in bold, e.g. "离线副本". */
  label: string;
  /**
   * The text after the label, with its own leading punctuation; `{url}` marks where the online
   * address goes, e.g. ": version 0.1.0, built 2025-11-25. Online at {url}".
   */
  text: string;
}

export interface Options {
  /** The notices to show, one paragraph each (the bilingual home page shows two). */
  notices?: readonly Notice[];
  /** The online address of this page, shown after each notice's text. */
  onlineUrl?: string;
  /** Site path of the stylesheet for the notice, added to `<head>`; omit to style it elsewhere. */
  stylesheet?: string;
}

const emptyOptions: Options = {};

/**
 * Marks a page as the offline copy: a note at the top of `<body>` (after the skip link, which must
 * stay the first thing a keyboard reaches) that says it is an offline copy, which version and
 * build date it is, and where the current version is online. Readers on a shop counter with a
 * USB stick need to know the page may be out of date and where to check.
 *
 * The address is text, not a link: the bundle links only to its own files, and a reader offline
 * cannot follow it anyway; it stays selectable to copy later.
 */
export default function rehypeOfflineNotice(options?: Options | null) {
  const { notices = [], onlineUrl, stylesheet } = options ?? emptyOptions;
  return (tree: Root, file: VFile) => {
    if (!notices.length) return;
    const head = findElement(tree, 'head');
    const body = findElement(tree, 'body');
    if (!body) {
      file.message('No `<body>` to put the offline notice in', { ruleId: 'no-body', source: 'rehype-offline-notice' });
      return;
    }

    const paragraphs = notices.map((notice): ElementContent => {
      const [before = '', ...after] = notice.text.split('{url}');
      const address = onlineUrl ? [h('span', { className: ['offline-url'], translate: 'no' }, [text(onlineUrl)])] : [];
      return h('p', { lang: notice.lang }, [
        h('strong', {}, [text(notice.label)]),
        text(before),
        ...(after.length ? [...address, text(after.join(''))] : []),
      ]);
    });
    const aside = h('aside', { className: ['offline-notice'], ariaLabel: notices.map((n) => n.label).join(' / ') }, [
      h('div', { className: ['wrap'] }, paragraphs),
    ]);

    const skip = body.children.findIndex(
      (c) => c.type === 'element' && c.tagName === 'a' && classes(c).includes('skip'),
    );
    body.children.splice(skip + 1, 0, aside);

    if (stylesheet && head) head.children.push(h('link', { rel: ['stylesheet'], href: stylesheet }, []));
  };
}

function h(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null ? [] : String(value).split(/\s+/);
}

function findElement(tree: Root, tagName: string): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== tagName) return undefined;
    found = node;
    return EXIT;
  });
  return found;
}

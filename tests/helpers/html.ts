import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface Page {
  tree: Root;
  /** Every element with this tag name, in document order, optionally filtered. */
  all(tag: string, test?: (el: Element) => boolean): Element[];
  one(tag: string, test?: (el: Element) => boolean): Element | undefined;
  text(el: Element): string;
}

const parser = unified().use(rehypeParse);

/**
 * Pages already parsed in this worker, by their text: several test files read every built page
 * (links, budgets, the offline bundle, the editors' page), and parsing was most of their time.
 * Tests only read the trees; none changes one.
 */
const parsed = new Map<string, Page>();

/** Parses a built page, e.g. `readPage(DIST, 'zh/codes/index.html')`. */
export function readPage(root: string, path: string): Page {
  const html = readFileSync(join(root, path), 'utf8');
  let page = parsed.get(html);
  if (!page) {
    if (parsed.size >= 2000) parsed.clear();
    page = parsePage(html);
    parsed.set(html, page);
  }
  return page;
}

function parsePage(html: string): Page {
  const tree = parser.parse(html);
  // Every element by its tag name, in document order, gathered in one walk on first use.
  let byTag: Map<string, Element[]> | undefined;
  const all = (tag: string, test: (el: Element) => boolean = () => true) => {
    if (!byTag) {
      const index = new Map<string, Element[]>();
      visit(tree, 'element', (el: Element) => {
        const list = index.get(el.tagName);
        if (list) list.push(el);
        else index.set(el.tagName, [el]);
      });
      byTag = index;
    }
    return (byTag.get(tag) ?? []).filter((el) => test(el));
  };
  return { tree, all, one: (tag, test) => all(tag, test)[0], text: (el) => toString(el) };
}

export function attr(el: Element | undefined, name: string): string | undefined {
  const value = el?.properties[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

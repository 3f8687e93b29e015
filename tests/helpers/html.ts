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

/** Parses a built page, e.g. `readPage(DIST, 'zh/codes/index.html')`. */
export function readPage(root: string, path: string): Page {
  const tree = parser.parse(readFileSync(join(root, path), 'utf8'));
  const all = (tag: string, test: (el: Element) => boolean = () => true) => {
    const found: Element[] = [];
    visit(tree, 'element', (el: Element) => {
      if (el.tagName === tag && test(el)) found.push(el);
    });
    return found;
  };
  return { tree, all, one: (tag, test) => all(tag, test)[0], text: (el) => toString(el) };
}

export function attr(el: Element | undefined, name: string): string | undefined {
  const value = el?.properties[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

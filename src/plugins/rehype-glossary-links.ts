import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';

/** A term the plugin links: its anchor on the glossary page and the words that stand for it. */
export interface LinkTerm {
  /** Anchor on the glossary page: the link goes to `${href}#${id}`. */
  id: string;
  /** Words that link to the term, as written; case, spaces and hyphens do not matter. */
  forms: readonly string[];
  /** Longer phrases around a form that mean something else ("network operator"): left as text. */
  except?: readonly string[];
  /** The link's `title`: its tooltip and, for screen readers, its description. */
  title?: string;
}

export interface Options {
  terms?: readonly LinkTerm[];
  /** Address of the glossary page, e.g. `/en/glossary/`. */
  href?: string;
  /** English: a form also matches with a plural ending, -s or -es ("acquirers", "batches"). */
  plurals?: boolean;
  /** Class names of elements whose text is never linked (screen strings, breadcrumbs). */
  ignoreClasses?: readonly string[];
  /** Class name given to the links, for styling. */
  className?: string;
}

const emptyOptions: Options = {};

/**
 * Elements whose text is never linked: links themselves, headings (the page's own title among
 * them), code, form controls, and anything that is not running text.
 */
const SKIP_TAGS = new Set([
  'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'var', 'button', 'select', 'option',
  'optgroup', 'textarea', 'label', 'legend', 'summary', 'title', 'script', 'style', 'template', 'noscript',
  'svg', 'math', 'iframe', 'object', 'dfn',
]);
/** ARIA roles under which a link would be nested interactive content or change a heading. */
const SKIP_ROLES = new Set(['button', 'link', 'heading', 'tab', 'menuitem', 'option', 'switch', 'checkbox', 'radio']);

/**
 * The key two forms share when they match the same text: lower case, without spaces or
 * hyphens. The content checks use it to refuse a word claimed by two terms.
 */
export function formKey(form: string): string {
  return form.toLowerCase().replace(/[\s\u00a0-]+/g, '');
}

/** Latin letters and digits: a form whose edge is one of them must not touch another one. */
const WORD = /[\p{Script=Latin}\p{Nd}]/u;
const SEPARATOR = /[\s\u00a0-]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);

/** What a form stands for: a term to link, or `undefined` for an exception left as text. */
interface Ending {
  term: LinkTerm | undefined;
  /** The form ends with a Latin letter or digit, so the text must not go on with one. */
  wordEnd: boolean;
  /** The form ends with a Latin letter and may take a plural ending. */
  plural: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  ending?: Ending;
}

/**
 * A character tree of every form, keyed as formKey() keys them, so that a text is scanned once
 * whatever the number of terms (a regular expression of all forms costs time per form and
 * position, which a 10,000-entry catalogue feels).
 */
function buildTrie(terms: readonly LinkTerm[], plurals: boolean): TrieNode {
  const root: TrieNode = { next: new Map() };
  const add = (form: string, term: LinkTerm | undefined) => {
    const key = formKey(form.trim());
    if (!key) return;
    let node = root;
    for (const c of key) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    const last = key.at(-1);
    // An exception wins over a form with the same key, so that "except" always holds.
    if (node.ending && term) return;
    node.ending = { term, wordEnd: isWord(last), plural: plurals && /\p{Script=Latin}/u.test(last ?? '') };
  };
  for (const term of terms) {
    for (const form of term.forms) add(form, term);
    for (const phrase of term.except ?? []) add(phrase, undefined);
  }
  return root;
}

/**
 * The longest form that starts at `start` in `text`: its end and what it stands for. Spaces and
 * hyphens inside the text are skipped, case is ignored, and Latin edges need word boundaries.
 */
function longestAt(root: TrieNode, text: string, start: number): { end: number; ending: Ending } | undefined {
  const first = text[start];
  if (first === undefined || SEPARATOR.test(first)) return undefined;
  if (isWord(first) && isWord(text[start - 1])) return undefined;
  let node: TrieNode | undefined = root;
  let best: { end: number; ending: Ending } | undefined;
  for (let i = start; i < text.length && node; i++) {
    const c = text[i]!;
    if (i > start && SEPARATOR.test(c)) continue;
    node = node.next.get(c.toLowerCase());
    const ending = node?.ending;
    if (!ending) continue;
    let end = i + 1;
    if (ending.plural) {
      const rest = text.slice(end, end + 2).toLowerCase();
      if (rest.startsWith('es') && !isWord(text[end + 2])) end += 2;
      else if (rest.startsWith('s') && !isWord(text[end + 1])) end += 1;
    }
    if (ending.wordEnd && isWord(text[end])) continue;
    best = { end, ending };
  }
  return best;
}

/**
 * Links the first use of each glossary term on a page to its explanation on the glossary page.
 *
 * Matching is done on each text node, leftmost first and, at one place, the longest form of
 * all terms, so "IC 卡参数" wins over "IC 卡". Chinese needs no word boundaries;
 * a form that starts or ends with a Latin letter or digit never matches inside a longer Latin
 * word ("MAC" is not found in "machine", "D0" not in "D01"), which gives English its word
 * boundaries. Matching ignores case, and spaces and hyphens after a form's first character, in
 * the form and in the text ("sign-on" finds "sign on"; "MAC 校验" finds "MAC校验"). A phrase in
 * a term's `except` is matched like a form and left as text ("network operator").
 *
 * The link's text is the text as it was, so the page reads the same with or without it; its
 * accessible name is that text and its `title` describes it. Nothing is linked inside links,
 * headings, code, buttons and other controls, or elements with one of `ignoreClasses`.
 */
export default function rehypeGlossaryLinks(options?: Options | null) {
  const { terms = [], href = '/glossary/', plurals = false, ignoreClasses = [], className } = options ?? emptyOptions;
  const ignored = new Set(ignoreClasses);

  const trie = buildTrie(terms, plurals);

  return (tree: Root, file: VFile) => {
    if (!terms.length) return;
    const seenIds = new Set<string>();
    for (const term of terms) {
      if (seenIds.has(term.id)) {
        file.message(`Term id \`${term.id}\` is given twice`, { ruleId: 'duplicate-id', source: 'rehype-glossary-links' });
      }
      seenIds.add(term.id);
    }
    const linked = new Set<string>();

    const linkText = (node: Text): ElementContent[] | undefined => {
      const out: ElementContent[] = [];
      const text = node.value;
      let last = 0;
      for (let i = 0; i < text.length; ) {
        const match = longestAt(trie, text, i);
        if (!match) {
          i++;
          continue;
        }
        const { term } = match.ending;
        if (term && !linked.has(term.id)) {
          linked.add(term.id);
          if (i > last) out.push({ type: 'text', value: text.slice(last, i) });
          out.push({
            type: 'element',
            tagName: 'a',
            properties: {
              href: `${href}#${term.id}`,
              ...(className && { className: [className] }),
              ...(term.title && { title: term.title }),
            },
            children: [{ type: 'text', value: text.slice(i, match.end) }],
          });
          last = match.end;
        }
        // A form already linked, or an exception, is passed over whole: no shorter form inside it
        // is linked either ("MAC 密钥" is not the place to link "MAC").
        i = match.end;
      }
      if (!out.length) return undefined;
      if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
      return out;
    };

    const walk = (parent: Root | Element) => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i]!;
        if (child.type === 'text') {
          const replaced = linkText(child);
          if (replaced) {
            parent.children.splice(i, 1, ...replaced);
            i += replaced.length - 1;
          }
        } else if (child.type === 'element' && !skipped(child, ignored)) {
          walk(child);
        }
      }
    };
    walk(tree);
  };
}

function skipped(el: Element, ignored: ReadonlySet<string>): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  const role = el.properties['role'];
  if (typeof role === 'string' && SKIP_ROLES.has(role)) return true;
  if (el.properties['hidden'] !== undefined && el.properties['hidden'] !== false) return true;
  const classes = el.properties['className'];
  return Array.isArray(classes) && classes.some((c) => ignored.has(String(c)));
}

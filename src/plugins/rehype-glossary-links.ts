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

function pattern(form: string, plurals: boolean): string {
  const chars = [...form.trim()];
  const body = form
    .trim()
    .split(/[\s\u00a0-]+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\u00a0-]*');
  const first = chars[0] ?? '';
  const last = chars.at(-1) ?? '';
  const latinEnd = /\p{Script=Latin}/u.test(last);
  return (
    (WORD.test(first) ? '(?<![\\p{Script=Latin}\\p{Nd}])' : '') +
    body +
    (plurals && latinEnd ? '(?:e?s)?' : '') +
    (WORD.test(last) ? '(?![\\p{Script=Latin}\\p{Nd}])' : '')
  );
}

/**
 * Links the first use of each glossary term on a page to its explanation on the glossary page.
 *
 * Matching is done on each text node: all forms of all terms in one expression, the longest
 * first, so "IC 卡参数" wins over "IC 卡" at the same place. Chinese needs no word boundaries;
 * a form that starts or ends with a Latin letter or digit never matches inside a longer Latin
 * word ("MAC" is not found in "machine", "D0" not in "D01"), which gives English its word
 * boundaries. Matching ignores case, and spaces or hyphens in a form match any run of them or
 * none ("sign-on" finds "sign on"; "MAC 校验" finds "MAC校验").
 *
 * The link's text is the text as it was, so the page reads the same with or without it; its
 * accessible name is that text and its `title` describes it. Nothing is linked inside links,
 * headings, code, buttons and other controls, or elements with one of `ignoreClasses`.
 */
export default function rehypeGlossaryLinks(options?: Options | null) {
  const { terms = [], href = '/glossary/', plurals = false, ignoreClasses = [], className } = options ?? emptyOptions;
  const ignored = new Set(ignoreClasses);

  // One alternative per form or exception, longest first; the group names say which term it is.
  const alternatives: { source: string; term: LinkTerm | undefined; length: number }[] = [];
  for (const term of terms) {
    for (const form of term.forms) alternatives.push({ source: pattern(form, plurals), term, length: formKey(form).length });
    for (const phrase of term.except ?? []) alternatives.push({ source: pattern(phrase, plurals), term: undefined, length: formKey(phrase).length });
  }
  alternatives.sort((a, b) => b.length - a.length);
  const matcher = alternatives.length ? new RegExp(alternatives.map((a, i) => `(?<t${i}>${a.source})`).join('|'), 'giu') : undefined;

  return (tree: Root, file: VFile) => {
    if (!matcher) return;
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
      let last = 0;
      matcher.lastIndex = 0;
      for (const match of node.value.matchAll(matcher)) {
        const index = Number(Object.entries(match.groups ?? {}).find(([, v]) => v !== undefined)?.[0].slice(1));
        const term = alternatives[index]?.term;
        if (!term || linked.has(term.id)) continue;
        linked.add(term.id);
        if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index) });
        out.push({
          type: 'element',
          tagName: 'a',
          properties: {
            href: `${href}#${term.id}`,
            ...(className && { className: [className] }),
            ...(term.title && { title: term.title }),
          },
          children: [{ type: 'text', value: match[0] }],
        });
        last = match.index + match[0].length;
      }
      if (!out.length) return undefined;
      if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
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

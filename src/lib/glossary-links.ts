import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { t } from '../i18n/index.ts';
import rehypeGlossaryLinks from '../plugins/rehype-glossary-links.ts';
import type { Locale } from '../schemas/faq.ts';
import type { GlossaryEntry } from './catalogue-types.ts';
import { termForms } from './glossary-checks.ts';

/**
 * Parts of an entry page whose words are not running text: the breadcrumbs, the badges, the
 * screen strings (shown as the terminal shows them) and the words people type.
 */
export const GLOSSARY_IGNORE = ['crumbs', 'badges', 'messages', 'aliases', 'toc'];

/** The class of the links, styled in site.css. */
export const GLOSSARY_LINK_CLASS = 'term';

/** The first sentence of a term's explanation: the link's tooltip and description. */
export function firstSentence(text: string): string {
  const match = /^.*?(?:[。！？]|[.!?](?=\s|$))/su.exec(text);
  return (match?.[0] ?? text).trim();
}

const processors = new Map<Locale, Processor>();

function processor(locale: Locale, terms: readonly GlossaryEntry[]): Processor {
  let found = processors.get(locale);
  if (!found) {
    found = unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeGlossaryLinks, {
        terms: terms.map((term) => ({
          id: term.id,
          forms: termForms(term),
          except: term.except,
          title: `${t(locale, 'glossary.title')}${t(locale, 'punct.colon')}${firstSentence(term.text)}`,
        })),
        href: `/${locale}/glossary/`,
        plurals: locale === 'en',
        ignoreClasses: GLOSSARY_IGNORE,
        className: GLOSSARY_LINK_CLASS,
      })
      .use(rehypeStringify) as unknown as Processor;
    processors.set(locale, found);
  }
  return found;
}

/**
 * Links the first use of each glossary term in a page's rendered content (an entry's article, a
 * topic page) to the glossary. `page` names the page in an error.
 */
export function linkGlossaryTerms(locale: Locale, terms: readonly GlossaryEntry[], html: string, page: string): string {
  const file = new VFile({ path: page, value: html });
  let out: string;
  try {
    out = String(processor(locale, terms).processSync(file));
  } catch (cause) {
    throw new Error(`Could not link the glossary terms of ${page}`, { cause });
  }
  if (file.messages.length) {
    throw new Error(`Linking the glossary terms of ${page} reported: ${file.messages.map((m) => m.reason).join('; ')}`);
  }
  return out;
}

import { z } from 'astro/zod';

/**
 * The glossary's sections, in the order of the page. The titles are interface strings
 * (`glossary.group.<name>` in src/i18n/), so both languages group the terms alike.
 */
export const GLOSSARY_GROUPS = ['parties', 'terminal', 'transactions', 'receipt', 'money'] as const;
export type GlossaryGroup = (typeof GLOSSARY_GROUPS)[number];

/** Term ids are anchors on the glossary page: lower-case words joined by hyphens. */
export const GLOSSARY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** One term of `faq/glossary/<lang>.yaml`. */
export const glossaryTermSchema = z.strictObject({
  /** Stable id, the same in both languages: the anchor `/zh/glossary/#acquirer`. Never change it. */
  id: z.string().regex(GLOSSARY_ID, 'must be lower-case words joined by hyphens, like "acquirer"'),
  /** The headword, as a shopkeeper would say it. Linked where it appears in entries. */
  term: text(40),
  /** Other names a reader meets (收单行, acquiring bank): shown under the headword and linked too. */
  also: z.array(text(40)).default([]),
  /** Further forms that are linked but not shown: inflections, word orders ("signed on"). */
  match: z.array(text(40)).default([]),
  /** Phrases that contain one of the forms but mean something else ("network operator"): never linked. */
  except: z.array(text(40)).default([]),
  /** The explanation: a plain sentence or two, no HTML or Markdown. */
  text: text(300),
  /** The page's section. */
  group: z.enum(GLOSSARY_GROUPS),
  /** Ids of other terms to read next. */
  see: z.array(z.string()).default([]),
  /** Ids of symptom entries that deal with it (file names in faq/symptoms/<lang>/). */
  entries: z.array(z.string()).default([]),
});
export type GlossaryTerm = z.output<typeof glossaryTermSchema>;

export const glossaryFileSchema = z.strictObject({
  terms: z.array(glossaryTermSchema).min(1, 'needs at least one term'),
});
export type GlossaryFile = z.output<typeof glossaryFileSchema>;

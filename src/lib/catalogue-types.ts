import type { CodeClass, Move } from '../schemas/codes.ts';
import type { Locale, Symptom, Topic } from '../schemas/faq.ts';
import type { GlossaryTerm } from '../schemas/glossary.ts';
import type { Diagnosis } from './diagnose.ts';
import type { TopicSection } from './render-topic.ts';

// The checked catalogue's shapes. Loading it is catalogue.ts, the checks are catalogue-checks.ts;
// both import these types from here, so neither imports the other.

export interface SymptomEntry extends Symptom {
  locale: Locale;
  file: string;
}

export interface TopicPage {
  slug: Topic;
  locale: Locale;
  file: string;
  title: string;
  description: string;
  /** The day an editor last checked the page against its sources (YYYY-MM-DD). */
  reviewed: string;
  introHtml: string;
  sections: TopicSection[];
}

export interface Catalogue {
  symptoms: Record<Locale, SymptomEntry[]>;
  topics: Record<Locale, TopicPage[]>;
  /** The guided diagnosis: one decision tree per language. */
  diagnosis: Record<Locale, Diagnosis>;
  /** The UnionPay class (A–E) of every response code, from `faq/codes.yaml`; "00" is always there. */
  codeClasses: Readonly<Record<string, CodeClass>>;
  /** The next move set by hand in `faq/codes.yaml` where the derived one would be wrong (next-move.ts). */
  codeMoves: Readonly<Record<string, Move>>;
  /** The glossary, in each language in the file's order (faq/glossary/<lang>.yaml). */
  glossary: Record<Locale, GlossaryEntry[]>;
}

/** A glossary term as loaded: its language, its file and its place in the file's list. */
export interface GlossaryEntry extends GlossaryTerm {
  locale: Locale;
  file: string;
  /** Field path of the term in its file, `terms.3`, for messages. */
  field: string;
}

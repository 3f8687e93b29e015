import { z } from 'astro/zod';

/** The two languages every page exists in; the first one is the default. */
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Categories group the symptom catalogue; the order here is the order on the page. */
export const CATEGORIES = [
  'network',
  'signon',
  'host',
  'hardware',
  'printer',
  'card',
  'transaction',
  'account',
  'security',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Who has to do something. `wait` means nobody can fix it locally: wait and retry. */
export const ACTORS = ['merchant', 'cardholder', 'acquirer', 'vendor', 'wait'] as const;
export type Actor = (typeof ACTORS)[number];

/** The five topic pages, in reading order. */
export const TOPICS = ['definition', 'causes', 'countermeasures', 'impact', 'prevention'] as const;
export type Topic = (typeof TOPICS)[number];

/** A required piece of plain text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * A response code as the terminal prints it: two characters, digits or capital
 * letters ("05", "51", "A0"). Editors write it as a quoted string so YAML keeps
 * the leading zero.
 */
export const responseCode = z
  .string()
  .regex(/^[0-9A-Z]{2}$/, 'must be two digits or capital letters, quoted, like "05" or "A0"');

/**
 * The day an editor last checked a text against its sources (YYYY-MM-DD). Readers see it as
 * "Checked December 2026"; how often each category falls due is set in src/lib/review-due.ts.
 */
export const reviewedDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be the date an editor last checked it against its sources, like 2026-12-06')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

/**
 * One line of an entry's change log: a change a reader must know about (a step, what not to do,
 * whom to call), written for that language's readers. Newest first. check:content refuses a change
 * to those fields since the last release (faq/release.json) without a new line here.
 */
export const changeSchema = z.strictObject({
  /** The day the change was made (YYYY-MM-DD). */
  date: reviewedDate,
  /** One sentence for readers: what changed and what they now do differently. */
  note: text(200),
});
export type Change = z.output<typeof changeSchema>;

export const symptomSchema = z.strictObject({
  /** Stable id, the same in both languages and equal to the file name. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, like "network-timeout"'),
  title: text(120),
  /** One sentence that says what is going on, shown in lists and search results. */
  summary: text(300),
  category: z.enum(CATEGORIES),
  /** Who acts, the main one first. */
  actors: z.array(z.enum(ACTORS)).min(1, 'needs at least one actor').max(3),
  reviewed: reviewedDate,
  /** The exact strings a terminal shows, as they appear on screen or on the receipt. */
  messages: z.array(text(120)).default([]),
  /** Response codes (ISO 8583 field 39) this entry explains. */
  codes: z.array(responseCode).default([]),
  /** Words people type when they look for this: colloquial, misspelt, shorthand. */
  aliases: z.array(text(80)).default([]),
  causes: z.array(text(400)).min(1, 'needs at least one cause'),
  /** What to do, in order. */
  steps: z.array(text(400)).min(1, 'needs at least one step'),
  escalate: z.strictObject({
    when: text(300),
    to: text(300),
  }),
  /** Things that make it worse, such as charging again after a timeout. */
  avoid: z.array(text(400)).default([]),
  related: z.array(z.string()).default([]),
  /** Changes a reader must know about, newest first (see faq/README.md, "Recording a change"). */
  changes: z.array(changeSchema).default([]),
});
export type Symptom = z.output<typeof symptomSchema>;

export const topicSchema = z.strictObject({
  title: text(120),
  description: text(300),
  reviewed: reviewedDate,
});
export type TopicFrontmatter = z.output<typeof topicSchema>;

import { z } from 'astro/zod';
import { reviewedDate } from './faq.ts';

/**
 * The fields of an entry that a reader acts on: a change to any of them needs a line in the
 * entry's `changes:` list, so that vendors who print cards and train staff hear of it.
 */
export const WATCHED_FIELDS = ['steps', 'avoid', 'escalate'] as const;
export type WatchedField = (typeof WATCHED_FIELDS)[number];

/** One language file of one entry as released: a hash of each watched field, and how many changes lines it had. */
const releasedFileSchema = z.strictObject({
  steps: z.string(),
  avoid: z.string(),
  escalate: z.string(),
  changes: z.number().int().min(0),
});
export type ReleasedFile = z.output<typeof releasedFileSchema>;

/**
 * `faq/release.json`, written by `npm run release`: the last release of the content, so that the
 * change rule needs no git history (CI clones may be shallow).
 */
export const releaseSchema = z.strictObject({
  /** The day the release was recorded. */
  date: reviewedDate,
  /** Entry id → language → what was released. */
  entries: z.record(z.string(), z.record(z.string(), releasedFileSchema)),
});
export type Release = z.output<typeof releaseSchema>;

import { z } from 'astro/zod';
import { responseCode } from './faq.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const entryId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an entry id, like "network-timeout"');


/** The wording of the card in one language; what the card lists is shared by both. */
const cardTextSchema = z.strictObject({
  title: text(60),
  /** One sentence under the title: what the card is for. */
  intro: text(160),
  /** The three things never to do, in the order printed. */
  never: z.array(text(140)).length(3, 'must list exactly three things'),
  /** Where to find the acquirer's official contact; never a number. */
  contact: text(280),
});

/**
 * `faq/card.yaml`: the printable quick card for the counter. The codes and symptoms are chosen
 * once for both languages, so the two cards always show the same things.
 */
export const cardSchema = z.strictObject({
  /** Response codes, in the order printed; each must belong to an entry. */
  codes: z.array(responseCode).min(20, 'needs at least 20 codes: the card is for the codes merchants meet most'),
  /** Entries shown with their first step: common screen messages and symptoms. */
  symptoms: z.array(entryId).min(4, 'needs at least 4 symptoms'),
  zh: cardTextSchema,
  en: cardTextSchema,
});
export type CardFile = z.output<typeof cardSchema>;
export type CardText = z.output<typeof cardTextSchema>;

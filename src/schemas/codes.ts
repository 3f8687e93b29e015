import { z } from 'astro/zod';

/**
 * UnionPay's outcome classes for POS response codes (the "类别" column of the UnionPay POS
 * table): what the terminal and the cashier do with the code.
 * A success · B failed, a retry may work · C failed, do not retry · D failed, the operator must
 * act · E failed, system fault, do not retry.
 */
export const CODE_CLASSES = ['A', 'B', 'C', 'D', 'E'] as const;
export type CodeClass = (typeof CODE_CLASSES)[number];

/** The response code every table shares: approved. It has no entry but a row on the codes page. */
export const SUCCESS_CODE = '00';

/**
 * What the person at the counter does next about a code: a second try may work (retry), trying
 * again changes nothing (no-retry), the merchant or the acquirer has to act first (merchant), or
 * nobody can fix it at the counter (wait). The codes page and the quick card both show it.
 */
export const MOVES = ['retry', 'no-retry', 'merchant', 'wait'] as const;
export type Move = (typeof MOVES)[number];

/**
 * One line of `faq/codes.yaml`: the class alone (`"05": C`), or the class with the next move where
 * the move derived from the class and the entry would be wrong (`"19": { class: C, move: retry }`).
 */
const codeLineObject = z.strictObject({ class: z.enum(CODE_CLASSES), move: z.enum(MOVES).optional() });
const codeLineSchema = z.preprocess(
  // The short form is the common one; reading it as { class } gives both forms one set of messages.
  (line) => (typeof line === 'string' ? { class: line } : line),
  codeLineObject,
);
export type CodeLine = z.output<typeof codeLineSchema>;

/**
 * `faq/codes.yaml`: response code → class (and move). Keys are checked in catalogue-checks.ts, so
 * that an unquoted `00:` (which YAML reads as the number 0) gets a message that says to quote it.
 */
export const codeClassesSchema = z.record(z.string(), codeLineSchema);
export type CodeClasses = z.output<typeof codeClassesSchema>;

/**
 * The same table as an editor writes it, for the JSON Schema (a preprocess step has no JSON
 * Schema of its own): the class alone or the object, built from the same parts.
 */
export const codeClassesInputSchema = z.record(z.string(), z.union([z.enum(CODE_CLASSES), codeLineObject]));

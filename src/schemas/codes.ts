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
 * `faq/codes.yaml`: response code → class. Keys are checked in catalogue-checks.ts, so that an
 * unquoted `00:` (which YAML reads as the number 0) gets a message that says to quote it.
 */
export const codeClassesSchema = z.record(
  z.string(),
  z.enum(CODE_CLASSES),
);
export type CodeClasses = z.output<typeof codeClassesSchema>;

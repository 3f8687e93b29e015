import { z } from 'astro/zod';

/**
 * The most questions a reader answers before reaching an entry. Five: enough for the response
 * codes to be grouped by what the merchant does next and then named one by one, few enough for
 * someone at a counter; the build refuses a deeper tree.
 */
export const MAX_QUESTIONS = 5;

/** Ids of questions, like entry ids: lower-case words joined by hyphens. */
export const DIAGNOSE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const id = z.string().regex(DIAGNOSE_ID, 'must be lower-case words joined by hyphens, like "receipt"');

/**
 * One answer to a question. It leads either to another question (`next`) or to a symptom entry
 * (`entry`); the graph check, not the schema, insists on exactly one of the two, so that a
 * missing target is reported as a dead end with the node's name rather than as a type error.
 */
export const diagnoseAnswerSchema = z.strictObject({
  /** What the reader taps: short, it is also the breadcrumb. */
  answer: text(60),
  /** Optional second line under the answer: an example, the exact screen text. */
  detail: text(200).optional(),
  /** Id of the next question in the same file. */
  next: id.optional(),
  /** Id of a symptom entry (a file name in faq/symptoms/<lang>/ without .yaml). */
  entry: id.optional(),
});
export type DiagnoseAnswer = z.output<typeof diagnoseAnswerSchema>;

export const diagnoseQuestionSchema = z.strictObject({
  /** Also the page title, with the site's name after it: short enough for a browser tab. */
  question: text(50),
  /** Optional hint under the question: where to look, what counts as what. */
  help: text(300).optional(),
  answers: z.array(diagnoseAnswerSchema),
});
export type DiagnoseQuestion = z.output<typeof diagnoseQuestionSchema>;

/** One language's decision tree: `faq/diagnose/<lang>.yaml`. */
export const diagnoseFileSchema = z.strictObject({
  /** Title of the first page and of the flow, e.g. "一步步排查". */
  title: text(80),
  /** One or two sentences above the first question. */
  intro: text(400),
  /** Id of the first question. */
  start: id,
  /** Every question, by id. The order is the editor's; the reader's order comes from `start`. */
  questions: z.record(z.string(), diagnoseQuestionSchema),
});
export type DiagnoseFile = z.output<typeof diagnoseFileSchema>;

/** One thing wrong with the content, said so that an editor can fix it without reading code. */
export interface Problem {
  /** Path relative to the project, e.g. `faq/symptoms/zh/network-timeout.yaml`. */
  file: string;
  /** Dotted field path (`codes.0`, `escalate.to`), or `-` when the whole file is at fault. */
  field: string;
  message: string;
  fix: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file} › ${p.field}: ${p.message}\n    Fix: ${p.fix}`;
}

/**
 * Thrown when `faq/` has problems. The message lists every problem found, not only the first,
 * so one build run tells the editor everything to fix.
 */
export class ContentError extends Error {
  readonly problems: Problem[];

  /** @param where The folder checked, as the message names it: `faq/`, or a vendor overlay's. */
  constructor(problems: Problem[], where = 'faq/') {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The content in ${where} has ${count}:\n\n${problems.map(formatProblem).join('\n\n')}\n`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

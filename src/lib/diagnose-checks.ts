import { LOCALES, type Locale } from '../schemas/faq.ts';
import { DIAGNOSE_ID, MAX_QUESTIONS, type DiagnoseFile } from '../schemas/diagnose.ts';
import type { Problem } from './content-error.ts';
import { diagnosePath, type DiagnoseNode, type Diagnosis } from './diagnose.ts';

/** A parsed `faq/diagnose/<lang>.yaml` that passed the schema. */
export interface DiagnoseSource {
  locale: Locale;
  file: string;
  data: DiagnoseFile;
}

/**
 * Checks the trees of every language and returns them placed, or undefined when there were
 * problems (which are added to `problems`). `entryExists(locale, id)` tells whether a symptom entry
 * exists in that language.
 */
export function checkDiagnosis(
  sources: readonly DiagnoseSource[],
  entryExists: (locale: Locale, id: string) => boolean,
  problems: Problem[],
): Record<Locale, Diagnosis> | undefined {
  const before = problems.length;
  const trees: Partial<Record<Locale, Diagnosis>> = {};
  for (const source of sources) {
    const tree = checkTree(source, (id) => entryExists(source.locale, id), problems);
    if (tree) trees[source.locale] = tree;
  }
  compareLanguages(sources, problems);
  if (problems.length > before || LOCALES.some((l) => !trees[l])) return undefined;
  return trees as Record<Locale, Diagnosis>;
}

function checkTree(
  { locale, file, data }: DiagnoseSource,
  entryExists: (id: string) => boolean,
  problems: Problem[],
): Diagnosis | undefined {
  const before = problems.length;
  const ids = Object.keys(data.questions);
  const questionList = ids.length ? ids.map((q) => `"${q}"`).join(', ') : '(none yet)';
  const report = (field: string, message: string, fix: string) => problems.push({ file, field, message, fix });

  for (const [id, question] of Object.entries(data.questions)) {
    if (!DIAGNOSE_ID.test(id)) {
      report(`questions.${id}`, `question id "${id}" is not lower-case words joined by hyphens`, `rename it, e.g. "${slug(id)}", and every next: that points to it`);
    }
    if (question.answers.length === 0) {
      report(`questions.${id}.answers`, `question "${id}" has no answers, so the diagnosis stops there (a dead end)`, 'give it at least two answers, each with next: <question id> or entry: <entry id>');
    } else if (question.answers.length === 1) {
      report(`questions.${id}.answers`, `question "${id}" has only one answer, so it asks nothing`, 'add another answer, or point the answer that leads here straight to where this one goes');
    }
    question.answers.forEach((answer, i) => {
      const field = `questions.${id}.answers.${i}`;
      if (answer.next === undefined && answer.entry === undefined) {
        report(field, `answer "${answer.answer}" of question "${id}" leads nowhere (a dead end)`, 'add next: <question id> to ask another question, or entry: <entry id> to show the fix');
      } else if (answer.next !== undefined && answer.entry !== undefined) {
        report(field, `answer "${answer.answer}" of question "${id}" has both next: and entry:`, 'keep one: next: to ask another question, or entry: to show the fix');
      } else if (answer.next !== undefined && !(answer.next in data.questions)) {
        report(`${field}.next`, `"${answer.next}" is not a question in this file`, `use the id of a question under questions: (${questionList}), or entry: <entry id> to show a fix`);
      } else if (answer.entry !== undefined && !entryExists(answer.entry)) {
        report(`${field}.entry`, `"${answer.entry}" is not the id of any entry`, `use the file name (without .yaml) of an entry in faq/symptoms/${locale}/`);
      }
    });
  }
  if (!(data.start in data.questions)) {
    report('start', `"${data.start}" is not a question in this file`, `set start: to the id of the first question: one of ${questionList}`);
    return undefined;
  }

  // Depth-first walk from the start. A "next" to a question still on the current path closes a
  // loop; one to a question already placed elsewhere gives it a second way in. Both are refused:
  // a tree lets every page show, without JavaScript, the answers that led to it and one "back".
  const placed = new Map<string, DiagnoseNode>();
  const onPath: string[] = [];
  const entries = new Set<string>();
  const walk = (id: string, depth: number, from: DiagnoseNode['from']) => {
    const question = data.questions[id]!;
    const node: DiagnoseNode = { ...question, id, depth, from, path: diagnosePath(id, data.start) };
    placed.set(id, node);
    if (depth === MAX_QUESTIONS + 1) {
      const way = [...onPath, id].join(' → ');
      report(`questions.${id}`, `question "${id}" is question ${depth} on the way ${way}; at most ${MAX_QUESTIONS} questions may come before an entry`, 'merge two questions, or let an earlier answer lead straight to an entry');
    }
    onPath.push(id);
    question.answers.forEach((answer, i) => {
      if (answer.entry !== undefined && answer.next === undefined) entries.add(answer.entry);
      const next = answer.next;
      if (next === undefined || answer.entry !== undefined || !(next in data.questions)) return;
      const field = `questions.${id}.answers.${i}.next`;
      const loop = onPath.indexOf(next);
      if (loop !== -1) {
        const way = [...onPath.slice(loop), next].join(' → ');
        report(field, `answer "${answer.answer}" of question "${id}" leads back to "${next}", making a loop: ${way}`, 'point it to a question further on, or to an entry with entry:; the diagnosis must always move forward');
      } else if (placed.has(next)) {
        const other = placed.get(next)!.from;
        const where = other ? `answer ${other.answer + 1} of "${other.question}"` : 'start:';
        report(field, `question "${next}" is already reached from ${where}; a question has one way in`, `copy "${next}" under a new id for this answer, or let this answer lead to an entry`);
      } else {
        walk(next, depth + 1, { question: id, answer: i });
      }
    });
    onPath.pop();
  };
  walk(data.start, 1, null);

  for (const id of ids) {
    if (!placed.has(id)) {
      report(`questions.${id}`, `question "${id}" cannot be reached from the first question "${data.start}"`, `let an answer lead to it with next: ${id}, or delete it`);
    }
  }

  if (problems.length > before) return undefined;
  const nodes = [...placed.values()];
  return {
    locale,
    file,
    title: data.title,
    intro: data.intro,
    start: data.start,
    nodes,
    maxDepth: Math.max(...nodes.map((n) => n.depth)),
    entries: [...entries],
  };
}

/** Both languages ask the same questions, with the same answers leading to the same places. */
function compareLanguages(sources: readonly DiagnoseSource[], problems: Problem[]): void {
  const [first, ...others] = LOCALES;
  const base = sources.find((s) => s.locale === first);
  if (!base) return;
  const target = (a: { next?: string | undefined; entry?: string | undefined }) =>
    a.next !== undefined ? `question "${a.next}"` : a.entry !== undefined ? `entry "${a.entry}"` : 'nowhere';
  const same = 'both languages ask the same questions with the same answers in the same order; only the wording differs';
  for (const locale of others) {
    const other = sources.find((s) => s.locale === locale);
    if (!other) continue;
    const report = (field: string, message: string, fix = same) => problems.push({ file: other.file, field, message, fix });
    if (other.data.start !== base.data.start) {
      report('start', `starts with "${other.data.start}", but ${base.file} starts with "${base.data.start}"`);
    }
    for (const id of Object.keys(base.data.questions)) {
      if (!(id in other.data.questions)) {
        report('questions', `question "${id}" is in ${base.file} but not here`, `add "${id}" here with the same answers in the same order; ${same}`);
      }
    }
    for (const [id, question] of Object.entries(other.data.questions)) {
      const twin = base.data.questions[id];
      if (!twin) {
        report(`questions.${id}`, `question "${id}" is not in ${base.file}`, `add it there too, or remove it here; ${same}`);
        continue;
      }
      if (question.answers.length !== twin.answers.length) {
        report(`questions.${id}.answers`, `question "${id}" has ${question.answers.length} answers here but ${twin.answers.length} in ${base.file}`);
        continue;
      }
      question.answers.forEach((answer, i) => {
        const here = target(answer);
        const there = target(twin.answers[i]!);
        if (here !== there) {
          report(`questions.${id}.answers.${i}`, `answer ${i + 1} of question "${id}" leads to ${here}, but in ${base.file} to ${there}`);
        }
      });
    }
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'question';
}

import { LOCALES, type Locale } from '../schemas/faq.ts';
import {
  DIAGNOSE_ID,
  MAX_QUESTIONS,
  type DiagnoseAnswer,
  type DiagnoseFile,
  type DiagnoseQuestion,
} from '../schemas/diagnose.ts';
import type { Problem } from './content-error.ts';

/** A question placed in the tree: where it sits and how the reader got there. */
export interface DiagnoseNode extends DiagnoseQuestion {
  id: string;
  /** 1 for the first question, 2 for the questions it leads to, and so on. */
  depth: number;
  /** The question and the answer (its index) that lead here; null for the first question. */
  from: { question: string; answer: number } | null;
  /** Language-less site path: `/diagnose/` for the first question, `/diagnose/<id>/` otherwise. */
  path: string;
}

/** One language's checked tree. */
export interface Diagnosis {
  locale: Locale;
  file: string;
  title: string;
  intro: string;
  start: string;
  /** Every question in reading order: depth first from the start, answers in their order. */
  nodes: DiagnoseNode[];
  /** The most questions asked before an entry, on the longest path. */
  maxDepth: number;
  /** Ids of the entries the tree reaches, in reading order, each once. */
  entries: string[];
}

/** A parsed `faq/diagnose/<lang>.yaml` that passed the schema. */
export interface DiagnoseSource {
  locale: Locale;
  file: string;
  data: DiagnoseFile;
}

/** The site path of a question; the first question is the diagnosis' front page. */
export function diagnosePath(id: string, start: string): string {
  return id === start ? '/diagnose/' : `/diagnose/${id}/`;
}

/** Language-less paths of every question page, for `sitePaths`. */
export function diagnosePaths(sources: readonly { start: string; ids: readonly string[] }[]): string[] {
  const paths = new Set<string>();
  for (const { start, ids } of sources) for (const id of ids) paths.add(diagnosePath(id, start));
  return [...paths];
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

/** The answers given on the way to a question: `[{ node, answer }]` from the first question. */
export function trail(tree: Diagnosis, id: string): { node: DiagnoseNode; answer: number }[] {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const steps: { node: DiagnoseNode; answer: number }[] = [];
  for (let node = byId.get(id); node?.from; ) {
    const parent = byId.get(node.from.question);
    if (!parent) break;
    steps.unshift({ node: parent, answer: node.from.answer });
    node = parent;
  }
  return steps;
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

/** One line for the build log and `npm run check:content`: size and depth of the tree. */
export function describeDiagnosis(tree: Diagnosis): string {
  return `diagnosis: ${tree.nodes.length} questions lead to ${tree.entries.length} entries, at most ${tree.maxDepth} questions deep (limit ${MAX_QUESTIONS}).`;
}

/**
 * The diagnosis as JSON, for whatever walks the tree outside the site's pages (the widget's
 * "not sure? diagnose" path). Served at `/widget/diagnose/<lang>.json`; URLs are site paths with
 * the language, to be resolved against the site's base. Adding fields is fine; changing or
 * removing one needs a new `version`.
 */
export interface DiagnoseData {
  version: 1;
  /** BCP 47 tag of the text, as in `<html lang>`. */
  lang: string;
  title: string;
  intro: string;
  /** Id of the first question. */
  start: string;
  maxDepth: number;
  questions: Record<
    string,
    Pick<DiagnoseQuestion, 'question' | 'help'> & {
      depth: number;
      /** The question's own page, e.g. `/zh/diagnose/receipt/`. */
      url: string;
      /** Each answer leads to exactly one of `next` (a key of `questions`) or `entry` (a key of `entries`). */
      answers: DiagnoseAnswer[];
    }
  >;
  /** Every entry an answer leads to. */
  entries: Record<
    string,
    {
      title: string;
      summary: string;
      /** The first step. */
      step: string;
      url: string;
      /** Who acts first (the entry's first actor): merchant, cardholder, acquirer, vendor or wait. */
      actor: string;
      /** Response codes the entry explains. */
      codes: string[];
    }
  >;
}

export function diagnoseData(
  tree: Diagnosis,
  lang: string,
  entry: (id: string) => {
    title: string;
    summary: string;
    steps: readonly string[];
    actors: readonly string[];
    codes: readonly string[];
  },
): DiagnoseData {
  const url = (path: string) => `/${tree.locale}${path}`;
  return {
    version: 1,
    lang,
    title: tree.title,
    intro: tree.intro,
    start: tree.start,
    maxDepth: tree.maxDepth,
    questions: Object.fromEntries(
      tree.nodes.map((n) => [
        n.id,
        {
          question: n.question,
          ...(n.help === undefined ? {} : { help: n.help }),
          depth: n.depth,
          url: url(n.path),
          answers: n.answers.map((a) => ({ ...a })),
        },
      ]),
    ),
    entries: Object.fromEntries(
      tree.entries.map((id) => {
        const { title, summary, steps, actors, codes } = entry(id);
        return [
          id,
          { title, summary, step: steps[0] ?? '', url: url(`/symptoms/${id}/`), actor: actors[0] ?? '', codes: [...codes] },
        ];
      }),
    ),
  };
}

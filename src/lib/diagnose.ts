import type { Locale } from '../schemas/faq.ts';
import { MAX_QUESTIONS, type DiagnoseAnswer, type DiagnoseQuestion } from '../schemas/diagnose.ts';

// The checked tree and what the site and the widget make of it. Building it from the YAML files,
// with the graph checks, is diagnose-checks.ts: only the content loader needs that.

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

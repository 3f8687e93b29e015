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

/** Share of all entries the diagnosis must reach within MAX_QUESTIONS questions. */
export const MIN_ENTRY_COVERAGE = 0.9;

/** What the diagnosis reaches of the catalogue. */
export interface DiagnosisCoverage {
  /** Entries in the catalogue, and those the tree ends on (every one within MAX_QUESTIONS). */
  entries: number;
  reached: number;
  /** Entries the tree never ends on. */
  unreached: string[];
  /** Response codes owned by an entry, and those the code branch names on the way to their entry. */
  codes: number;
  codesReached: number;
  /** Codes a reader holding them cannot follow to their entry. */
  codesUnreached: string[];
}

/** True when `code` appears as a token of its own in the text: "51" in "38、51、61", not in "151". */
function names(text: string, code: string): boolean {
  return new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`).test(text);
}

/**
 * How much of the catalogue the tree reaches. A code counts as reached when some way through the
 * tree ends on the entry owning it and, at every question on that way that tells codes apart
 * (two or more of its answers name codes), the answer taken names this code: a reader who holds
 * the code finds it at each step and never ends on the "code not covered" entry.
 */
export function diagnosisCoverage(tree: Diagnosis, entries: readonly { id: string; codes: readonly string[] }[]): DiagnosisCoverage {
  const reached = new Set(tree.entries);
  const owned = entries.flatMap((e) => e.codes.map((code) => ({ code, owner: e.id })));
  const allCodes = [...new Set(owned.map((o) => o.code))];
  const said = (a: DiagnoseAnswer) => `${a.answer} ${a.detail ?? ''}`;
  const tellsCodesApart = (node: DiagnoseNode) => node.answers.filter((a) => allCodes.some((c) => names(said(a), c))).length >= 2;
  const found = (code: string, owner: string) =>
    tree.nodes.some((node) =>
      node.answers.some((a, i) => {
        if (a.entry !== owner) return false;
        const way = [...trail(tree, node.id), { node, answer: i }];
        return names(said(a), code) && way.every((step) => !tellsCodesApart(step.node) || names(said(step.node.answers[step.answer]!), code));
      }),
    );
  const codesUnreached = owned.filter(({ code, owner }) => !found(code, owner)).map(({ code }) => code);
  return {
    entries: entries.length,
    reached: entries.filter((e) => reached.has(e.id)).length,
    unreached: entries.filter((e) => !reached.has(e.id)).map((e) => e.id),
    codes: owned.length,
    codesReached: owned.length - codesUnreached.length,
    codesUnreached,
  };
}

/**
 * One line for the build log and `npm run check:content`: size and depth of the tree, and with
 * the catalogue's entries, how much of it the tree reaches.
 */
export function describeDiagnosis(tree: Diagnosis, entries?: readonly { id: string; codes: readonly string[] }[]): string {
  const line = `diagnosis: ${tree.nodes.length} questions lead to ${tree.entries.length} entries, at most ${tree.maxDepth} questions deep (limit ${MAX_QUESTIONS}).`;
  if (!entries) return line;
  const c = diagnosisCoverage(tree, entries);
  const share = c.entries ? Math.round((100 * c.reached) / c.entries) : 100;
  let text = `${line} It reaches ${c.reached} of ${c.entries} entries (${share} %) and ${c.codesReached} of ${c.codes} response codes by their code.`;
  if (c.reached < MIN_ENTRY_COVERAGE * c.entries) text += ` Warning: below ${MIN_ENTRY_COVERAGE * 100} %; not reached: ${c.unreached.join(', ')}.`;
  if (c.codesUnreached.length) text += ` Warning: codes a reader cannot follow to their entry: ${c.codesUnreached.join(', ')}.`;
  return text;
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

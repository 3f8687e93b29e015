import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { UNKNOWN_CODE_ENTRY } from '../../src/lib/codes.ts';
import { describeDiagnosis, diagnosisCoverage, MIN_ENTRY_COVERAGE, trail } from '../../src/lib/diagnose.ts';
import { MAX_QUESTIONS } from '../../src/schemas/diagnose.ts';
import { LOCALES, type Locale } from '../../src/schemas/faq.ts';
import { FIXTURE_CONTENT } from '../helpers/build.ts';
import { rejectionOf } from '../helpers/content.ts';

interface Answer {
  answer: string;
  detail?: string;
  next?: string;
  entry?: string;
}
interface Tree {
  start: string;
  questions: Record<string, { question: string; answers: Answer[] }>;
}

let dir: string;

/** A writable copy of the fixture content; `edit` changes each language's tree before loading. */
function broken(edit: (tree: Tree, locale: Locale) => void, files?: (path: (p: string) => string) => void): string {
  dir = mkdtempSync(join(tmpdir(), 'pos-faq-diagnose-'));
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  for (const locale of LOCALES) {
    const file = join(dir, 'diagnose', `${locale}.yaml`);
    const tree = parse(readFileSync(file, 'utf8')) as Tree;
    edit(tree, locale);
    writeFileSync(file, stringify(tree));
  }
  files?.((p) => join(dir, p));
  return rejectionOf(dir);
}

/** The same change in both languages, so only the fault under test is reported. */
const both = (edit: (tree: Tree) => void) => (tree: Tree) => edit(tree);
const answer = (tree: Tree, question: string, i: number): Answer => tree.questions[question]!.answers[i]!;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('diagnosis validation', () => {
  it('accepts the fixture tree and places every question', () => {
    const { diagnosis } = loadCatalogue(FIXTURE_CONTENT);
    for (const locale of LOCALES) {
      const tree = diagnosis[locale];
      expect(tree.nodes.map((n) => [n.id, n.depth, n.path])).toEqual([
        ['screen', 1, '/diagnose/'],
        ['message', 2, '/diagnose/message/'],
        ['network', 3, '/diagnose/network/'],
      ]);
      expect(tree.maxDepth).toBe(3);
      expect(tree.entries).toEqual(['network-timeout', 'insufficient-funds']);
      expect(trail(tree, 'network').map(({ node, answer }) => [node.id, answer])).toEqual([
        ['screen', 0],
        ['message', 0],
      ]);
    }
  });

  it(`keeps the real tree within ${MAX_QUESTIONS} questions and reaches the common problems`, () => {
    const { diagnosis, symptoms } = loadCatalogue('faq');
    // The depth and the reach the issue asks to report, in the test log as well as the build log.
    console.info(describeDiagnosis(diagnosis.zh, symptoms.zh));
    for (const locale of LOCALES) {
      expect(diagnosis[locale].maxDepth).toBeLessThanOrEqual(MAX_QUESTIONS);
      for (const id of ['receipt-blank', 'network-timeout', 'no-power', 'sign-on-failed', 'insufficient-funds', 'swipe-not-read', 'out-of-paper', 'tamper-alert', 'funds-frozen']) {
        expect(diagnosis[locale].entries, `${locale} reaches ${id}`).toContain(id);
      }
    }
    expect(diagnosis.en.nodes.map((n) => n.id)).toEqual(diagnosis.zh.nodes.map((n) => n.id));
  });

  it.each(LOCALES)(`reaches at least ${MIN_ENTRY_COVERAGE * 100} per cent of all %s entries, and every entry that owns a code, within ${MAX_QUESTIONS} questions`, (locale) => {
    const { diagnosis, symptoms } = loadCatalogue('faq');
    const coverage = diagnosisCoverage(diagnosis[locale], symptoms[locale]);
    console.info(`${locale}: ${coverage.reached} of ${coverage.entries} entries reached; not reached: ${coverage.unreached.join(', ') || 'none'}`);
    // Every entry the tree ends on is within MAX_QUESTIONS: the build refuses a deeper tree.
    expect(diagnosis[locale].maxDepth).toBeLessThanOrEqual(MAX_QUESTIONS);
    expect(coverage.reached / coverage.entries).toBeGreaterThanOrEqual(MIN_ENTRY_COVERAGE);
    const owners = symptoms[locale].filter((s) => s.codes.length > 0).map((s) => s.id);
    expect(owners.filter((id) => !diagnosis[locale].entries.includes(id))).toEqual([]);
  });

  it.each(LOCALES)('leads every response code of the %s codes table to its entry, naming the code at each step, never to "code not covered"', (locale) => {
    const { diagnosis, symptoms } = loadCatalogue('faq');
    const coverage = diagnosisCoverage(diagnosis[locale], symptoms[locale]);
    expect(coverage.codes).toBe(symptoms[locale].flatMap((s) => s.codes).length);
    expect(coverage.codesUnreached).toEqual([]);
    // The "not covered" entry is still there, for codes that really are not in the catalogue.
    expect(diagnosis[locale].entries).toContain(UNKNOWN_CODE_ENTRY);
    expect(symptoms[locale].find((s) => s.id === UNKNOWN_CODE_ENTRY)?.codes).toEqual([]);
  });

  it('counts a code as reached only where the reader can find it at each step', () => {
    const { diagnosis } = loadCatalogue(FIXTURE_CONTENT);
    // "Code 51" leads to insufficient-funds from a question with one code-naming answer.
    expect(diagnosisCoverage(diagnosis.en, [{ id: 'insufficient-funds', codes: ['51'] }]).codesUnreached).toEqual([]);
    // A code no answer names is not reached, although its entry is.
    const c = diagnosisCoverage(diagnosis.en, [
      { id: 'insufficient-funds', codes: ['51'] },
      { id: 'network-timeout', codes: ['68'] },
      { id: 'elsewhere', codes: [] },
    ]);
    expect(c).toMatchObject({ entries: 3, reached: 2, unreached: ['elsewhere'], codes: 2, codesReached: 1, codesUnreached: ['68'] });
    expect(describeDiagnosis(diagnosis.en, [{ id: 'elsewhere', codes: [] }, { id: 'network-timeout', codes: [] }])).toContain('Warning: below 90 %; not reached: elsewhere.');
  });

  it('rejects an answer that leads nowhere (a dead end), naming the file, the node and the fix', () => {
    const message = broken(both((tree) => delete answer(tree, 'message', 1).entry));
    expect(message).toContain('diagnose/zh.yaml › questions.message.answers.1: answer "返回码 51" of question "message" leads nowhere (a dead end)');
    expect(message).toContain('diagnose/en.yaml › questions.message.answers.1: answer "Code 51" of question "message" leads nowhere (a dead end)');
    expect(message).toContain('Fix: add next: <question id> to ask another question, or entry: <entry id> to show the fix');
  });

  it('rejects a question without answers as a dead end', () => {
    const message = broken(both((tree) => (tree.questions['network']!.answers = [])));
    expect(message).toContain('diagnose/zh.yaml › questions.network.answers: question "network" has no answers, so the diagnosis stops there (a dead end)');
    expect(message).toContain('Fix: give it at least two answers');
  });

  it('rejects a loop and shows it', () => {
    const message = broken(
      both((tree) => {
        const a = answer(tree, 'network', 0);
        delete a.entry;
        a.next = 'screen';
      }),
    );
    expect(message).toContain('diagnose/zh.yaml › questions.network.answers.0.next: answer "连接超时" of question "network" leads back to "screen", making a loop: screen → message → network → screen');
    expect(message).toContain('Fix: point it to a question further on, or to an entry with entry:; the diagnosis must always move forward');
  });

  it('rejects an entry that does not exist', () => {
    const message = broken(both((tree) => (answer(tree, 'network', 0).entry = 'no-such-entry')));
    expect(message).toContain('diagnose/zh.yaml › questions.network.answers.0.entry: "no-such-entry" is not the id of any entry');
    expect(message).toContain('Fix: use the file name (without .yaml) of an entry in faq/symptoms/zh/');
  });

  it('rejects a next question that does not exist and lists the ones that do', () => {
    const message = broken(both((tree) => (answer(tree, 'screen', 0).next = 'mesage')));
    expect(message).toContain('diagnose/en.yaml › questions.screen.answers.0.next: "mesage" is not a question in this file');
    expect(message).toContain('Fix: use the id of a question under questions: ("screen", "message", "network")');
  });

  it('rejects a question that no answer leads to', () => {
    const message = broken(
      both((tree) => {
        tree.questions['orphan'] = {
          question: 'Orphan?',
          answers: [
            { answer: 'a', entry: 'network-timeout' },
            { answer: 'b', entry: 'insufficient-funds' },
          ],
        };
      }),
    );
    expect(message).toContain('diagnose/zh.yaml › questions.orphan: question "orphan" cannot be reached from the first question "screen"');
    expect(message).toContain('Fix: let an answer lead to it with next: orphan, or delete it');
  });

  it('rejects a tree that differs between the languages', () => {
    const message = broken((tree, locale) => {
      if (locale !== 'en') return;
      answer(tree, 'network', 0).entry = 'insufficient-funds';
      tree.questions['message']!.answers.push({ answer: 'Something else', entry: 'network-timeout' });
    });
    expect(message).toContain('diagnose/en.yaml › questions.network.answers.0: answer 1 of question "network" leads to entry "insufficient-funds", but in ');
    expect(message).toContain('diagnose/zh.yaml to entry "network-timeout"');
    expect(message).toContain('diagnose/en.yaml › questions.message.answers: question "message" has 3 answers here but 2 in ');
    expect(message).toContain('Fix: both languages ask the same questions with the same answers in the same order; only the wording differs');
    expect(message).not.toContain('diagnose/zh.yaml ›');
  });

  it('rejects a question that exists in one language only', () => {
    const message = broken((tree, locale) => {
      if (locale !== 'zh') return;
      const a = answer(tree, 'network', 1);
      delete a.entry;
      a.next = 'extra';
      tree.questions['extra'] = {
        question: '还有吗？',
        answers: [
          { answer: '有', entry: 'network-timeout' },
          { answer: '没有', entry: 'insufficient-funds' },
        ],
      };
    });
    expect(message).toContain('diagnose/en.yaml › questions: question "extra" is in ');
    expect(message).toContain('diagnose/en.yaml › questions.network.answers.1: answer 2 of question "network" leads to entry "insufficient-funds", but in ');
  });

  it('rejects a missing language file', () => {
    const message = broken(
      () => {},
      (p) => unlinkSync(p('diagnose/en.yaml')),
    );
    expect(message).toContain('diagnose/en.yaml › -: the en diagnosis is missing');
    expect(message).toContain("copy the other language's file");
  });

  it(`rejects a path of more than ${MAX_QUESTIONS} questions`, () => {
    const message = broken(
      both((tree) => {
        const a = answer(tree, 'network', 0);
        delete a.entry;
        a.next = 'fourth';
        const leaf = [
          { answer: 'a', entry: 'network-timeout' },
          { answer: 'b', entry: 'insufficient-funds' },
        ];
        tree.questions['fourth'] = { question: '4?', answers: [{ answer: 'a', next: 'fifth' }, leaf[1]!] };
        tree.questions['fifth'] = { question: '5?', answers: [{ answer: 'a', next: 'sixth' }, leaf[1]!] };
        tree.questions['sixth'] = { question: '6?', answers: leaf };
      }),
    );
    expect(message).toContain('diagnose/zh.yaml › questions.sixth: question "sixth" is question 6 on the way screen → message → network → fourth → fifth → sixth; at most 5 questions may come before an entry');
    expect(message).toContain('Fix: merge two questions, or let an earlier answer lead straight to an entry');
  });

  it('rejects a question reached from two places', () => {
    const message = broken(
      both((tree) => {
        const a = answer(tree, 'message', 1);
        delete a.entry;
        a.next = 'network';
      }),
    );
    expect(message).toContain('questions.message.answers.1.next: question "network" is already reached from answer 1 of "message"; a question has one way in');
  });

  it('rejects an answer with both next and entry', () => {
    const message = broken(both((tree) => (answer(tree, 'screen', 0).entry = 'network-timeout')));
    expect(message).toContain('diagnose/zh.yaml › questions.screen.answers.0: answer "亮" of question "screen" has both next: and entry:');
    expect(message).toContain('Fix: keep one');
  });

  it('rejects an unquoted number as an answer, with the path to the node', () => {
    const message = broken(both((tree) => ((answer(tree, 'network', 1) as { answer: unknown }).answer = 51)));
    expect(message).toContain('diagnose/zh.yaml › questions.network.answers.1.answer: should be a string, not the number 51');
  });

  it('lets topic pages link to question pages, and refuses links to questions that do not exist', () => {
    const replace = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    const message = broken(
      () => {},
      (p) => {
        replace(p('topics/zh/causes.md'), '/symptoms/network-timeout/', '/diagnose/network/');
        replace(p('topics/en/causes.md'), '/symptoms/network-timeout/', '/diagnose/nowhere/');
      },
    );
    expect(message).not.toContain('topics/zh/causes.md');
    expect(message).toContain('topics/en/causes.md › line');
    expect(message).toContain('Link `/diagnose/nowhere/` points to a page that does not exist');
  });
});

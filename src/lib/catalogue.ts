import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { LOCALES, TOPICS, symptomSchema, topicSchema, type Locale, type Topic } from '../schemas/faq.ts';
import { codeClassesSchema, type CodeClasses } from '../schemas/codes.ts';
import type { Catalogue, TopicPage } from './catalogue-types.ts';
import { ContentError, type Problem } from './content-error.ts';
import { renderTopic } from './render-topic.ts';
import { checkCodeClasses, checkPolicy, checkSymptoms } from './catalogue-checks.ts';
import { readFiles, readLocaleFiles, splitFrontmatter, validate } from './content-files.ts';
import { readSymptoms } from './symptom-files.ts';
import { sitePaths } from './routes.ts';
import { diagnoseFileSchema } from '../schemas/diagnose.ts';
import { diagnosePaths } from './diagnose.ts';
import { checkDiagnosis, type DiagnoseSource } from './diagnose-checks.ts';
import { readGlossary } from './glossary-checks.ts';
import { checkStyle } from './style-checks.ts';
import { leftToFill } from './new-entry.ts';
import { checkChanges, readRelease } from './release.ts';

export type { Catalogue, GlossaryEntry, SymptomEntry, TopicPage } from './catalogue-types.ts';

/**
 * Reads and checks everything under `root` (normally `faq/`). Throws a ContentError that lists
 * every problem, each with its file, field and fix; returns the catalogue otherwise. `changeRule:
 * false` leaves out the rule that a change to what readers act on needs a changes line.
 */
export function loadCatalogue(root: string, cwd = process.cwd(), { changeRule = true } = {}): Catalogue {
  const problems: Problem[] = [];
  const rel = (p: string) => relative(cwd, p) || p;

  // Lines `npm run new` marked TODO that the editor has not written yet.
  const { symptoms, present } = readSymptoms(root, symptomSchema, rel, problems, (raw) =>
    problems.push(...leftToFill(readFileSync(resolve(cwd, raw.file), 'utf8'), raw.file)),
  );
  checkSymptoms(symptoms, present, problems);
  // `npm run release` records content whose watched fields changed: it turns the rule off.
  checkChanges(symptoms, changeRule ? readRelease(root, rel, problems) : undefined, problems);
  const codes = checkCodeClasses(readCodeClasses(root, rel, problems), symptoms, problems);
  const diagnoseSources = readDiagnosis(root, rel, problems);
  const diagnosis = checkDiagnosis(
    diagnoseSources,
    (locale, id) => present.has(rel(join(root, 'symptoms', locale, `${id}.yaml`))),
    problems,
  );
  const glossary = readGlossary(root, rel, problems, (locale, id) =>
    present.has(rel(join(root, 'symptoms', locale, `${id}.yaml`))),
  );
  checkStyle(symptoms, glossary, problems);

  // Links may point to entries that exist but failed validation: those are reported once, above.
  const routes = sitePaths(
    [...present].map((file) => basename(file, '.yaml')),
    diagnosePaths(diagnoseSources.map((s) => ({ start: s.data.start, ids: Object.keys(s.data.questions) }))),
  );
  const topics = {} as Record<Locale, TopicPage[]>;
  for (const locale of LOCALES) {
    const dir = join(root, 'topics', locale);
    const pages: TopicPage[] = [];
    for (const raw of readFiles(dir, '.md', rel, problems, splitFrontmatter)) {
      if (!(TOPICS as readonly string[]).includes(raw.name)) {
        problems.push({
          file: raw.file,
          field: '-',
          message: `"${raw.name}" is not one of the topic pages`,
          fix: `name the file after a topic: ${TOPICS.join(', ')}`,
        });
        continue;
      }
      const { frontmatter, body, offset } = raw.data as ReturnType<typeof splitFrontmatter>;
      const meta = validate(topicSchema, { ...raw, data: frontmatter }, problems);
      checkPolicy({ ...(frontmatter as object), body }, raw.file, problems);
      if (!meta) continue;
      const rendered = renderTopic(body, { locale, routes, file: raw.file, offset });
      problems.push(...rendered.problems);
      pages.push({ slug: raw.name as Topic, locale, file: raw.file, ...meta, ...rendered });
    }
    pages.sort((a, b) => TOPICS.indexOf(a.slug) - TOPICS.indexOf(b.slug));
    topics[locale] = pages;
  }
  for (const locale of LOCALES) {
    for (const slug of TOPICS) {
      if (!topics[locale].some((t) => t.slug === slug)) {
        const file = rel(join(root, 'topics', locale, `${slug}.md`));
        if (!problems.some((p) => p.file === file)) {
          problems.push({
            file,
            field: '-',
            message: `the ${locale} "${slug}" topic page is missing`,
            fix: `write ${file}; every topic exists in ${LOCALES.join(' and ')}`,
          });
        }
      }
    }
  }

  if (problems.length || !diagnosis || !codes) throw new ContentError(problems);
  return { symptoms, topics, diagnosis, codeClasses: codes.classes, codeMoves: codes.moves, glossary };
}

/** Reads `faq/codes.yaml` (response code → UnionPay class) and checks it against the schema. */
function readCodeClasses(
  root: string,
  rel: (p: string) => string,
  problems: Problem[],
): { file: string; data: CodeClasses | undefined } {
  const file = rel(join(root, 'codes.yaml'));
  if (!existsSync(join(root, 'codes.yaml'))) {
    problems.push({
      file,
      field: '-',
      message: 'the table of response-code classes is missing',
      fix: `write ${file}: one line per code, "05": C (see faq/README.md)`,
    });
    return { file, data: undefined };
  }
  const raw = readFiles(root, '.yaml', rel, problems).find((r) => r.name === 'codes');
  return { file, data: raw ? validate(codeClassesSchema, raw, problems) : undefined };
}

/**
 * Reads `faq/diagnose/<lang>.yaml`, one decision tree per language, and checks each against the
 * schema; the graph checks (dead ends, loops, depth, both languages alike) run in checkDiagnosis
 * (diagnose-checks.ts).
 */
function readDiagnosis(root: string, rel: (p: string) => string, problems: Problem[]): DiagnoseSource[] {
  const dir = join(root, 'diagnose');
  const sources: DiagnoseSource[] = [];
  for (const raw of readLocaleFiles(dir, rel, problems)) {
    const data = validate(diagnoseFileSchema, raw, problems);
    checkPolicy(raw.data, raw.file, problems);
    if (data) sources.push({ locale: raw.name, file: raw.file, data });
  }
  for (const locale of LOCALES) {
    if (existsSync(join(dir, `${locale}.yaml`))) continue;
    const file = rel(join(dir, `${locale}.yaml`));
    problems.push({
      file,
      field: '-',
      message: `the ${locale} diagnosis is missing`,
      fix: `write ${file}: copy the other language's file and write its wording (see faq/README.md)`,
    });
  }
  // Report in the languages' order (zh first), not the file system's.
  return sources.sort((a, b) => LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale));
}


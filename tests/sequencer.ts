import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, slowest first: with two files running at a time, a long file that
 * starts last would leave one lane idle at the end. Measured with `npm test` (each file's time is
 * in its report); any file not named keeps Vitest's own order (its cached durations, else size).
 */
const SLOWEST = [
  'tests/engines/pages-chromium-zh.test.ts',
  'tests/engines/pages-chromium-rest.test.ts',
  'tests/offline/pwa.test.ts',
  'tests/e2e/relevance.test.ts',
  'tests/engines/pages-webkit.test.ts',
  'tests/engines/pages-firefox.test.ts',
  'tests/engines/site.test.ts',
  'tests/engines/embed.test.ts',
  'tests/offline/pwa-first-visit.test.ts',
  'tests/e2e/card.test.ts',
  'tests/e2e/diagnose.test.ts',
  'tests/engines/embed-overlay.test.ts',
  'tests/engines/embed-inside.test.ts',
];

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const at = SLOWEST.findIndex((name) => spec.moduleId.endsWith(name));
      return at < 0 ? SLOWEST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

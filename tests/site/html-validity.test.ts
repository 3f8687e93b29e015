import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { DIST } from '../helpers/build.ts';
import { filesUnder } from '../helpers/site-pages.ts';

const validator = new HtmlValidate(new StaticConfigLoader(config));

describe('HTML validity', () => {
  it('finds no error on any page of the built site (html-validate, .htmlvalidate.mjs)', async () => {
    const pages = filesUnder(DIST, (p) => p.endsWith('.html'));
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(DIST, page));
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);
      }
    }
    console.log(`html-validate: ${pages.length} pages, ${problems.length} problems`);
    expect(pages.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('would catch an invalid page', async () => {
    const report = await validator.validateString(
      '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><ul><div id="a"></div></ul><i id="a"></i></body></html>',
    );
    expect(report.results[0]?.messages.map((m) => m.ruleId)).toEqual(['element-permitted-content', 'no-dup-id']);
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeGlossaryLinks, { type Options } from '../../src/plugins/rehype-glossary-links.ts';

/**
 * rehype-glossary-links, one fixture folder per case: `tests/plugins/fixtures/rehype-glossary-links/<case>/`
 * with `input.html` (an HTML fragment, as the pages hand it over), `output.html` and `config.json`
 * (`options` for the plugin; `messages`, the rule ids reported, in order). UPDATE_FIXTURES=1
 * writes the outputs, to be reviewed before committing.
 */
const DIR = join(import.meta.dirname, 'fixtures', 'rehype-glossary-links');

interface Config {
  options?: Options;
  messages?: string[];
}

describe('rehype-glossary-links', () => {
  it.each(readdirSync(DIR))('%s', async (fixture) => {
    const dir = join(DIR, fixture);
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Config;
    const file = await unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeGlossaryLinks, config.options)
      .use(rehypeStringify)
      .process(new VFile({ path: 'input.html', value: readFileSync(join(dir, 'input.html'), 'utf8') }));

    const expected = join(dir, 'output.html');
    if (process.env['UPDATE_FIXTURES'] || !existsSync(expected)) writeFileSync(expected, String(file));
    expect(String(file)).toBe(readFileSync(expected, 'utf8'));
    expect(file.messages.map((m) => m.ruleId)).toEqual(config.messages ?? []);
  });

  it('leaves the text of every fixture as it was', async () => {
    // The page reads the same with the links as without them: only elements are added.
    const text = (html: string) => html.replace(/<[^>]+>/g, '');
    for (const fixture of readdirSync(DIR)) {
      const input = readFileSync(join(DIR, fixture, 'input.html'), 'utf8');
      const output = readFileSync(join(DIR, fixture, 'output.html'), 'utf8');
      expect(text(output).replaceAll('&#x3C;', '<'), fixture).toBe(text(input));
    }
  });
});

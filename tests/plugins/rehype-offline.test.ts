import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/**
 * The offline bundle's rehype plugins, one fixture folder per case:
 * `tests/plugins/fixtures/<plugin>/<case>/` with `input.html`, `output.html` and `config.json`
 * (`options` for the plugin; `files`, the bundle files that exist, for rehype-offline-links;
 * `modules`, the module scripts reported, for rehype-offline-scripts; `messages`, the rule ids
 * reported, in order). UPDATE_FIXTURES=1 writes the outputs, to be reviewed before committing.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');
const PLUGINS = ['rehype-offline-links', 'rehype-offline-notice', 'rehype-offline-scripts'];

interface Config {
  options?: Record<string, unknown>;
  files?: string[];
  modules?: string[];
  messages?: string[];
}

describe.each(PLUGINS)('%s', (name) => {
  const cases = readdirSync(join(FIXTURES, name));
  it.each(cases)('%s', async (fixture) => {
    const dir = join(FIXTURES, name, fixture);
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Config;
    const plugin = ((await import(`../../src/offline/zip/${name}.ts`)) as { default: Plugin<[Record<string, unknown>?]> })
      .default;
    const modules: string[] = [];
    const options = {
      ...config.options,
      ...(config.files && { exists: (file: string) => config.files!.includes(file) }),
      ...(name === 'rehype-offline-scripts' && { onModule: (src: string) => modules.push(src) }),
    };
    const file = await unified()
      .use(rehypeParse)
      .use(plugin, options)
      .use(rehypeStringify)
      .process(new VFile({ path: 'input.html', value: readFileSync(join(dir, 'input.html'), 'utf8') }));

    const expected = join(dir, 'output.html');
    if (process.env['UPDATE_FIXTURES'] || !existsSync(expected)) writeFileSync(expected, String(file));
    expect(String(file)).toBe(readFileSync(expected, 'utf8'));
    expect(file.messages.map((m) => m.ruleId)).toEqual(config.messages ?? []);
    if (config.modules) expect(modules).toEqual(config.modules);
  });
});

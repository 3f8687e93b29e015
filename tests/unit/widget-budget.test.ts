import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildWidget, COMPILE_HINT, widgetBuildOptions } from '../../src/integrations/widget.ts';
import { BUDGETS, kb } from '../helpers/budgets.ts';

// The bundle as widget/ builds it now, so that the budget holds before anyone runs a full build
// (tests/site/budgets.test.ts checks the file in dist/ as well).
const { code } = await buildWidget();
const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
const css = (
  await esbuild.transform(readFileSync(new URL('../../widget/styles.css', import.meta.url), 'utf8'), {
    loader: 'css',
    minify: true,
  })
).code.trim();
console.log(
  `widget: ${kb(code.length)} minified, ${kb(gzip(code))} gzip (CSS inside: ${kb(gzip(css))} gzip on its own); budget ${kb(BUDGETS.widget)}`,
);

describe('the widget bundle', () => {
  it(`is at most ${kb(BUDGETS.widget)} gzip, JS and CSS together`, () => {
    // The CSS travels inside the script (a constructed stylesheet), so one file is the whole cost.
    expect(code).toContain(css);
    expect(gzip(code)).toBeLessThanOrEqual(BUDGETS.widget);
  });

  it('is one classic script that defines nothing global', async () => {
    const { metafile } = await esbuild.build({ ...widgetBuildOptions(), metafile: true });
    const inputs = Object.keys(metafile!.inputs);
    // Preact inside, without preact/hooks (a class component keeps a kilobyte off the budget).
    expect(inputs.some((i) => i.includes('node_modules/preact/dist/'))).toBe(true);
    expect(inputs.filter((i) => i.includes('preact/hooks'))).toEqual([]);
    // JSX on Preact's h (the @jsx pragma in widget/*.tsx), not on preact/jsx-runtime.
    expect(inputs.filter((i) => i.includes('jsx-runtime'))).toEqual([]);
    // After Chromium's compile hint (src/integrations/widget.ts, COMPILE_HINT), one IIFE.
    expect(code.startsWith(`${COMPILE_HINT}\n"use strict";(()=>{`)).toBe(true);
    expect(code.trimEnd().endsWith('})();')).toBe(true);
  });

  it('keeps non-ASCII text escaped, so a page in another encoding cannot garble it', () => {
    expect(/[^\x00-\x7f]/.test(code)).toBe(false);
  });
});

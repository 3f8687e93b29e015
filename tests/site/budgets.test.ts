import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/schemas/faq.ts';
import { BUDGETS, kb, measureSite } from '../helpers/budgets.ts';
import { DIST, ROOT } from '../helpers/build.ts';
import { globSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { loadOverlay, overlayJson } from '../../src/lib/overlay.ts';

const sizes = measureSite(DIST, LOCALES);
// What a vendor hosts for the example overlay (examples/overlay/): fetched once, by a widget with `overlay`.
const exampleJson = overlayJson(loadOverlay(join(ROOT, 'examples/overlay'), loadCatalogue(join(ROOT, 'faq'), ROOT), ROOT));
const list = (m: Map<string, number>) => [...m].map(([path, size]) => `    ${path} ${kb(size)}`).join('\n');

// The figures, for whoever reads the test output; the assertions follow.
console.log(
  [
    'size budgets (gzip -9):',
    `  HTML: median ${kb(sizes.htmlMedian)} of ${sizes.html.size} pages (largest ${kb(Math.max(...sizes.html.values()))}), budget ${kb(BUDGETS.htmlMedian)}`,
    `  JS: ${kb(sizes.jsTotal)}, budget ${kb(BUDGETS.js)}\n${list(sizes.js)}`,
    `  CSS: ${kb(sizes.cssTotal)}, budget ${kb(BUDGETS.css)}\n${list(sizes.css)}`,
    `  widget: ${kb(sizes.widget)}, budget ${kb(BUDGETS.widget)}`,
    `  vendor overlay (only with overlay="…"): widget/pos-faq-overlay.<hash>.js ${kb(sizes.overlayScript)}, budget ${kb(BUDGETS.overlayScript)}; ` +
      `the example's overlay.json ${kb(gzipSync(exampleJson, { level: 9 }).length)} (${kb(Buffer.byteLength(exampleJson))} before gzip)`,
  ].join('\n'),
);

describe('size budgets (gzip)', () => {
  it(`keeps the median page at most ${kb(BUDGETS.htmlMedian)}`, () => {
    expect(sizes.html.size).toBeGreaterThan(100);
    expect(sizes.htmlMedian).toBeLessThanOrEqual(BUDGETS.htmlMedian);
  });

  it(`keeps all the site's JavaScript, Pagefind's runtime included, at most ${kb(BUDGETS.js)}`, () => {
    expect(sizes.js.has('/widget/pos-faq.js')).toBe(true);
    expect(sizes.jsTotal).toBeLessThanOrEqual(BUDGETS.js);
  });

  it(`keeps all the site's CSS at most ${kb(BUDGETS.css)}`, () => {
    expect(sizes.css.size).toBeGreaterThan(0);
    expect(sizes.cssTotal).toBeLessThanOrEqual(BUDGETS.css);
  });

  it(`keeps the widget at most ${kb(BUDGETS.widget)}`, () => {
    expect(sizes.widget).toBeLessThanOrEqual(BUDGETS.widget);
  });

  it(`keeps the vendor-overlay code at most ${kb(BUDGETS.overlayScript)}`, () => {
    expect(sizes.overlayScript).toBeGreaterThan(1000);
    expect(sizes.overlayScript).toBeLessThanOrEqual(BUDGETS.overlayScript);
  });

  it.each(LOCALES)(`keeps every %s index chunk at most ${kb(BUDGETS.indexChunk)}`, (locale) => {
    const chunks = globSync(join(DIST, 'pagefind', locale, 'index', '*.pf_index')).map((f) => statSync(f).size);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(BUDGETS.indexChunk);
  });
});

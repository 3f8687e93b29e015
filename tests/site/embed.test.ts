import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNT_SNIPPET, cspDirectives, hostCsp, WIDGET_ATTRIBUTES, WIDGET_EVENTS, WIDGET_METHODS, WIDGET_SLOTS } from '../../src/lib/embed.ts';
import { DIST } from '../helpers/build.ts';
import { attr, readPage } from '../helpers/html.ts';

const SITE = process.env['POS_FAQ_SITE'] ?? DIST;
const manifest = JSON.parse(readFileSync(join(SITE, 'widget/manifest.json'), 'utf8')) as {
  file: string;
  integrity: string;
};

describe.each([
  ['zh', 'zh-CN'],
  ['en', 'en'],
] as const)('the embed guide in %s', (locale, lang) => {
  const page = readPage(SITE, `${locale}/embed/index.html`);
  const code = page.all('pre').map((pre) => page.text(pre));
  const canonical = attr(
    page.one('link', (l) => attr(l, 'rel') === 'canonical'),
    'href',
  )!;
  const origin = new URL(canonical).origin;

  it('has a live demo in its own language, loaded by the widget script', () => {
    expect(attr(page.one('html'), 'lang')).toBe(lang);
    // The header search's, the demo's, and the live examples of `suggest` and `entry`.
    const widgets = page.all('pos-faq-lookup');
    expect(widgets.map((el) => attr(el, 'lang'))).toEqual([lang, lang, lang, lang]);
    expect(widgets.map((el) => attr(el, 'suggest') ?? attr(el, 'entry') ?? null)).toEqual([null, null, '51,A0,paper-jam', '51']);
    expect(page.all('script').map((s) => attr(s, 'src'))).toContain('/widget/pos-faq.js');
  });

  it('shows the snippet as text, plain and pinned to the built file with its integrity', () => {
    expect(code[0]).toBe(
      `<script src="${origin}/widget/pos-faq.js" async></script>\n<pos-faq-lookup lang="${lang}"></pos-faq-lookup>`,
    );
    expect(code[1]).toBe(
      `<script src="${origin}/widget/${manifest.file}" integrity="${manifest.integrity}" crossorigin="anonymous" async></script>\n<pos-faq-lookup lang="${lang}"></pos-faq-lookup>`,
    );
    // The hash the page was rendered with is the file the build wrote, and its integrity holds.
    const pinned = readFileSync(join(SITE, 'widget', manifest.file));
    expect(`sha384-${createHash('sha384').update(pinned).digest('base64')}`).toBe(manifest.integrity);
    // Text, not markup: the page has no <script> with these addresses.
    expect(page.all('script').map((s) => attr(s, 'src'))).not.toContain(`${origin}/widget/pos-faq.js`);
  });

  it('states the exact CSP directives, and the tested minimum policy', () => {
    expect(code).toContain(cspDirectives(origin).join(';\n'));
    expect(code).toContain(`Content-Security-Policy: ${hostCsp(origin)}`);
  });

  it('documents every attribute, slot, method and event', () => {
    const names = page.all('code').map((c) => page.text(c));
    for (const name of [
      ...WIDGET_ATTRIBUTES,
      ...WIDGET_SLOTS,
      ...WIDGET_METHODS.map((m) => `${m}()`),
      ...WIDGET_EVENTS,
      '--pos-faq-accent',
    ]) {
      expect(names, name).toContain(name);
    }
    // How to count both new events in the host's analytics.
    expect(code).toContain(COUNT_SNIPPET);
  });
});

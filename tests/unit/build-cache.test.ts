import { afterEach, describe, expect, it } from 'vitest';
import { buildCached, startBuildCache } from '../../src/lib/build-cache.ts';

const KEY = Symbol.for('pos-faq:build-cache');

describe('values shared within one build', () => {
  afterEach(() => {
    delete (globalThis as { [KEY]?: unknown })[KEY];
  });

  it('are made once per build, and again for the next build', () => {
    let made = 0;
    const make = () => ++made;
    startBuildCache();
    expect(buildCached('catalogue:/faq', make)).toBe(1);
    expect(buildCached('catalogue:/faq', make)).toBe(1);
    // Another content folder is another value.
    expect(buildCached('catalogue:/fixtures', make)).toBe(2);
    startBuildCache();
    expect(buildCached('catalogue:/faq', make)).toBe(3);
  });

  it('are made on every call outside a build (astro dev, tests), so an edited file is read again', () => {
    let made = 0;
    expect(buildCached('catalogue:/faq', () => ++made)).toBe(1);
    expect(buildCached('catalogue:/faq', () => ++made)).toBe(2);
  });

  it('are not kept when making them fails', () => {
    startBuildCache();
    expect(() => buildCached('x', () => { throw new Error('bad file'); })).toThrow('bad file');
    expect(buildCached('x', () => 'fixed')).toBe('fixed');
  });
});

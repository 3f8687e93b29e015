import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryWords, rankedSearch, spaced } from '../../widget/rank.ts';

describe('query segmentation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('spaces the words of a Chinese query and leaves English alone', () => {
    expect(spaced('连接超时', 'zh-CN').split(' ').length).toBeGreaterThan(1);
    expect(spaced('connection timeout', 'en')).toBe('connection timeout');
  });

  // Chinese word boundaries depend on the ICU dictionary of the runtime (Chromium's differs from
  // Node's), so Chinese ranking is tested in the browser by the relevance set.
  it('drops stop words and keeps the meaningful ones', () => {
    expect(queryWords('why is my card declined', 'en')).toEqual(['declined']);
    expect(queryWords('pos机 怎么办', 'zh-CN')).toEqual([]);
  });

  it('still splits words where Intl.Segmenter does not exist', () => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    expect(spaced('刷卡51失败', 'zh-CN')).toBe('刷 卡 51 失 败');
    expect(queryWords('receipt is blank', 'en')).toEqual(['receipt', 'blank']);
  });
});

describe('rankedSearch', () => {
  const pages: Record<string, string[]> = {
    a: ['insufficient', 'funds', 'card'],
    b: ['funds'],
    c: ['network', 'timeout'],
  };
  // A stand-in for Pagefind: a page matches when it holds every word of the term.
  const search = async (term: string) =>
    Object.entries(pages)
      .filter(([, words]) => term.split(' ').every((w) => words.includes(w)))
      .map(([id, words]) => ({ id, score: 1 / words.length }))
      .sort((x, y) => y.score - x.score);

  it('keeps the whole-query ranking when it finds enough', async () => {
    expect(await rankedSearch(search, 'funds', 'en', 2)).toEqual(['b', 'a']);
  });

  it('ranks by the number of matched words when the whole query finds too little', async () => {
    expect(await rankedSearch(search, 'why no funds insufficient', 'en', 3)).toEqual(['a', 'b']);
  });
});

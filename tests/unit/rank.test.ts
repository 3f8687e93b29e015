import { afterEach, describe, expect, it, vi } from 'vitest';
import { coverage, queryWords, rankedSearch, searchOnce, spaced, STOP } from '../../widget/rank.ts';
import { correct, dictionaryWords, fold, oneEdit } from '../../widget/query.ts';

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

  it('keeps runs of Chinese together where Intl.Segmenter does not exist, and cuts them with the index words', () => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    // Not single characters: "签到失败" would lose its entry.
    expect(spaced('刷卡51失败', 'zh-CN')).toBe('刷卡 51 失败');
    // The words script cuts with the index's words and the stop words (src/integrations/pagefind.ts).
    const words = new Set(['签到', '失败', '刷卡', ...STOP]);
    expect(spaced('签到失败', 'zh-CN', (run) => dictionaryWords(run, words))).toBe('签到 失败');
    expect(queryWords('pos机一直提示签到失败', 'zh-CN', (run) => dictionaryWords(run, words))).toEqual(['签到', '失败']);
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

describe('how much of a query an entry says', () => {
  it('counts Chinese characters said together with a neighbour, stop words left out', () => {
    expect(coverage('pos机一直提示签到失败', '请先签到 / 签到失败。')).toBe(1);
    expect(coverage('今天天气怎么样', '终端今天不能交易')).toBe(0);
  });

  it('needs two words side by side in a longer English query', () => {
    const battery = 'Battery swollen. Case cracked open, screen lifting. The terminal was dropped after a fall.';
    expect(coverage('cracked screen after dropping the terminal', battery)).toBe(0);
    expect(coverage('battery swollen case bulging', battery)).toBeGreaterThanOrEqual(0.5);
    expect(coverage('receipt is blank', 'Receipt is blank: nothing printed')).toBe(1);
  });

  it('does not count linking words such as "after" as said, but lets them join two words', () => {
    // An entry that happens to say "screen after" does not answer half of the query.
    const signature = 'Sign on the screen after an approved sale. The touchscreen is dirty.';
    expect(coverage('cracked screen after dropping the terminal', signature)).toBeLessThan(0.5);
    // "held after checkout" still puts the query's words side by side.
    const hold = 'Hotel deposit still on hold, credit limit held after checkout.';
    expect(coverage('hotel hold still on my card after checkout', hold)).toBe(1);
  });
});

describe('queries as people type them', () => {
  it('folds with the longest key first', () => {
    expect(fold('刷卡機當機', { 機: '机', 當機: '死机', 刷卡機: 'POS机' })).toBe('POS机死机');
    expect(fold('签到', null)).toBe('签到');
  });

  it('knows one edit from two', () => {
    expect(oneEdit('recipt', 'receipt')).toBe(true);
    expect(oneEdit('expried', 'expired')).toBe(true);
    expect(oneEdit('teminal', 'terminal')).toBe(true);
    expect(oneEdit('reciept', 'receipt')).toBe(true);
    expect(oneEdit('rcpt', 'receipt')).toBe(false);
  });

  it('corrects a homophone or a misspelling only where a word matches nothing', () => {
    const zh = { words: ['冲正', '签到', '失败', '死机', '小票'], sounds: { chong: '冲充', zheng: '正', qian: '签', dao: '到倒', shi: '失时', bai: '败', si: '死司', ji: '机' } };
    expect(correct('充正', 'zh-CN', zh)).toBe('冲正');
    expect(correct('签倒失败', 'zh-CN', zh)).toBe('签到失败');
    expect(correct('司机了', 'zh-CN', zh)).toBe('死机了');
    expect(correct('签到失败', 'zh-CN', zh)).toBeNull();
    const en = { words: ['receipt', 'blank', 'terminal', 'pick'] };
    expect(correct('recipt is blank', 'en', en)).toBe('receipt is blank');
    expect(correct('receipt is blank', 'en', en)).toBeNull();
  });

  it('finds a homophone through any reading of a character, the most frequent word first', () => {
    // 重 reads zhong and chong; 冲 and 重 both chong. 啊 has no reading in the table: only itself.
    const zh = {
      words: ['冲正', '重启', '众起', '啊哈'],
      sounds: { chong: '冲充重', zhong: '重众中', zheng: '正', qi: '启起企', a: '', ha: '哈' },
    };
    expect(correct('充正', 'zh-CN', zh)).toBe('冲正');
    expect(correct('重正', 'zh-CN', zh)).toBe('冲正');
    // 重起 sounds like both 重启 and 众起 (zhong qi), keeping one character of each: the word
    // listed first (the more frequent) wins. A homophone must keep a character: 中企 stays.
    expect(correct('重起', 'zh-CN', zh)).toBe('重启');
    expect(correct('中企', 'zh-CN', zh)).toBeNull();
    // Every character changed is no correction: 充政 has nothing of 冲正 (and 政 no reading).
    expect(correct('充政', 'zh-CN', zh)).toBeNull();
    expect(correct('阿哈', 'zh-CN', zh)).toBeNull();
  });
});

describe('searchOnce', () => {
  it('asks the index once per text, gives each text its own answer, and asks again after a failure', async () => {
    const asked: string[] = [];
    let fail = true;
    const index = {
      search: async (text: string) => {
        asked.push(text);
        if (text === 'flaky' && fail) throw new Error('offline');
        return { results: [text] };
      },
    };
    expect(await searchOnce(index, '刷卡')).toEqual({ results: ['刷卡'] });
    expect(await searchOnce(index, '刷卡')).toEqual({ results: ['刷卡'] });
    expect(await searchOnce(index, 'paper')).toEqual({ results: ['paper'] });
    expect(asked).toEqual(['刷卡', 'paper']);
    await expect(searchOnce(index, 'flaky')).rejects.toThrow('offline');
    fail = false;
    expect(await searchOnce(index, 'flaky')).toEqual({ results: ['flaky'] });
    expect(asked).toEqual(['刷卡', 'paper', 'flaky', 'flaky']);
  });

  it('forgets what it kept past 300 texts', async () => {
    let calls = 0;
    const index = { search: async (text: string) => (calls++, text) };
    for (let i = 0; i < 301; i++) await searchOnce(index, `word ${i}`);
    calls = 0;
    await searchOnce(index, 'word 0');
    expect(calls).toBe(1);
  });
});

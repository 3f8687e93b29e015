import { describe, expect, it } from 'vitest';
import { answer, matcher, type MatchData } from '../../widget/match.ts';
import { editsWithin } from '../../widget/query.ts';

/** Three entries, as src/lib/match-data.ts writes them (titles, other texts, summary). */
const DATA: MatchData = {
  ids: ['receipt-blank', 'network-timeout', 'sign-on-failed'],
  texts: [
    ['小票打印空白', '小票是白的 | Receipt prints blank | blank receipt', '热敏纸装反了'],
    ['连接超时 / 通讯失败', '连接超时 | 通讯失败 | Connection timeout | 刷卡一直转圈', '终端连不上主机'],
    ['签到失败', '请先签到 | Sign-on failed | sign on failed', '终端没有签到'],
  ],
  sounds: { xiao: '小', piao: '票漂', lian: '连', jie: '接', chao: '超', shi: '时失', qian: '签', dao: '到倒', bai: '白败' },
  also: {},
  line: { said: 0.45, mass: 22 },
};
const match = matcher(DATA);
const first = (q: string) => match(q)[0]?.id;

describe('the second reading of a query (widget/match.ts)', () => {
  it('meets a reworded Chinese question by pairs of characters, with no segmenter', () => {
    expect(first('小票出来是白的啥也没有')).toBe('receipt-blank');
  });
  it('leaves spoken fillers out of the measure', () => {
    const plain = match('一直连接超时')[0]!;
    const spoken = match('就是那个一直连接超时啊 咋整')[0]!;
    expect(spoken.id).toBe('network-timeout');
    expect(spoken.said).toBeCloseTo(plain.said, 5);
  });
  it('reads pinyin slips and toneless pinyin in Latin letters by sound', () => {
    expect(first('签倒失败')).toBe('sign-on-failed');
    expect(first('小漂是白的')).toBe('receipt-blank');
    expect(first('lianjie chaoshi')).toBe('network-timeout');
  });
  it('corrects two misspelt English words at once', () => {
    expect(first('conection timeuot')).toBe('network-timeout');
    expect(first('reciept prnts blank')).toBe('receipt-blank');
  });
  it('reads negations typed with or without an apostrophe as "not", not as words no entry has', () => {
    // "won't" used to leave "wo", which weighed as the rarest word of the query.
    expect(match("receipt won't print blank")[0]!.said).toBeCloseTo(match('receipt will not print blank')[0]!.said, 5);
    expect(match('receipt wont print blank')[0]!.said).toBeCloseTo(match('receipt print blank')[0]!.said, 5);
  });
  it("meets another form of an entry's word, and words typed apart that an entry writes as one", () => {
    // "connect" is three letters short of "connection", too many for a typo.
    expect(match('connect timeout')[0]!.said).toBeCloseTo(1, 5);
    expect(match('connec tion timeout')[0]!.said).toBeCloseTo(1, 5);
  });
  it('leaves out intensifiers and question frames that say nothing of the problem', () => {
    expect(match('小票特别白 弄了半天')[0]!.said).toBeCloseTo(match('小票 白')[0]!.said, 5);
    expect(match('what does connection timeout mean')[0]!.said).toBeCloseTo(1, 5);
  });
  it('says a good answer from 0.5, and nothing for a question no entry shares', () => {
    expect(match('连接超时')[0]!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(match('今天天气怎么样').every((m) => m.confidence < 0.5)).toBe(true);
  });
  it("puts Pagefind's order beside its own and reports the best shown entry's confidence", () => {
    const a = answer(match, '签到失败', ['receipt-blank'], 2);
    expect(a.ids[0]).toBe('sign-on-failed');
    expect(a.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe('edit distance', () => {
  it('counts swaps as one edit and stops past the limit', () => {
    expect(editsWithin('recieve', 'receive', 2)).toBe(1);
    expect(editsWithin('setlment', 'settlement', 2)).toBe(2);
    expect(editsWithin('cat', 'settlement', 2)).toBe(3);
  });
});

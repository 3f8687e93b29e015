// The fold map built with each index (src/lib/search-data.ts, foldMap): Traditional characters,
// OpenCC's phrases and the regional words, each kept only when the index says its Simplified side.
import { describe, expect, it } from 'vitest';
import { fold } from '../../widget/query.ts';
import { foldMap } from '../../src/lib/search-data.ts';

const INDEX = '结算失败 刷不过 挥卡 闪付卡贴 POS机没反应 刷卡 储蓄卡 调单 签购单 死机 超时';

describe('foldMap', () => {
  const map = foldMap(INDEX);

  it("folds the counter words of Taiwan's and Hong Kong's terminals to the index's", () => {
    expect(fold('今天請款一直失敗', map)).toBe('今天结算一直失败');
    expect(fold('感應卡嗶卡不過', map)).toBe('闪付卡挥卡不过');
    expect(fold('碌咭 拍咭', map)).toBe('刷卡 挥卡');
    expect(fold('簽帳金融卡', map)).toBe('储蓄卡');
    expect(fold('刷卡機當機', map)).toBe('POS机死机');
  });

  it('does not fold a regional word whose Simplified side the index does not say', () => {
    // 热敏纸 is not in this index: 感熱紙 is folded character by character only.
    expect(map['感熱紙']).toBeUndefined();
    expect(fold('感熱紙', map)).not.toContain('热敏纸');
  });

  it('leaves the mainland 调阅 (any records) alone, folding only Taiwan\'s 調閱', () => {
    expect(fold('调阅监控', map)).toBe('调阅监控');
    expect(fold('調閱簽單', map)).toBe('调单签购单');
  });

  it("keeps the index's own word for a phrase it says character for character", () => {
    // OpenCC's Taiwan table makes 通訊 into 通信; an index that says both keeps 通讯, the word of
    // the screen message "通讯失败" that a Taiwan terminal shows as 通訊失敗.
    const both = foldMap('通讯失败 通信 网络');
    expect(fold('通訊失敗', both)).toBe('通讯失败');
    expect(fold('網路', both)).toBe('网络');
    // Where the index has only the phrase's conversion, the phrase still folds to it.
    expect(fold('通訊', foldMap('通信 网络'))).toBe('通信');
  });
});

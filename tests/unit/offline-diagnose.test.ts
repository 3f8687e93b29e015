import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { DiagnoseData } from '../../src/lib/diagnose.ts';
import { offlineDiagnoseScript } from '../../src/offline/zip/diagnose.ts';

const tree: DiagnoseData = {
  version: 1,
  lang: 'zh-CN',
  title: '一步步排查',
  intro: '回答几个问题。',
  start: 'screen',
  maxDepth: 1,
  questions: {
    screen: {
      question: '屏幕亮吗？',
      depth: 1,
      url: '/zh/diagnose/',
      answers: [
        { answer: '亮', entry: 'receipt-blank' },
        { answer: '</script><b>不亮</b>', entry: 'no-power' },
      ],
    },
  },
  entries: {
    'receipt-blank': { title: '小票空白', summary: '', step: '翻面', url: '/zh/symptoms/receipt-blank/', actor: 'merchant', codes: [] },
    'no-power': { title: '开不了机', summary: '', step: '充电', url: '/zh/symptoms/no-power/', actor: 'merchant', codes: [] },
  },
};

/** Runs the script as a browser would, loaded from `src`, and returns what it registered. */
function run(script: string, src: string): Record<string, unknown> {
  const self: { posFaqOffline?: Record<string, unknown> } = {};
  runInNewContext(script, { self, document: { currentScript: { src } } });
  return self.posFaqOffline ?? {};
}

describe('the offline diagnosis script', () => {
  it('registers the tree under its own URL, with links to files and every character escaped', () => {
    const script = offlineDiagnoseScript(JSON.stringify(tree), 'widget/diagnose/zh.json');
    expect(/[^\x00-\x7f]/.test(script)).toBe(false);
    const src = 'file:///E:/pos-faq/widget/diagnose-zh.js';
    const data = run(script, src)[src] as DiagnoseData;
    expect(data.questions['screen']!.url).toBe('/zh/diagnose/index.html');
    expect(data.entries['receipt-blank']!.url).toBe('/zh/symptoms/receipt-blank/index.html');
    expect(data.questions['screen']!.answers[1]!.answer).toBe('</script><b>不亮</b>');
    expect(data.title).toBe('一步步排查');
  });

  it('keeps what other scripts registered', () => {
    const self = { posFaqOffline: { 'file:///x/pagefind/zh/': 'index' } as Record<string, unknown> };
    runInNewContext(offlineDiagnoseScript(JSON.stringify(tree), 'widget/diagnose/zh.json'), {
      self,
      document: { currentScript: { src: 'file:///x/widget/diagnose-zh.js' } },
    });
    expect(Object.keys(self.posFaqOffline).sort()).toEqual(['file:///x/pagefind/zh/', 'file:///x/widget/diagnose-zh.js']);
  });

  it('refuses what is not a version 1 tree, naming the file and the fix', () => {
    expect(() => offlineDiagnoseScript('<!doctype html>', 'widget/diagnose/en.json')).toThrow(
      'widget/diagnose/en.json in the built site is not valid JSON; rebuild the site with `npm run build`',
    );
    expect(() => offlineDiagnoseScript(JSON.stringify({ ...tree, version: 2 }), 'widget/diagnose/en.json')).toThrow(
      /widget\/diagnose\/en\.json is not a version 1 diagnosis .*rebuild the site/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../src/integrations/widget.ts';
import { safeUrl } from '../../widget/search-client.ts';
import { siteLocale, widgetLang } from '../../widget/strings.ts';

describe('safeUrl: which result URLs become links', () => {
  const site = 'https://faq.example/';

  it('keeps http(s) URLs and resolves relative ones against the FAQ site', () => {
    expect(safeUrl('/zh/symptoms/network-timeout/', site)).toBe('https://faq.example/zh/symptoms/network-timeout/');
    expect(safeUrl('zh/codes/', 'https://faq.example/sub/')).toBe('https://faq.example/sub/zh/codes/');
    expect(safeUrl('http://faq.example/en/', site)).toBe('http://faq.example/en/');
    expect(safeUrl('//cdn.example/x/', site)).toBe('https://cdn.example/x/');
  });

  it('drops every other scheme, however it is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      '\tjava\nscript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://faq.example/1',
    ]) {
      expect(safeUrl(url, site), url).toBeNull();
    }
  });

  it('lets a relative URL stay file: only when the site itself is a file (the offline bundle)', () => {
    expect(safeUrl('../symptoms/x/index.html', 'file:///usb/pos-faq/zh/')).toBe(
      'file:///usb/pos-faq/symptoms/x/index.html',
    );
    expect(safeUrl('file:///etc/passwd', 'file:///usb/pos-faq/')).toBeNull();
  });

  it('returns null for what does not parse', () => {
    expect(safeUrl('http://[::1', site)).toBeNull();
  });
});

describe('widgetLang', () => {
  it('maps Chinese tags to zh-CN and everything else to English', () => {
    expect(['zh', 'zh-CN', 'zh-Hans', 'ZH-cn', 'zh-TW'].map(widgetLang)).toEqual(Array(5).fill('zh-CN'));
    expect(['en', 'en-GB', 'de', '', null, undefined, 'zhx'].map(widgetLang)).toEqual(Array(7).fill('en'));
    expect(siteLocale('zh-CN')).toBe('zh');
    expect(siteLocale('en')).toBe('en');
  });
});

describe('asciiOnly', () => {
  it('escapes non-ASCII so that the same code runs, in strings and regular expressions alike', () => {
    const source = 'const s = "余额不足"; const r = /^(?:错误码)?(\\d\\d)$/u; const t = `返回码 ${1}`;';
    const escaped = asciiOnly(source);
    expect(/[^\x00-\x7f]/.test(escaped)).toBe(false);
    const run = (code: string) =>
      new Function(`${code}; return [s, r.exec('错误码51')?.[1], t, r.test('😀')];`)() as unknown[];
    expect(run(escaped)).toEqual(run(source));
    expect(asciiOnly('"😀"')).toBe('"\\ud83d\\ude00"');
  });
});

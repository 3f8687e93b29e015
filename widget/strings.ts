/** The widget's own interface strings; it does not depend on the host page's language. */
export const STRINGS = {
  'zh-CN': {
    label: '查询 POS 机故障',
    placeholder: '如：连接超时、51、小票空白',
    loading: '正在查询……',
    results: (n: number) => (n ? `找到 ${n} 条` : '没有找到相关条目'),
    noGood: '没有找到能回答这个问题的条目',
    maybe: '也许相关：',
    error: '查询服务暂时无法使用。请直接',
    errorLink: '打开 POS 机故障自助指南',
    who: '谁来处理：',
    actors: { merchant: '商户', cardholder: '持卡人', acquirer: '收单机构', vendor: '终端服务商', wait: '等待后重试' },
    diagnose: '说不清楚？回答几个问题',
    back: '上一步',
  },
  en: {
    label: 'Look up a POS terminal problem',
    placeholder: 'e.g. connection timeout, 51',
    loading: 'Searching…',
    results: (n: number) => (n ? `${n} result${n > 1 ? 's' : ''}` : 'No matching entries'),
    noGood: 'No entry answers this well',
    maybe: 'Maybe related:',
    error: 'The lookup is not available right now. Please ',
    errorLink: 'open the POS terminal help site',
    who: 'Who acts: ',
    actors: {
      merchant: 'Merchant',
      cardholder: 'Cardholder',
      acquirer: 'Acquirer',
      vendor: 'Terminal vendor',
      wait: 'Wait and retry',
    },
    diagnose: 'Not sure? Answer a few questions',
    back: 'Back',
  },
} as const;

export type WidgetLang = keyof typeof STRINGS;
export type Strings = (typeof STRINGS)[WidgetLang];

/** Maps any `lang` attribute to a supported language: zh, zh-Hans, zh-CN → zh-CN; else en. */
export function widgetLang(value: string | null | undefined): WidgetLang {
  return /^zh\b/i.test(value ?? '') ? 'zh-CN' : 'en';
}

/** The site's path prefix and Pagefind bundle for a widget language. */
export function siteLocale(lang: WidgetLang): 'zh' | 'en' {
  return lang === 'zh-CN' ? 'zh' : 'en';
}

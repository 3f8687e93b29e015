/** The widget's own interface strings; it does not depend on the host page's language. */
export const STRINGS = {
  'zh-CN': {
    label: '查询 POS 机故障',
    placeholder: '输入屏幕提示、返回码或现象，如“连接超时”“51”',
    loading: '正在加载……',
    results: (n: number) => (n === 0 ? '没有找到相关条目，换个说法试试' : `找到 ${n} 条`),
    noResults: '没有找到相关条目。可以换个说法，或者浏览症状目录。',
    error: '查询服务暂时无法使用。',
    errorLink: '打开 POS 机故障自助指南',
    who: '谁来处理',
    clear: '清除',
    actors: { merchant: '商户', cardholder: '持卡人', acquirer: '收单机构', vendor: '终端服务商', wait: '等待后重试' },
    catalogue: '浏览全部症状',
  },
  en: {
    label: 'Look up a POS terminal problem',
    placeholder: 'Message, code or symptom, e.g. "connection timeout", "51"',
    loading: 'Loading…',
    results: (n: number) => (n === 0 ? 'No matching entries; try other words' : n === 1 ? '1 result' : `${n} results`),
    noResults: 'No matching entries. Try other words, or browse all symptoms.',
    error: 'The lookup is not available right now.',
    errorLink: 'Open the POS terminal help site',
    who: 'Who acts',
    clear: 'Clear',
    actors: { merchant: 'Merchant', cardholder: 'Cardholder', acquirer: 'Acquirer', vendor: 'Terminal vendor', wait: 'Wait and retry' },
    catalogue: 'Browse all symptoms',
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

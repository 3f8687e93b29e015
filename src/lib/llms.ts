import { t } from '../i18n/index.ts';
import { CATEGORIES, type Locale } from '../schemas/faq.ts';
import { SITE_URL } from '../site.config.ts';
import type { SymptomEntry } from './catalogue-types.ts';

/**
 * `/<lang>/llms.txt` and `/<lang>/llms-full.txt` (the llms.txt convention): the catalogue as plain
 * Markdown, for vendors who point their own support tools at it. llms.txt lists every entry with
 * its address; llms-full.txt holds each entry whole: codes, who acts, steps, what not to do, when
 * to escalate and the date it was checked.
 */
const entryUrl = (locale: Locale, id: string) => `${SITE_URL}/${locale}/symptoms/${id}/`;
const join = (locale: Locale, items: readonly string[]) => items.join(locale === 'zh' ? '、' : ', ');
/** Entry text is plain text; a line break inside a list item would end the item. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

function byCategory(entries: readonly SymptomEntry[]) {
  return CATEGORIES.map((category) => ({ category, entries: entries.filter((e) => e.category === category) })).filter((g) => g.entries.length);
}

export function llmsIndex(entries: readonly SymptomEntry[], locale: Locale): string {
  const lines = [`# ${t(locale, 'site.name')}`, '', `> ${t(locale, 'site.description')}`, '', t(locale, 'llms.intro'), ''];
  for (const { category, entries: group } of byCategory(entries)) {
    lines.push(`## ${t(locale, `category.${category}`)}`, '');
    for (const e of group) lines.push(`- [${oneLine(e.title)}](${entryUrl(locale, e.id)}): ${oneLine(e.summary)}`);
    lines.push('');
  }
  lines.push('## Optional', '', `- [llms-full.txt](${SITE_URL}/${locale}/llms-full.txt): ${t(locale, 'llms.full')}`, '');
  return lines.join('\n');
}

export function llmsFull(entries: readonly SymptomEntry[], locale: Locale): string {
  const lines = [`# ${t(locale, 'site.name')}`, '', `> ${t(locale, 'site.description')}`, '', t(locale, 'llms.intro'), ''];
  const colon = t(locale, 'punct.colon');
  for (const { category, entries: group } of byCategory(entries)) {
    lines.push(`## ${t(locale, `category.${category}`)}`, '');
    for (const e of group) {
      lines.push(
        `### ${oneLine(e.title)}`,
        '',
        oneLine(e.summary),
        '',
        `- ${t(locale, 'llms.url')}${colon}${entryUrl(locale, e.id)}`,
        `- ${t(locale, 'symptom.codes')}${colon}${e.codes.length ? join(locale, e.codes) : t(locale, 'llms.none')}`,
        `- ${t(locale, 'symptom.who')}${colon}${e.actors.map((a) => t(locale, `actor.${a}`)).join(' → ')}`,
        `- ${t(locale, 'llms.reviewed')}${colon}${e.reviewed}`,
        '',
        `#### ${t(locale, 'symptom.steps')}`,
        '',
        ...e.steps.map((s, i) => `${i + 1}. ${oneLine(s)}`),
        '',
      );
      if (e.avoid.length) lines.push(`#### ${t(locale, 'symptom.avoid')}`, '', ...e.avoid.map((a) => `- ${oneLine(a)}`), '');
      lines.push(`#### ${t(locale, 'symptom.escalate')}`, '', `${oneLine(e.escalate.when)} → ${oneLine(e.escalate.to)}`, '');
    }
  }
  return lines.join('\n');
}

import type { Locale } from '../schemas/faq.ts';
import type { Problem } from './content-error.ts';

/**
 * `npm run new -- <id>`: the zh and en files of a new entry, with every field, a comment on each,
 * and placeholders the schema accepts. Every line left to fill says TODO; the catalogue check
 * (leftToFill, below) names each such field until the editor has written it and deleted the word.
 */
export function newEntryFile(id: string, locale: Locale, today: string): string {
  const c = COMMENTS[locale];
  const lines: [string, string][] = [
    [`id: ${id}`, c.id],
    ['title: TODO', c.title],
    ['summary: TODO', c.summary],
    ['category: network', c.category],
    ['actors: [merchant]', c.actors],
    [`reviewed: ${today}`, c.reviewed],
    ['messages: []', c.messages],
    ['codes: []', c.codes],
    ['aliases: []', c.aliases],
    ['causes:', c.causes],
    ['  - TODO', ''],
    ['steps:', c.steps],
    ['  - TODO', ''],
    ['escalate:', c.escalate],
    ['  when: TODO', c.when],
    ['  to: TODO', c.to],
    ['avoid: []', c.avoid],
    ['related: []', c.related],
    ['changes: []', c.changes],
  ];
  const body = lines.map(([yaml, comment]) => (comment ? `${yaml.padEnd(24)} # ${comment}` : yaml)).join('\n');
  return `# yaml-language-server: $schema=../../../schemas/entry.schema.json\n${c.header}\n${body}\n`;
}

type CommentKey =
  | 'header' | 'id' | 'title' | 'summary' | 'category' | 'actors' | 'reviewed' | 'messages' | 'codes'
  | 'aliases' | 'causes' | 'steps' | 'escalate' | 'when' | 'to' | 'avoid' | 'related' | 'changes';

const COMMENTS: Record<Locale, Record<CommentKey, string>> = {
  zh: {
    header:
      '# 这个文件由 npm run new 生成。标着 TODO 的行还没写：写好后把注释里的 TODO 删掉。\n' +
      '# npm run check:content 会列出还标着 TODO 的字段。格式说明见 faq/README.md。',
    id: '文件名，两种语言一致；发布后不要再改',
    title: 'TODO 读者一眼能认出的标题，简短',
    summary: 'TODO 一句话说明发生了什么',
    category: 'TODO network | signon | host | hardware | printer | card | transaction | account | security',
    actors: 'TODO 谁来处理，主要的在前：merchant | cardholder | acquirer | vendor | wait',
    reviewed: '对照来源核实的日期',
    messages: 'TODO 屏幕或签购单上的原文，中英文都写；没有就留 []',
    codes: 'TODO 返回码，加引号（"05"）；每个在 faq/codes.yaml 里要有一行；没有就留 []',
    aliases: 'TODO 读者会搜的说法：口语、简称、错别字',
    causes: 'TODO 可能的原因，最常见的在前',
    steps: 'TODO 按顺序做的步骤；第一步显示在搜索结果里',
    escalate: '什么情况下找谁（下面两行）',
    when: 'TODO 什么时候不要再自己处理',
    to: 'TODO 找谁；不写电话号码',
    avoid: 'TODO 会让事情更糟的做法，涉及钱的写明后果；没有就留 []',
    related: 'TODO 相关条目的编号（文件名），两种语言一致；没有就留 []',
    changes: '读者要知道的修改，最新的在前；新条目不用写',
  },
  en: {
    header:
      '# Written by npm run new. Lines marked TODO are left to fill: write them, then delete TODO from\n' +
      '# the comment. npm run check:content lists the fields still marked. faq/README.md explains each field.',
    id: 'the file name, the same in both languages; never change it once published',
    title: 'TODO what the reader recognises, short',
    summary: 'TODO one sentence: what is going on',
    category: 'TODO network | signon | host | hardware | printer | card | transaction | account | security',
    actors: 'TODO who acts, main one first: merchant | cardholder | acquirer | vendor | wait',
    reviewed: 'the day you checked it against its sources',
    messages: 'TODO exact strings on the screen or receipt, in both languages; [] if none',
    codes: 'TODO response codes, quoted ("05"); each needs a line in faq/codes.yaml; [] if none',
    aliases: 'TODO what people type: colloquial words, shorthand, misspellings',
    causes: 'TODO likely causes, the most common first',
    steps: 'TODO what to do, in order; the first step is shown in search results',
    escalate: 'when to hand over, and to whom (the two lines below)',
    when: 'TODO when to stop trying alone',
    to: 'TODO whom to contact; never a phone number',
    avoid: 'TODO what makes it worse, and what it costs; [] if nothing',
    related: 'TODO ids of related entries (file names), the same in both languages; [] if none',
    changes: 'changes a reader must know, newest first; a new entry needs none',
  },
};

/**
 * The fields of a YAML text that are still marked TODO (in the value or its comment), one problem
 * each: `title`, `escalate.when`, `steps` for a list item. Whole-line comments do not count.
 */
export function leftToFill(text: string, file: string): Problem[] {
  const fields: string[] = [];
  let top = '-';
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const key = /^([A-Za-z_]+):/.exec(line)?.[1];
    if (key) top = key;
    const nested = key ? undefined : /^\s+([A-Za-z_]+):/.exec(line)?.[1];
    const field = nested ? `${top}.${nested}` : top;
    if (/\bTODO\b/.test(line) && !fields.includes(field)) fields.push(field);
  }
  return fields.map((field) => ({
    file,
    field,
    message: 'is left to fill (the line still says TODO)',
    fix: 'write it as its comment says, then delete TODO from the line',
  }));
}

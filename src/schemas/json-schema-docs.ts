/**
 * What each field of a `faq/` file is for, in Chinese and in English: the editor shows it when
 * the pointer rests on a field (the JSON Schemas' `description`, see json-schemas.ts). Keys are
 * field paths: `escalate.when`, `terms[].id` for a field of each list item, `questions.*.help`
 * for a field of each value of a map; '' is the file itself. faq/README.md says the same at length.
 */
type Docs = Record<string, readonly [zh: string, en: string]>;

const cardText = (locale: string): Docs => ({
  [locale]: [`${locale === 'zh' ? '中文' : '英文'}卡片上的文字。`, `The wording of the ${locale === 'zh' ? 'Chinese' : 'English'} card.`],
  [`${locale}.title`]: ['卡片标题。', 'The card’s title.'],
  [`${locale}.intro`]: ['标题下一句话：这张卡是做什么用的。', 'One sentence under the title: what the card is for.'],
  [`${locale}.never`]: ['绝对不要做的三件事，按打印顺序。', 'The three things never to do, in the order printed.'],
  [`${locale}.contact`]: ['到哪里找收单机构的官方联系方式。不写电话号码。', 'Where to find the acquirer’s official contact. Never a phone number.'],
});

export const FIELD_DOCS: Record<string, Docs> = {
  entry: {
    '': ['症状条目', 'Symptom entry'],
    id: ['条目编号，与文件名相同，两种语言一致。小写英文单词用连字符连接。发布后不要再改。', 'The entry’s id: the file name, the same in both languages. Lower-case words joined by hyphens. Never change it once published.'],
    title: ['读者一眼能认出的标题，简短。', 'What the reader recognises, short.'],
    summary: ['一句话说明发生了什么，显示在列表和搜索结果里。', 'One sentence that says what is going on, shown in lists and search results.'],
    category: ['目录里的分类。', 'The catalogue’s section.'],
    actors: ['谁来处理，主要的放在最前：merchant 商户，cardholder 持卡人，acquirer 收单机构，vendor 终端服务商，wait 只能等待后重试。两种语言一致。', 'Who acts, the main one first: merchant, cardholder, acquirer, vendor, or wait (nobody can fix it locally: wait and retry). The same in both languages.'],
    reviewed: ['编辑最后一次对照来源核实这条内容的日期（YYYY-MM-DD）。', 'The day an editor last checked it against its sources (YYYY-MM-DD).'],
    messages: ['屏幕或签购单上显示的原文，两种语言都列出。没有可以留空列表。', 'The exact strings on the screen or receipt, in both languages. May be an empty list.'],
    codes: ['这条内容解释的返回码，必须加引号（"05"）。一个返回码只属于一个条目；每个返回码在 faq/codes.yaml 里都要有类别。', 'Response codes this entry explains, always quoted ("05"). A code belongs to one entry, and each needs its class in faq/codes.yaml.'],
    aliases: ['读者会搜的说法：口语、简称、错别字。', 'What people type: colloquial words, shorthand, misspellings.'],
    causes: ['可能的原因，最常见的放在前面。', 'Likely causes, the most common first.'],
    steps: ['按顺序做的步骤；第一步会显示在搜索结果和速查卡上。修改后要在 changes 里记一笔。', 'What to do, in order; the first step is shown in search results and on the quick card. A change here needs a line in changes.'],
    escalate: ['什么情况下找谁。修改后要在 changes 里记一笔。', 'When to hand over, and to whom. A change here needs a line in changes.'],
    'escalate.when': ['什么时候不要再自己处理。', 'When to stop trying alone.'],
    'escalate.to': ['找谁：收单机构、终端服务商、发卡行……不写电话号码。', 'Whom to contact: the acquirer, the terminal vendor, the card issuer… Never a phone number.'],
    avoid: ['会让事情更糟的做法，例如超时后马上让顾客再付一次。涉及钱的要写明后果。修改后要在 changes 里记一笔。', 'What makes it worse, such as charging again right after a timeout; say what it costs. A change here needs a line in changes.'],
    related: ['相关条目的编号（文件名，不带 .yaml）。两种语言一致。', 'Ids of related entries (file names without .yaml). The same in both languages.'],
    changes: ['读者需要知道的修改（步骤、不要做的事、找谁），最新的放在最前。会显示在“最近更新”页和订阅源里。', 'Changes a reader must know about (steps, what not to do, whom to call), newest first. Shown on the changes page and in the feed.'],
    'changes[].date': ['修改的日期（YYYY-MM-DD）。', 'The day of the change (YYYY-MM-DD).'],
    'changes[].note': ['一句话告诉读者改了什么、现在应该怎么做。', 'One sentence for readers: what changed and what they now do.'],
  },
  glossary: {
    '': ['术语表', 'Glossary'],
    terms: ['这种语言的全部术语。', 'Every term of this language.'],
    'terms[].id': ['锚点编号（/zh/glossary/#acquirer），两种语言一致，发布后不要再改。', 'The anchor (/zh/glossary/#acquirer), the same in both files. Never change it once published.'],
    'terms[].term': ['词条本身，店主会怎么说就怎么写。', 'The headword, as a shopkeeper would say it.'],
    'terms[].also': ['读者会遇到的其他叫法，显示为“也叫”，也会加链接。', 'Other names readers meet: shown as “also”, and linked too.'],
    'terms[].match': ['另外要加链接但不显示的形式（词形变化、不同语序）。', 'More forms to link, not shown (inflections, word orders).'],
    'terms[].except': ['包含这些词但意思不同的长短语，从不加链接。', 'Longer phrases around a form that mean something else: never linked.'],
    'terms[].text': ['一两句纯文本解释，不用 HTML 或 Markdown。', 'A plain sentence or two; no HTML or Markdown.'],
    'terms[].group': ['在术语表页上属于哪一节。', 'The page’s section.'],
    'terms[].see': ['接着读的其他术语编号。', 'Ids of other terms to read next.'],
    'terms[].entries': ['讲到这个术语的症状条目编号。', 'Ids of entries that deal with it.'],
  },
  diagnose: {
    '': ['一步步排查', 'Guided diagnosis'],
    title: ['排查流程的名称，显示在第一页。', 'The flow’s name, on its first page.'],
    intro: ['第一个问题上方的一两句话。', 'One or two sentences above the first question.'],
    start: ['第一个问题的编号。', 'The id of the first question.'],
    questions: ['全部问题，按编号。两种语言的编号、答案和去向必须一致。', 'Every question, by id. Both languages have the same ids, answers and targets.'],
    'questions.*': ['一个问题：页面地址是 /zh/diagnose/<编号>/。', 'One question: its page is /en/diagnose/<id>/.'],
    'questions.*.question': ['问题本身，也是页面标题：要短。', 'The question, also the page title: keep it short.'],
    'questions.*.help': ['可选：问题下方的提示，去哪里看、怎么算。', 'Optional hint under the question: where to look, what counts as what.'],
    'questions.*.answers': ['答案，按显示顺序，至少两个。', 'The answers, in the order shown; at least two.'],
    'questions.*.answers[].answer': ['读者点的答案，要短：它也是面包屑导航。', 'What the reader taps; short, it is also the breadcrumb.'],
    'questions.*.answers[].detail': ['可选：答案下的第二行，例子或屏幕原文。', 'Optional second line: an example, the exact screen text.'],
    'questions.*.answers[].next': ['下一个问题的编号（与 entry 二选一）。', 'The id of the next question (or entry, not both).'],
    'questions.*.answers[].entry': ['结束在哪个症状条目（与 next 二选一）。', 'The entry the flow ends on (or next, not both).'],
  },
  codes: {
    '': ['返回码的银联类别', 'UnionPay class of each response code'],
    '*': ['一个返回码：只写类别（"05": C），或者类别加下一步（"55": { class: C, move: retry }）。返回码要加引号："05"。', 'One response code: its class alone ("05": C), or its class and next move ("55": { class: C, move: retry }). Quote the code: "05".'],
    '*.class': ['银联类别，给 POS 机软件看的：A 成功，B 可以原样重发，C 原样重发无效，D 要人工处理，E 系统故障。', 'UnionPay class, a hint to terminal software: A success, B resending may work, C resending as is fails, D the operator must act, E system fault.'],
    '*.move': ['收银员的下一步，返回码页和速查卡都显示：retry 可以重试，no-retry 不要重试，merchant 商户处理，wait 稍后再试。只在条目的步骤和推算出的不一样时写。', 'The cashier\'s next move, shown on the codes page and the quick card: retry, no-retry, merchant (the merchant acts) or wait. Write it only where the entry\'s steps differ from the derived move.'],
  },
  card: {
    '': ['速查卡', 'Quick card'],
    codes: ['卡上的返回码，按打印顺序，至少 20 个；每个都要属于某个条目。', 'Response codes on the card, in the order printed, at least 20; each must belong to an entry.'],
    symptoms: ['卡上列出第一步的症状条目编号，至少 4 个。', 'Ids of entries printed with their first step; at least 4.'],
    ...cardText('zh'),
    ...cardText('en'),
  },
};

// A vendor overlay's files: an overlay entry is a catalogue entry whose codes are the vendor's own.
FIELD_DOCS['overlay'] = {
  '': ['终端厂商附加内容（overlay.yaml）', 'Vendor overlay (overlay.yaml)'],
  id: ['附加内容的编号：小写英文字母、数字和连字符，最多 30 个字符。商户可以在代码前输入它（"acme e101"），离线包也以它命名。', 'The overlay’s id: lower-case letters, digits and hyphens, at most 30. A merchant may type it before a code ("acme e101"); the offline bundle is named after it.'],
  name: ['厂商名称，两种语言：显示在它的条目旁边。', 'The vendor’s name in each language: the mark shown on its entries.'],
  'name.zh': ['中文读者认识的厂商名称。', 'The name Chinese readers know.'],
  'name.en': ['英文读者认识的厂商名称。', 'The name English readers know.'],
};
FIELD_DOCS['overlay-entry'] = {
  ...FIELD_DOCS['entry'],
  '': ['厂商条目', 'Vendor entry'],
  codes: ['终端上显示的厂商故障码，加引号（"E101"、"ERR-3"），1 到 10 个字母、数字或连字符。不能是共享返回码表里的代码；大小写和连字符不计。', 'The vendor’s codes as the terminal shows them, quoted ("E101", "ERR-3"): 1 to 10 letters, digits or hyphens. Never a code of the shared table; case and hyphens do not count.'],
};
FIELD_DOCS['overlay-note'] = {
  '': ['厂商机型补充（extends/）', 'Vendor model note (extends/)'],
  reviewed: FIELD_DOCS['entry']!['reviewed']!,
  models: ['这些步骤适用的机型，与终端上印的一致；两种语言相同。', 'The models the steps are for, as printed on the terminal; the same in both languages.'],
  steps: ['显示在共享条目的步骤之后、厂商名称和机型之下的补充步骤。不能改动共享内容，尤其是“不要这样做”。', 'Steps shown after the shared entry’s steps, under the vendor’s name and the models. They never change the shared text, above all its “what not to do”.'],
};

import { ACTORS, CATEGORIES, LOCALES } from '../schemas/faq.ts';
import { GLOSSARY_GROUPS } from '../schemas/glossary.ts';

/**
 * The Sveltia CMS configuration for `/admin/` (written as admin/config.yml): a form over `faq/` for
 * editors who do not use git. Entries in both languages side by side, the glossary and the quick
 * card; the guided diagnosis stays in the text editor (a tree whose two files must match answer
 * for answer reads better as YAML than as nested forms). Field names and choices come from the
 * Zod schemas' lists, so the form offers what the build accepts; check:content still runs in CI
 * on every commit the CMS makes.
 */
export interface AdminSettings {
  /** `owner/name` of the repository on the Git host (CMS_REPO). */
  repo: string;
  /** The branch editors commit to (CMS_BRANCH). */
  branch: string;
  /** The OAuth client that signs editors in to GitHub (CMS_AUTH_URL), if any. */
  authUrl?: string | undefined;
  siteUrl: string;
}

export function adminSettings(env: NodeJS.ProcessEnv, siteUrl: string): AdminSettings {
  return {
    repo: env['CMS_REPO'] || 'OWNER/pos-faq',
    branch: env['CMS_BRANCH'] || 'main',
    authUrl: env['CMS_AUTH_URL'] || undefined,
    siteUrl,
  };
}

const label = (zh: string, en: string) => `${zh} / ${en}`;
const text = (name: string, zh: string, en: string, extra: object = {}) => ({ name, label: label(zh, en), widget: 'string', i18n: true, ...extra });
const lines = (name: string, zh: string, en: string, extra: object = {}) => ({
  name,
  label: label(zh, en),
  widget: 'list',
  field: { name: 'item', label: label(zh, en), widget: 'text' },
  i18n: true,
  ...extra,
});
const options = (values: readonly string[]) => values.map((v) => ({ label: v, value: v }));
const date = (name: string, zh: string, en: string, extra: object = {}) => ({
  name,
  label: label(zh, en),
  widget: 'datetime',
  format: 'YYYY-MM-DD',
  time_format: false,
  picker_utc: true,
  ...extra,
});
const ID_PATTERN = ['^[a-z0-9]+(-[a-z0-9]+)*$', 'lower-case words joined by hyphens, like network-timeout'];
const CODE_PATTERN = ['^[0-9A-Z]{2}$', 'two digits or capital letters, like 05 or A0'];

const entryFields = [
  { name: 'id', label: label('编号', 'Id'), widget: 'string', pattern: ID_PATTERN, i18n: 'duplicate', hint: label('与文件名相同，发布后不要再改', 'the file name; never change it once published') },
  text('title', '标题', 'Title'),
  { ...text('summary', '一句话说明', 'Summary'), widget: 'text' },
  { name: 'category', label: label('分类', 'Category'), widget: 'select', options: options(CATEGORIES), i18n: 'duplicate' },
  { name: 'actors', label: label('谁来处理', 'Who acts'), widget: 'select', multiple: true, min: 1, max: 3, options: options(ACTORS), i18n: 'duplicate' },
  date('reviewed', '核实日期', 'Checked on', { i18n: true }),
  lines('messages', '屏幕原文', 'Screen messages', { required: false }),
  { ...lines('codes', '返回码', 'Response codes', { required: false }), field: { name: 'code', label: label('返回码', 'Code'), widget: 'string', pattern: CODE_PATTERN }, i18n: 'duplicate' },
  lines('aliases', '常见说法', 'Also described as', { required: false }),
  lines('causes', '可能的原因', 'Likely causes', { min: 1 }),
  lines('steps', '处理步骤', 'Steps', { min: 1, hint: label('改了要在修改记录里写一行', 'a change here needs a line in Changes') }),
  {
    name: 'escalate',
    label: label('什么时候找谁', 'When to escalate'),
    widget: 'object',
    i18n: true,
    fields: [
      { ...text('when', '什么时候', 'When'), widget: 'text' },
      { ...text('to', '找谁', 'To whom'), widget: 'text' },
    ],
  },
  lines('avoid', '不要这样做', 'Do not', { required: false }),
  {
    name: 'related',
    label: label('相关条目', 'Related entries'),
    widget: 'relation',
    collection: 'entries',
    value_field: 'id',
    search_fields: ['title', 'id'],
    display_fields: ['title'],
    multiple: true,
    required: false,
    i18n: 'duplicate',
  },
  {
    name: 'changes',
    label: label('修改记录（最新的在前）', 'Changes (newest first)'),
    widget: 'list',
    required: false,
    i18n: true,
    add_to_top: true,
    summary: '{{date}} {{note}}',
    fields: [date('date', '日期', 'Date'), { name: 'note', label: label('一句话说明改了什么', 'One sentence: what changed'), widget: 'string' }],
  },
];

const termFields = [
  { name: 'id', label: label('编号', 'Id'), widget: 'string', pattern: ID_PATTERN },
  { name: 'term', label: label('词条', 'Term'), widget: 'string' },
  { name: 'also', label: label('也叫', 'Also'), widget: 'list', required: false },
  { name: 'match', label: label('其他要链接的形式', 'More forms to link'), widget: 'list', required: false },
  { name: 'except', label: label('不链接的短语', 'Phrases never linked'), widget: 'list', required: false },
  { name: 'text', label: label('解释', 'Explanation'), widget: 'text' },
  { name: 'group', label: label('分节', 'Section'), widget: 'select', options: options(GLOSSARY_GROUPS) },
  { name: 'see', label: label('另见术语', 'See also'), widget: 'list', required: false },
  { name: 'entries', label: label('相关条目', 'Related entries'), widget: 'relation', collection: 'entries', value_field: 'id', search_fields: ['title', 'id'], display_fields: ['title'], multiple: true, required: false },
];

const cardText = (locale: string) => ({
  name: locale,
  label: locale === 'zh' ? label('中文卡片', 'Chinese card') : label('英文卡片', 'English card'),
  widget: 'object',
  fields: [
    { name: 'title', label: label('标题', 'Title'), widget: 'string' },
    { name: 'intro', label: label('说明', 'Intro'), widget: 'string' },
    { name: 'never', label: label('绝对不要做的三件事', 'Three things never to do'), widget: 'list', min: 3, max: 3 },
    { name: 'contact', label: label('怎样联系收单机构', 'How to reach the acquirer'), widget: 'text' },
  ],
});

/** The configuration object, as Sveltia CMS reads it (Decap-compatible keys). */
export function adminConfig({ repo, branch, authUrl, siteUrl }: AdminSettings): Record<string, unknown> {
  return {
    backend: { name: 'github', repo, branch, ...(authUrl ? { base_url: authUrl } : {}) },
    // Nothing in faq/ is an upload; the setting is required, and no field offers one.
    media_folder: 'public/uploads',
    site_url: siteUrl,
    display_url: siteUrl,
    i18n: { structure: 'multiple_folders', locales: [...LOCALES], default_locale: LOCALES[0] },
    collections: [
      {
        name: 'entries',
        label: label('症状条目', 'Entries'),
        label_singular: label('条目', 'Entry'),
        folder: 'faq/symptoms',
        extension: 'yaml',
        format: 'yaml',
        create: true,
        identifier_field: 'id',
        slug: '{{fields.id}}',
        summary: '{{title}}',
        sortable_fields: ['title', 'category', 'reviewed'],
        i18n: true,
        fields: entryFields,
      },
      {
        name: 'glossary',
        label: label('术语表', 'Glossary'),
        format: 'yaml',
        files: LOCALES.map((locale) => ({
          name: locale,
          label: locale === 'zh' ? label('中文术语', 'Chinese terms') : label('英文术语', 'English terms'),
          file: `faq/glossary/${locale}.yaml`,
          fields: [{ name: 'terms', label: label('术语', 'Terms'), widget: 'list', summary: '{{term}}', fields: termFields }],
        })),
      },
      {
        name: 'card',
        label: label('速查卡', 'Quick card'),
        format: 'yaml',
        files: [
          {
            name: 'card',
            label: label('速查卡', 'Quick card'),
            file: 'faq/card.yaml',
            fields: [
              { name: 'codes', label: label('返回码（按打印顺序）', 'Codes, in the order printed'), widget: 'list', min: 20 },
              { name: 'symptoms', label: label('症状', 'Symptoms'), widget: 'relation', collection: 'entries', value_field: 'id', search_fields: ['title', 'id'], display_fields: ['title'], multiple: true, min: 4 },
              cardText('zh'),
              cardText('en'),
            ],
          },
        ],
      },
    ],
  };
}

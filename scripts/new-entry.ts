// npm run new -- <id>: writes faq/symptoms/zh/<id>.yaml and faq/symptoms/en/<id>.yaml with every
// field, a comment on each and TODO on each line to fill; npm run check:content then lists them.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../src/schemas/faq.ts';
import { newEntryFile } from '../src/lib/new-entry.ts';

const root = process.env['POS_FAQ_CONTENT'] ?? 'faq';
const id = process.argv[2] ?? '';
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
  console.error('Usage: npm run new -- <id>, the id being lower-case words joined by hyphens, like "card-reader-dirty"');
  process.exit(1);
}
const files = LOCALES.map((locale) => ({ locale, path: join(root, 'symptoms', locale, `${id}.yaml`) }));
const taken = files.filter((f) => existsSync(f.path));
if (taken.length) {
  console.error(`${taken.map((f) => f.path).join(' and ')} already exist${taken.length === 1 ? 's' : ''}: choose another id`);
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
for (const { locale, path } of files) {
  writeFileSync(path, newEntryFile(id, locale, today));
  console.log(`wrote ${path}`);
}
console.log('Fill in the lines marked TODO in both files, then run npm run check:content.');

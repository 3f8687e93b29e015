// npm run release [-- YYYY-MM-DD]: records the content as released in faq/release.json (a hash of
// each entry's steps, avoid and escalate per language, and its number of changes lines). From then
// on, check:content refuses a change to those fields without a new changes line. Run it when the
// content is published; see faq/README.md, "Recording a change".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from '../src/lib/catalogue.ts';
import { ContentError } from '../src/lib/content-error.ts';
import { recordRelease, RELEASE_FILE } from '../src/lib/release.ts';

const root = process.env['POS_FAQ_CONTENT'] ?? 'faq';
const date = process.argv[2] ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error('Usage: npm run release [-- YYYY-MM-DD]');
  process.exit(1);
}
try {
  const { symptoms } = loadCatalogue(root, process.cwd(), { changeRule: false });
  const release = recordRelease(symptoms, date);
  // One line per entry: a release after a content round reads as a diff of the entries it touched.
  const lines = Object.entries(release.entries).map(([id, files]) => `    ${JSON.stringify(id)}: ${JSON.stringify(files)}`);
  writeFileSync(join(root, RELEASE_FILE), `{\n  "date": ${JSON.stringify(release.date)},\n  "entries": {\n${lines.join(',\n')}\n  }\n}\n`);
  console.log(`${join(root, RELEASE_FILE)}: release of ${date}, ${Object.keys(release.entries).length} entries`);
} catch (error) {
  // A release is of content that passes every other check.
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

// `npm run overlay -- <folder> [--out <file>]`: checks a vendor overlay against the shared
// catalogue and writes the JSON file the vendor hosts next to its page (README, "Vendor overlays").
// The shared catalogue is faq/, or POS_FAQ_CONTENT as for check:content.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../src/lib/catalogue.ts';
import { ContentError } from '../src/lib/content-error.ts';
import { loadOverlay, writeOverlay } from '../src/lib/overlay.ts';

const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
const folder = positionals[0];

if (!folder || positionals.length > 1) {
  console.error('Usage: npm run overlay -- <folder> [--out <file>]\n  e.g. npm run overlay -- examples/overlay');
  process.exitCode = 2;
} else {
  try {
    const overlay = loadOverlay(folder, loadCatalogue(process.env['POS_FAQ_CONTENT'] ?? 'faq'));
    const { file, bytes } = writeOverlay(overlay, values.out ?? join(folder, 'overlay.json'));
    const codes = overlay.zh.entries.reduce((n, e) => n + e.codes.length, 0);
    console.log(
      `${folder} is fine: "${overlay.id}" (${overlay.name.en}), ${overlay.zh.entries.length} entries with ${codes} codes ` +
        `and ${overlay.zh.notes.length} model notes in each language.\n  ${file} ${(bytes / 1024).toFixed(1)} KiB`,
    );
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

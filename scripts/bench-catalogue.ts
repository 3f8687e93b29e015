// A generated catalogue for the scale benchmarks: the real faq/ (topics, diagnosis and every
// entry) plus variants of the real entries until each language holds `size` entries.
//
//   node scripts/bench-catalogue.ts 1000 /tmp/bench-faq-1000
//
// A variant is a real entry for one terminal model: its own id, the model in its title, summary
// and first step (so the index grows with new words, as a real catalogue would), no response
// codes (a code belongs to one entry) and the original's related entries. Both languages get
// the same variants, so the content checks pass as they do for faq/.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { LOCALES } from '../src/schemas/faq.ts';
import { countWords, SUMMARY_LIMITS } from '../src/lib/style-checks.ts';

const BRANDS = ['Aurora', 'Boreal', 'Cirrus', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper'];
const SERIES = ['K', 'M', 'P', 'Q', 'S', 'T', 'V', 'X'];

/**
 * The English summary of a variant: "On the <model>: …", unless that takes it over the style
 * check's word limit (which the build enforces): then "<model>: …", then the summary as it is.
 */
function modelSummary(model: string, summary: string): string {
  const fits = (text: string) => countWords(text) <= SUMMARY_LIMITS.words;
  return [`On the ${model}: ${summary}`, `${model}: ${summary}`].find(fits) ?? summary;
}

/** The k-th terminal model: "Aurora K1", "Boreal K1", … then "Aurora M1", … */
export function modelName(k: number): string {
  const brand = BRANDS[k % BRANDS.length]!;
  const series = SERIES[Math.floor(k / BRANDS.length) % SERIES.length]!;
  return `${brand} ${series}${Math.floor(k / (BRANDS.length * SERIES.length)) + 1}`;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Writes a catalogue of `size` entries per language into `out` (emptied first); returns its size. */
export function generateCatalogue(size: number, out: string, source = 'faq'): number {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const folder of readdirSync(source)) {
    if (folder !== 'symptoms') cpSync(join(source, folder), join(out, folder), { recursive: true });
  }
  const ids = readdirSync(join(source, 'symptoms', LOCALES[0]))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort();
  for (const locale of LOCALES) {
    const dir = join(out, 'symptoms', locale);
    mkdirSync(dir, { recursive: true });
    for (const id of ids) cpSync(join(source, 'symptoms', locale, `${id}.yaml`), join(dir, `${id}.yaml`));
    for (let i = 0; i < size - ids.length; i++) {
      const id = ids[i % ids.length]!;
      const k = Math.floor(i / ids.length);
      const model = modelName(k);
      const entry = parse(readFileSync(join(source, 'symptoms', locale, `${id}.yaml`), 'utf8')) as Record<string, unknown>;
      const variant = `${id}-${model.toLowerCase().replace(/\s+/g, '-')}`;
      const steps = entry['steps'] as string[];
      const zh = locale === 'zh';
      Object.assign(entry, {
        id: variant,
        title: clip(zh ? `${entry['title'] as string}（${model} 机型）` : `${entry['title'] as string} (${model})`, 120),
        summary: clip(zh ? `${model} 机型：${entry['summary'] as string}` : modelSummary(model, entry['summary'] as string), 300),
        codes: [],
        steps: [clip(zh ? `${model} 机型：${steps[0]!}` : `On the ${model}: ${steps[0]!}`, 400), ...steps.slice(1)],
      });
      writeFileSync(join(dir, `${variant}.yaml`), stringify(entry));
    }
  }
  return Math.max(size, ids.length);
}

if (import.meta.main) {
  const [size, out] = process.argv.slice(2);
  if (!size || !out) {
    console.error('usage: node scripts/bench-catalogue.ts <entries per language> <output folder>');
    process.exit(1);
  }
  const n = generateCatalogue(Number(size), out);
  console.log(`${n} entries per language in ${out}`);
}

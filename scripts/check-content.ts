// Checks faq/ without building the site: the same loader the build uses.
import { loadCard } from '../src/lib/card.ts';
import { loadCatalogue } from '../src/lib/catalogue.ts';
import { ContentError } from '../src/lib/content-error.ts';
import { describeDiagnosis } from '../src/lib/diagnose.ts';
import { dueForReview, REVIEW_MONTHS } from '../src/lib/review.ts';

// POS_FAQ_CONTENT checks another folder, as it builds one (tests, benchmarks).
const root = process.env['POS_FAQ_CONTENT'] ?? 'faq';

try {
  const catalogue = loadCatalogue(root);
  const { symptoms, topics, diagnosis, glossary } = catalogue;
  console.log(
    `${root} is fine: ${symptoms.zh.length} symptom entries and ${topics.zh.length} topic pages in each language, ${glossary.zh.length} glossary terms.`,
  );
  console.log(describeDiagnosis(diagnosis.zh, symptoms.zh));
  const card = loadCard(root, symptoms);
  if (card) console.log(`The quick card lists ${card.zh.codes.length} code lines and ${card.zh.symptoms.length} symptoms.`);
  // Due reviews are a reminder, never a failure: the text was right when checked, and a build
  // must not stop because nobody had time this month.
  const today = process.env['POS_FAQ_TODAY'] ?? new Date().toISOString().slice(0, 10);
  const due = dueForReview(catalogue, today);
  if (due.length) {
    console.warn(`\nWarning: ${due.length} text${due.length === 1 ? ' is' : 's are'} due for review (intervals by category in src/lib/review.ts: ${Object.entries(REVIEW_MONTHS).map(([c, m]) => `${c} ${m}`).join(', ')} months):`);
    for (const d of due) console.warn(`  ${d.file}: checked ${d.reviewed}, due ${d.due}. Check it against its sources, then set reviewed: to that day.`);
  } else console.log(`Nothing is due for review before ${today}.`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

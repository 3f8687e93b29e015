// Checks faq/ without building the site: the same loader the build uses.
import { loadCard } from '../src/lib/card.ts';
import { loadCatalogue } from '../src/lib/catalogue.ts';
import { ContentError } from '../src/lib/content-error.ts';
import { describeDiagnosis } from '../src/lib/diagnose.ts';

// POS_FAQ_CONTENT checks another folder, as it builds one (tests, benchmarks).
const root = process.env['POS_FAQ_CONTENT'] ?? 'faq';

try {
  const { symptoms, topics, diagnosis, glossary } = loadCatalogue(root);
  console.log(
    `${root} is fine: ${symptoms.zh.length} symptom entries and ${topics.zh.length} topic pages in each language, ${glossary.zh.length} glossary terms.`,
  );
  console.log(describeDiagnosis(diagnosis.zh, symptoms.zh));
  const card = loadCard(root, symptoms);
  if (card) console.log(`The quick card lists ${card.zh.codes.length} code lines and ${card.zh.symptoms.length} symptoms.`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

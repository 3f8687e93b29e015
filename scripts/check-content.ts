// Checks faq/ without building the site: the same loader the build uses.
import { loadCatalogue } from '../src/lib/catalogue.ts';
import { ContentError } from '../src/lib/content-error.ts';
import { describeDiagnosis } from '../src/lib/diagnose.ts';

try {
  const { symptoms, topics, diagnosis } = loadCatalogue('faq');
  console.log(
    `faq/ is fine: ${symptoms.zh.length} symptom entries and ${topics.zh.length} topic pages in each language.`,
  );
  console.log(describeDiagnosis(diagnosis.zh));
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

// npm run schemas: writes the JSON Schemas of faq/'s files to schemas/ (see src/schemas/json-schemas.ts),
// from the Zod schemas and the entry ids and codes in faq/ now. Run it after changing a schema in
// src/schemas/ or adding an entry or a code; tests/unit/json-schemas.test.ts fails while they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { JSON_SCHEMAS, jsonSchemaFiles, undocumented } from '../src/schemas/json-schemas.ts';

const root = process.env['POS_FAQ_CONTENT'] ?? 'faq';
for (const [file, text] of jsonSchemaFiles(root)) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
for (const { name } of JSON_SCHEMAS) {
  const missing = undocumented(name);
  if (missing.length) {
    console.warn(`${name}: no words for ${missing.join(', ')}: add them to src/schemas/json-schema-docs.ts and run npm run schemas again`);
    process.exitCode = 1;
  }
}

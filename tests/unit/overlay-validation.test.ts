// Every rule of `npm run overlay` (src/lib/overlay.ts, overlay-checks.ts), each on a copy of
// examples/overlay broken in one way, asserting the message the vendor's editor reads.
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { ContentError } from '../../src/lib/content-error.ts';
import { loadOverlay } from '../../src/lib/overlay.ts';
import { overlayFileSchema } from '../../src/schemas/overlay.ts';
import { ROOT } from '../helpers/build.ts';

const EXAMPLE = resolve(ROOT, 'examples/overlay');
const shared = loadCatalogue(resolve(ROOT, 'faq'), ROOT);
let dir: string;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the example, changed by `edit`, checked; returns the message the editor reads. */
function broken(edit: (path: (p: string) => string) => void): string {
  dir = mkdtempSync(join(tmpdir(), 'pos-faq-overlay-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  edit((p) => join(dir, p));
  try {
    loadOverlay(dir, shared, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('expected the overlay to be rejected');
}

function replaceIn(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file} should contain ${String(from)}`).not.toBe(text);
  writeFileSync(file, next);
}

/** Both languages of an example entry. */
const both = (p: (p: string) => string, id: string) => ['zh', 'en'].map((l) => p(`symptoms/${l}/${id}.yaml`));

describe('a vendor overlay', () => {
  it('accepts the example, and gives what overlay.json holds', () => {
    const overlay = loadOverlay(EXAMPLE, shared, ROOT);
    expect(overlayFileSchema.parse(overlay)).toEqual(overlay);
    expect(overlay).toMatchObject({ version: 1, id: 'acme', name: { zh: 'Acme 支付终端', en: 'Acme Terminals' } });
    expect(overlay.zh.entries.flatMap((e) => e.codes).length).toBeGreaterThanOrEqual(10);
    expect(overlay.en.entries.find((e) => e.codes.includes('ERR-3'))?.title).toBe('ERR-3 Keys lost');
    expect(overlay.zh.notes.map((n) => [n.id, n.models])).toEqual([
      ['no-response', ['A8', 'A8 Pro']],
      ['out-of-paper', ['A8']],
    ]);
    // Related ids may name the overlay's entries or the shared catalogue's.
    expect(overlay.en.entries.find((e) => e.id === 'printer-overheat')?.related).toEqual(['out-of-paper', 'charged-no-receipt']);
  });

  it('needs overlay.yaml', () => {
    const message = broken((p) => unlinkSync(p('overlay.yaml')));
    expect(message).toContain("The content in the overlay");
    expect(message).toContain("overlay.yaml › -: the overlay's overlay.yaml is missing");
    expect(message).toContain('Fix: write overlay.yaml with the overlay\'s id and its name in each language');
  });

  it('needs an id of lower-case letters, digits and hyphens', () => {
    const message = broken((p) => replaceIn(p('overlay.yaml'), 'id: acme', 'id: Acme Co'));
    expect(message).toContain('overlay.yaml › id: must be lower-case letters, digits and hyphens, like "acme"');
  });

  it('needs the name in both languages', () => {
    const message = broken((p) => replaceIn(p('overlay.yaml'), /^ {2}en: Acme Terminals\n/m, ''));
    expect(message).toContain('overlay.yaml › name.en: is missing');
    expect(message).toContain('Fix: add the field "name.en"');
  });

  it('takes the vendor\'s codes: 1 to 10 letters, digits or hyphens', () => {
    const message = broken((p) => {
      for (const f of both(p, 'printer-overheat')) replaceIn(f, 'codes: ["E101"]', 'codes: ["E_101", "E1010101010"]');
    });
    const rule = 'must be the code as the terminal shows it: 1 to 10 letters, digits or hyphens, quoted, like "E101" or "ERR-3"';
    expect(message).toContain(`symptoms/zh/printer-overheat.yaml › codes.0: ${rule}`);
    expect(message).toContain(`symptoms/zh/printer-overheat.yaml › codes.1: ${rule}`);
  });

  it('refuses an unquoted code that YAML read as a number', () => {
    const message = broken((p) => replaceIn(p('symptoms/en/printer-overheat.yaml'), 'codes: ["E101"]', 'codes: [101]'));
    expect(message).toContain('symptoms/en/printer-overheat.yaml › codes.0: should be a string, not the number 101');
  });

  it('never claims a code of the shared table', () => {
    const message = broken((p) => {
      for (const f of both(p, 'keys-lost')) replaceIn(f, 'codes: ["ERR-3"]', 'codes: ["ERR-3", "A0"]');
    });
    expect(message).toContain('symptoms/zh/keys-lost.yaml › codes.1: "A0" is a response code of the shared table (faq/codes.yaml)');
    expect(message).toContain('Fix: remove it: the shared entry answers "A0"; an overlay lists only the vendor\'s own codes');
  });

  it('never claims a code that, typed alone, reads as a shared one', () => {
    const message = broken((p) => {
      for (const f of both(p, 'keys-lost')) replaceIn(f, 'codes: ["ERR-3"]', 'codes: ["5"]');
    });
    expect(message).toContain('symptoms/en/keys-lost.yaml › codes.0: typed alone, "5" reads as the shared response code "05"');
    expect(message).toContain('Fix: write the code exactly as the terminal shows it, with its letters');
  });

  it('gives a code to one entry only, in any spelling', () => {
    const message = broken((p) => {
      for (const f of both(p, 'paper-door-open')) replaceIn(f, 'codes: ["E102"]', 'codes: ["E102", "e-101"]');
      for (const f of both(p, 'clock-error')) replaceIn(f, 'codes: ["ERR-5"]', 'codes: ["ERR-5", "E101"]');
    });
    expect(message).toContain('symptoms/zh/printer-overheat.yaml › codes: code "E101" is already claimed by symptoms/zh/clock-error.yaml');
    expect(message).toContain(
      'symptoms/zh/paper-door-open.yaml › codes.1: "e-101" is the same code as "E101" in symptoms/zh/clock-error.yaml: the lookup ignores case and hyphens',
    );
  });

  it('never takes the id of a shared entry', () => {
    const message = broken((p) => {
      for (const l of ['zh', 'en']) {
        const from = p(`symptoms/${l}/printer-overheat.yaml`);
        writeFileSync(p(`symptoms/${l}/faint-print.yaml`), readFileSync(from, 'utf8').replace('id: printer-overheat', 'id: faint-print'));
        unlinkSync(from);
      }
    });
    expect(message).toContain('symptoms/zh/faint-print.yaml › id: "faint-print" is the id of a shared entry');
    expect(message).toContain('Fix: give the vendor\'s entry its own id, such as faint-print-e101; to add steps for your models to the shared entry, write extends/zh/faint-print.yaml instead');
  });

  it('keeps the catalogue\'s rules: the id is the file name', () => {
    const message = broken((p) => replaceIn(p('symptoms/zh/clock-error.yaml'), 'id: clock-error', 'id: clock'));
    expect(message).toContain('symptoms/zh/clock-error.yaml › id: id "clock" does not match the file name "clock-error.yaml"');
  });

  it('keeps the catalogue\'s rules: every entry in both languages', () => {
    const message = broken((p) => unlinkSync(p('symptoms/en/clock-error.yaml')));
    expect(message).toContain('symptoms/zh/clock-error.yaml › id: entry "clock-error" exists in zh only');
    expect(message).toContain('Fix: write symptoms/en/clock-error.yaml; every entry exists in both languages');
  });

  it('keeps the catalogue\'s rules: both languages agree on the codes', () => {
    const message = broken((p) => replaceIn(p('symptoms/en/clock-error.yaml'), 'codes: ["ERR-5"]', 'codes: ["ERR-6"]'));
    expect(message).toContain('symptoms/en/clock-error.yaml › codes: ["ERR-6"] differs from ["ERR-5"] in symptoms/zh/clock-error.yaml');
  });

  it('keeps the catalogue\'s rules: every field there, of its type', () => {
    const message = broken((p) => replaceIn(p('symptoms/zh/clock-error.yaml'), /^escalate:\n.*\n.*\n/m, ''));
    expect(message).toContain('symptoms/zh/clock-error.yaml › escalate: is missing');
  });

  it('links related ids in the overlay or the shared catalogue, and nothing else', () => {
    const message = broken((p) => {
      for (const f of both(p, 'clock-error')) replaceIn(f, 'related: [wrong-date-time, sign-on-failed]', 'related: [keys-lost, wrong-date-time, no-such-entry]');
    });
    expect(message).toContain('symptoms/zh/clock-error.yaml › related.2: "no-such-entry" is not the id of any entry');
    expect(message).not.toContain('"keys-lost" is not');
    expect(message).not.toContain('"wrong-date-time" is not');
  });

  it('refuses HTML in any field, with the field', () => {
    const message = broken((p) => {
      replaceIn(p('symptoms/en/keys-lost.yaml'), 'title: ERR-3 Keys lost', 'title: ERR-3 <img src=x onerror=alert(1)>');
      replaceIn(p('overlay.yaml'), 'en: Acme Terminals', 'en: Acme &amp; Sons');
      replaceIn(p('extends/en/out-of-paper.yaml'), 'Close the door', '<b>Close</b> the door');
    });
    expect(message).toContain('symptoms/en/keys-lost.yaml › title: contains HTML ("<img src=x onerror=alert(1)>")');
    expect(message).toContain('overlay.yaml › name.en: contains HTML ("&amp;")');
    expect(message).toContain('extends/en/out-of-paper.yaml › steps.2: contains HTML ("<b>")');
    expect(message).toContain('Fix: write plain text: the widget shows every character as it is');
  });

  it('applies the content policy: no phone numbers, web addresses or social contacts', () => {
    const message = broken((p) => {
      replaceIn(p('symptoms/zh/keys-lost.yaml'), '联系 Acme 售后客服，报上', '拨打 400-123-4567 联系 Acme 售后客服，报上');
      replaceIn(p('extends/en/no-response.yaml'), 'plug in the charger and try again.', 'see www.acme-terminals.com.');
    });
    expect(message).toContain('symptoms/zh/keys-lost.yaml › steps.3: contains a phone number ("400-123-4567")');
    expect(message).toContain('extends/en/no-response.yaml › steps.1: contains a web address ("www.acme-terminals.com.")');
    expect(message).toContain('Fix: remove it: the site lists no phone numbers');
  });
});

describe('model notes (extends/)', () => {
  it('extend a shared entry that exists', () => {
    const message = broken((p) => {
      for (const l of ['zh', 'en']) cpSync(p(`extends/${l}/out-of-paper.yaml`), p(`extends/${l}/out-of-ink.yaml`));
    });
    expect(message).toContain('extends/zh/out-of-ink.yaml › -: "out-of-ink" is not the id of any shared entry');
    expect(message).toContain('Fix: name the file after the shared entry it extends');
  });

  it('never remove or reword the shared "what not to do", or any other shared field', () => {
    const message = broken((p) => writeFileSync(p('extends/en/out-of-paper.yaml'), `${readFileSync(p('extends/en/out-of-paper.yaml'), 'utf8')}avoid: []\ntitle: Paper\n`));
    expect(message).toContain('extends/en/out-of-paper.yaml › avoid: a model note cannot change the shared entry\'s avoid');
    expect(message).toContain('extends/en/out-of-paper.yaml › title: a model note cannot change the shared entry\'s title');
    expect(message).toContain('the shared text, and above all its "what not to do", stays as it is');
    expect(message).not.toContain('is not a field of this kind of file');
  });

  it('exist in both languages', () => {
    const message = broken((p) => unlinkSync(p('extends/zh/no-response.yaml')));
    expect(message).toContain('extends/en/no-response.yaml › -: the note on "no-response" exists in en only');
    expect(message).toContain('Fix: write extends/zh/no-response.yaml; every note exists in both languages');
  });

  it('name the same models in both languages', () => {
    const message = broken((p) => replaceIn(p('extends/en/no-response.yaml'), 'models: [A8, A8 Pro]', 'models: [A8]'));
    expect(message).toContain('extends/en/no-response.yaml › models: ["A8"] differs from ["A8","A8 Pro"] in extends/zh/no-response.yaml');
  });

  it('name at least one model and have steps', () => {
    const message = broken((p) => replaceIn(p('extends/zh/no-response.yaml'), 'models: [A8, A8 Pro]', 'models: []'));
    expect(message).toContain('extends/zh/no-response.yaml › models: needs at least one model');
    const missing = broken((p) => replaceIn(p('extends/zh/out-of-paper.yaml'), /^steps:\n(?: {2}- .*\n)+/m, ''));
    expect(missing).toContain('extends/zh/out-of-paper.yaml › steps: is missing');
  });
});

it('refuses an overlay with nothing in it', () => {
  const message = broken((p) => {
    rmSync(p('symptoms'), { recursive: true });
    rmSync(p('extends'), { recursive: true });
  });
  expect(message).toContain('symptoms › -: the overlay has no entries and no model notes');
});

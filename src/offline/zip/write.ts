import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { reproducibleZip } from './zip.ts';

/** The folder inside the zip, and next to it once unpacked: `offline/pos-faq/index.html`. */
export const BUNDLE_NAME = 'pos-faq';
/** The zip of a bundle named `name`: `pos-faq-offline.zip`, or with a vendor overlay `pos-faq-acme-offline.zip`. */
export const zipName = (name: string) => `${name}-offline.zip`;
export const ZIP_NAME = zipName(BUNDLE_NAME);

export interface WrittenBundle {
  /** The unpacked bundle, `offline/pos-faq/`. */
  folder: string;
  zip: string;
  /** Size of the zip in bytes. */
  zipBytes: number;
  /** Total size of the unpacked files in bytes. */
  unpackedBytes: number;
}

/**
 * Writes the bundle (file paths from its root, in the order given) to `out` as the folder
 * `<name>/` and its zip, every entry dated `date` (YYYY-MM-DD). Both are written beside their
 * final place and then renamed over it, so a reader never sees half a bundle.
 */
export function writeBundle(
  out: string,
  bundle: ReadonlyMap<string, Uint8Array>,
  date: string,
  name = BUNDLE_NAME,
): WrittenBundle {
  const folder = join(out, name);
  const zip = join(out, zipName(name));
  const staging = join(out, `.${name}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  let unpackedBytes = 0;
  for (const [file, bytes] of bundle) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    writeFileSync(join(staging, file), bytes);
    unpackedBytes += bytes.byteLength;
  }
  const zipped = reproducibleZip(new Map([...bundle].map(([file, bytes]) => [`${name}/${file}`, bytes])), {
    date: new Date(`${date}T00:00:00Z`),
  });
  writeFileSync(`${zip}.${process.pid}`, zipped);
  rmSync(folder, { recursive: true, force: true });
  renameSync(staging, folder);
  renameSync(`${zip}.${process.pid}`, zip);
  return { folder, zip, zipBytes: zipped.byteLength, unpackedBytes };
}

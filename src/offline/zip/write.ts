import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { reproducibleZip } from './zip.ts';

/** The folder inside the zip, and next to it once unpacked: `offline/pos-faq/index.html`. */
export const BUNDLE_NAME = 'pos-faq';
export const ZIP_NAME = 'pos-faq-offline.zip';

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
 * `pos-faq/` and the zip, every entry dated `date` (YYYY-MM-DD). Both are written beside their
 * final place and then renamed over it, so a reader never sees half a bundle.
 */
export function writeBundle(out: string, bundle: ReadonlyMap<string, Uint8Array>, date: string): WrittenBundle {
  const folder = join(out, BUNDLE_NAME);
  const zip = join(out, ZIP_NAME);
  const staging = join(out, `.${BUNDLE_NAME}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  let unpackedBytes = 0;
  for (const [file, bytes] of bundle) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    writeFileSync(join(staging, file), bytes);
    unpackedBytes += bytes.byteLength;
  }
  const zipped = reproducibleZip(new Map([...bundle].map(([file, bytes]) => [`${BUNDLE_NAME}/${file}`, bytes])), {
    date: new Date(`${date}T00:00:00Z`),
  });
  writeFileSync(`${zip}.${process.pid}`, zipped);
  rmSync(folder, { recursive: true, force: true });
  renameSync(staging, folder);
  renameSync(`${zip}.${process.pid}`, zip);
  return { folder, zip, zipBytes: zipped.byteLength, unpackedBytes };
}

import { zipSync, type ZipOptions, type Zippable } from 'fflate';

/** DOS dates, which zip headers use, start in 1980 and end in 2107. */
const DOS_MIN = Date.UTC(1980, 0, 1);
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);

export interface ZipSettings {
  /** The timestamp every entry gets: the build date, so that the same build gives the same bytes. */
  date: Date;
}

/**
 * A zip with the same bytes for the same files: entries sorted by path, every entry with the same
 * fixed timestamp and Unix mode 0644, maximum deflate level (fflate is deterministic for a given
 * input and level), no extra fields.
 *
 * Zip timestamps are local-time fields without a zone, and fflate fills them from a Date's local
 * getters; the Date is built from the UTC fields of `date`, so the bytes do not depend on the
 * machine's time zone.
 */
export function reproducibleZip(files: ReadonlyMap<string, Uint8Array>, { date }: ZipSettings): Uint8Array {
  const utc = new Date(Math.min(Math.max(date.getTime(), DOS_MIN), DOS_MAX));
  const mtime = new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
  // Made by Unix (3), regular file, rw-r--r--: unzip then restores sane permissions everywhere.
  const entry: ZipOptions = { level: 9, mtime, os: 3, attrs: (0o100644 << 16) >>> 0 };
  const zippable: Zippable = {};
  for (const path of [...files.keys()].sort(byCodeUnit)) {
    if (path.startsWith('/') || path.split('/').includes('..'))
      throw new Error(`Refusing to zip the unsafe path \`${path}\``);
    zippable[path] = [files.get(path)!, entry];
  }
  return zipSync(zippable);
}

/** Sorts by UTF-16 code units: the same order on every machine and in every locale, unlike localeCompare. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildOffline, BUNDLE_NAME } from '../../src/offline/zip/bundle.ts';
import { listFiles } from '../../src/offline/zip/search.ts';
import { reproducibleZip } from '../../src/offline/zip/zip.ts';
import { buildSite, FIXTURE_CONTENT, FIXTURE_DIST, ROOT } from '../helpers/build.ts';
import { OFFLINE_OUT, offlineBundle } from '../helpers/offline.ts';

const OUT = join(ROOT, 'tests/.out');

describe('the offline zip', () => {
  it(
    'has the same bytes when the site and the bundle are built twice from the same sources',
    { timeout: 180_000 },
    async () => {
      // Two independent builds of the fixture site, each bundled: nothing may depend on the run.
      // The first is the global setup's build and bundle; the second is made here.
      const dist = join(OUT, `zip-b-dist-${process.pid}`);
      const out = join(OFFLINE_OUT, `zip-b-${process.pid}`);
      try {
        buildSite({ POS_FAQ_CONTENT: FIXTURE_CONTENT, POS_FAQ_OUT: dist });
        const again = await buildOffline({ dist, out });
        const zips = [readFileSync((await offlineBundle(FIXTURE_DIST)).zip), readFileSync(again.zip)];
        expect(sha256(zips[1]!)).toBe(sha256(zips[0]!));
        expect(zips[1]!.equals(zips[0]!)).toBe(true);
      } finally {
        // The second build is only for this comparison; left behind, one would pile up per run.
        for (const dir of [dist, out]) rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('holds exactly the unpacked folder, under pos-faq/, sorted, with one fixed timestamp', async () => {
    const result = await offlineBundle(FIXTURE_DIST);
    const zip = readFileSync(result.zip);
    const entries = centralDirectory(zip);
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      listFiles(result.folder)
        .map((f) => `${BUNDLE_NAME}/${f}`)
        .sort(),
    );
    expect(new Set(entries.map((e) => `${e.date} ${e.time}`)).size).toBe(1);
    // The timestamp is the build date (the last commit's), not the time of zipping.
    const [{ date }] = entries as [Entry];
    const day = `${(date >> 9) + 1980}-${String((date >> 5) & 15).padStart(2, '0')}-${String(date & 31).padStart(2, '0')}`;
    expect(day).toBe(result.date);
    expect(entries.every((e) => e.mode === 0o100644)).toBe(true);

    const unpacked = unzipSync(zip);
    for (const [name, bytes] of Object.entries(unpacked)) {
      expect(
        Buffer.from(bytes).equals(readFileSync(join(result.folder, name.slice(BUNDLE_NAME.length + 1)))),
        name,
      ).toBe(true);
    }
  });

  it('does not depend on the time zone of the machine that builds it', () => {
    const files = new Map([
      ['b.txt', new TextEncoder().encode('b')],
      ['a/index.html', new TextEncoder().encode('<!doctype html>')],
    ]);
    const date = new Date('2025-06-30T23:30:00Z');
    const saved = process.env['TZ'];
    try {
      const zips = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((tz) => {
        process.env['TZ'] = tz;
        return Buffer.from(reproducibleZip(files, { date }));
      });
      expect(zips[1]!.equals(zips[0]!)).toBe(true);
      expect(zips[2]!.equals(zips[0]!)).toBe(true);
      expect(centralDirectory(zips[0]!).map((e) => e.name)).toEqual(['a/index.html', 'b.txt']);
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  it('refuses paths that would unpack outside its folder', () => {
    expect(() => reproducibleZip(new Map([['../evil', new Uint8Array()]]), { date: new Date() })).toThrow(
      /unsafe path/,
    );
  });
});

interface Entry {
  name: string;
  time: number;
  date: number;
  mode: number;
}

/** The central directory of a zip: names, DOS time and date, Unix mode, in stored order. */
function centralDirectory(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`Bad central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      mode: zip.readUInt32LE(at + 38) >>> 16,
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

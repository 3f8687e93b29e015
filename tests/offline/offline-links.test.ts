import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOffline, type OfflineResult } from '../../src/offline/zip/bundle.ts';
import { listFiles } from '../../src/offline/zip/search.ts';
import { SITE_URL } from '../../src/site.config.ts';
import { visit } from 'unist-util-visit';
import { DIST, FIXTURE_DIST } from '../helpers/build.ts';
import { URL_PROPS } from '../../src/lib/url-attributes.ts';
import { attr, readPage } from '../helpers/html.ts';
import { OFFLINE_OUT, offlineBundle } from '../helpers/offline.ts';

/** `<link>`s that only describe the page online and are never fetched: they stay absolute. */
const METADATA = new Set(['canonical', 'alternate']);

describe.each([
  { name: 'site', dist: DIST },
  { name: 'fixture', dist: FIXTURE_DIST },
])('offline bundle of the $name', ({ name, dist }) => {
  let result: OfflineResult;
  let files: string[];
  let pages: string[];
  beforeAll(async () => {
    result = await offlineBundle(dist, name);
    files = listFiles(result.folder);
    pages = files.filter((f) => f.endsWith('.html'));
  });

  it('has every page of both languages', () => {
    // All but the offline pages, which only the service worker serves (see src/offline/zip/bundle.ts).
    const built = listFiles(dist).filter((f) => /^(zh|en)\/.*\.html$/.test(f) && !/^[a-z]+\/offline\//.test(f));
    expect(built.length).toBeGreaterThan(10);
    expect(built.filter((f) => !pages.includes(f))).toEqual([]);
    expect(pages).toContain('index.html');
  });

  it('links only to files in the bundle, by relative paths that end in a file name', () => {
    const { problems, checked } = linkProblems(result.folder, pages);
    expect(checked).toBeGreaterThan(pages.length * 5);
    expect(problems).toEqual([]);
  });

  it('loads no module script and keeps no server-only link', () => {
    for (const page of pages) {
      const doc = readPage(result.folder, page);
      expect(
        doc.all('script', (el) => attr(el, 'type') === 'module' && attr(el, 'src') !== undefined),
        page,
      ).toEqual([]);
      expect(
        doc.all('link', (el) => /sitemap|modulepreload|manifest|preconnect/.test(attr(el, 'rel') ?? '')),
        page,
      ).toEqual([]);
    }
  });

  it('says on every page that it is an offline copy, with version, build date and the online address', () => {
    for (const page of pages) {
      const notice = readPage(result.folder, page).one('aside', (el) =>
        (attr(el, 'className') ?? '').includes('offline-notice'),
      );
      const text = notice ? readPage(result.folder, page).text(notice) : '';
      expect(text, page).toMatch(/离线副本|Offline copy/);
      expect(text, page).toContain(result.version);
      expect(text, page).toContain(result.date);
      expect(text, page).toContain(`${SITE_URL}/${/^(zh|en)\//.test(page) ? page.slice(0, 3) : ''}`);
    }
  });

  it('ships the lookup as classic scripts, and nothing of the site that cannot work offline', () => {
    // The lookup's own index scripts (the fold map and answer measure, the words, the second
    // reading of issue 19) load from file:// as they are; everything else of Pagefind's is in
    // pagefind-offline.js.
    const pagefind = files.filter((f) => f.startsWith('pagefind/') && !/\/pos-faq-(query|words|match)\.js$/.test(f));
    expect(files.filter((f) => /^pagefind\/[^/]+\/pos-faq-(query|words|match)\.js$/.test(f)).length).toBe(6);
    expect(pagefind).toEqual(['pagefind/en/pagefind-offline.js', 'pagefind/zh/pagefind-offline.js']);
    for (const file of pagefind) {
      const code = readFileSync(join(result.folder, file), 'utf8');
      expect(code).not.toContain('import.meta');
      expect(code).toContain('posFaqOffline');
    }
    expect(files.filter((f) => /^(_headers|404\.html|sitemap.*\.xml|widget\/manifest\.json)$/.test(f))).toEqual([]);
    expect(files).toContain('widget/pos-faq.js');
    expect(files).toContain('README.txt');
  });

  it('stays within its size budget (a zip that fits an email, an index a phone parses at once)', () => {
    // 3.5 MB with 138 entries per language, each entry's data for the widget's entry view (issue
    // 20), the lookup's second reading (issue 19), the change log and llms files (issue 22); it was
    // 2.2 MB with 112 entries and 1.1 MB with 73. 4 MB still goes by email and onto any stick;
    // more would say something grew by mistake.
    expect(result.zipBytes).toBeLessThan(4 * 1024 * 1024);
    for (const lang of ['zh', 'en'])
      expect(statSync(join(result.folder, `pagefind/${lang}/pagefind-offline.js`)).size).toBeLessThan(1024 * 1024);
  });
});

it('the link check rejects the online pages (it is not vacuous)', () => {
  const { problems } = linkProblems(FIXTURE_DIST, ['zh/index.html']);
  expect(problems.some((p) => p.includes('starts at the root'))).toBe(true);
});

describe('offline bundle options', () => {
  it('names the online address it is given on every page', async () => {
    const result = await buildOffline({
      dist: FIXTURE_DIST,
      out: join(OFFLINE_OUT, 'online-url'),
      onlineUrl: 'https://faq.acquirer.example/pos/',
    });
    const page = readPage(result.folder, 'zh/symptoms/network-timeout/index.html');
    const url = page.one('span', (el) => (attr(el, 'className') ?? '').includes('offline-url'));
    expect(url && page.text(url)).toBe('https://faq.acquirer.example/pos/zh/');
    expect(readFileSync(join(result.folder, 'README.txt'), 'utf8')).toContain('https://faq.acquirer.example/pos/');
  });

  it('explains an online address that is not a web address', async () => {
    await expect(
      buildOffline({ dist: FIXTURE_DIST, out: join(OFFLINE_OUT, 'bad'), onlineUrl: 'faq.example.com' }),
    ).rejects.toThrow(/online address `faq\.example\.com` is not an http\(s\) URL; give a full address such as https:/);
  });

  it('fails with --strict when a link had to be dropped, naming the page and the link', async () => {
    const result = await buildOffline({ dist: FIXTURE_DIST, out: join(OFFLINE_OUT, 'lenient') });
    if (result.warnings.length === 0) return; // Nothing to drop on this site: nothing for strict to fail on.
    await expect(buildOffline({ dist: FIXTURE_DIST, out: join(OFFLINE_OUT, 'strict'), strict: true })).rejects.toThrow(
      /index\.html:\d+:\d+: /,
    );
  });
});

function elements(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    found.push(el);
  });
  return found;
}

/**
 * Every URL on the pages that the browser would follow or fetch, checked for file://: relative,
 * ending in a file name, to a file inside the folder, to an id that exists. Canonical and hreflang
 * links are metadata and exempt; mailto:, tel: and sms: links hand over to another application.
 */
function linkProblems(folder: string, pages: string[]): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let found = idCache.get(file);
    if (!found) {
      found = new Set(elements(readPage(folder, file).tree).flatMap((el) => attr(el, 'id') ?? []));
      idCache.set(file, found);
    }
    return found;
  };
  const check = (page: string, el: Element, url: string): string | null => {
    if (/^(mailto|tel|sms):/i.test(url) && (el.tagName === 'a' || el.tagName === 'area')) return null;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//'))
      return 'is absolute: from file:// it would leave the bundle';
    if (url.startsWith('/')) return 'starts at the root: from file:// that is the root of the disk';
    const [path = '', hash] = url.split('#');
    let target = page;
    if (path) {
      if (!posix.basename(path.split('?')[0]!).includes('.'))
        return 'does not end in a file name: from file:// a folder opens a file listing';
      target = posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(path.split('?')[0]!)));
      if (target.startsWith('../')) return 'points outside the bundle';
      if (!existsSync(join(folder, target)) || !statSync(join(folder, target)).isFile())
        return `${target} is not in the bundle`;
    }
    if (hash && target.endsWith('.html') && !ids(target).has(decodeURIComponent(hash)))
      return `${target} has no id "${hash}"`;
    return null;
  };
  for (const page of pages) {
    for (const el of elements(readPage(folder, page).tree).filter((el) => el.tagName in URL_PROPS)) {
      if (el.tagName === 'link' && (attr(el, 'rel') ?? '').split(' ').every((rel) => METADATA.has(rel))) continue;
      for (const name of URL_PROPS[el.tagName]!) {
        const value = attr(el, name);
        if (value === undefined) continue;
        const urls = name === 'srcSet' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [value];
        for (const url of urls) {
          checked++;
          const problem = check(page, el, url);
          if (problem) problems.push(`${page}: <${el.tagName}> ${url}: ${problem}`);
        }
      }
    }
  }
  return { problems, checked };
}

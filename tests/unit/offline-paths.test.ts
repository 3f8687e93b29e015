import { describe, expect, it } from 'vitest';
import { fileForPath, pathForFile, relativeFile } from '../../src/offline/zip/paths.ts';

describe('fileForPath', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/zh/', 'zh/index.html'],
    ['/zh/symptoms/receipt-blank/', 'zh/symptoms/receipt-blank/index.html'],
    ['/zh/codes', 'zh/codes/index.html'],
    ['/favicon.svg', 'favicon.svg'],
    ['/_astro/site.CdYVJbn0.css', '_astro/site.CdYVJbn0.css'],
    ['/zh/v1.2/', 'zh/v1.2/index.html'],
  ])('%s → %s', (path, file) => {
    expect(fileForPath(path)).toBe(file);
  });
});

describe('relativeFile', () => {
  it.each([
    ['index.html', 'zh/index.html', 'zh/index.html'],
    ['zh/index.html', 'index.html', '../index.html'],
    ['zh/index.html', 'zh/index.html', 'index.html'],
    ['zh/index.html', 'en/index.html', '../en/index.html'],
    ['zh/symptoms/a/index.html', 'zh/codes/index.html', '../../codes/index.html'],
    ['zh/symptoms/a/index.html', 'zh/symptoms/b/index.html', '../b/index.html'],
    ['zh/symptoms/a/index.html', 'favicon.svg', '../../../favicon.svg'],
    ['zh/symptoms/index.html', 'zh/symptoms/a/index.html', 'a/index.html'],
  ])('from %s to %s is %s', (from, to, expected) => {
    expect(relativeFile(from, to)).toBe(expected);
  });

  it('always ends in the file name, even to itself', () => {
    expect(relativeFile('en/codes/index.html', 'en/codes/index.html')).toBe('index.html');
  });
});

describe('pathForFile', () => {
  it.each([
    ['index.html', '/'],
    ['zh/index.html', '/zh/'],
    ['zh/symptoms/a/index.html', '/zh/symptoms/a/'],
    ['favicon.svg', '/favicon.svg'],
  ])('%s → %s', (file, path) => {
    expect(pathForFile(file)).toBe(path);
  });
});

import { describe, expect, it } from 'vitest';
import { indexFiles, patchRuntime } from '../../src/integrations/pagefind-runtime.ts';

describe("the changes to Pagefind's runtime", () => {
  // That they apply to the Pagefind version in package-lock.json, the build shows: it fails
  // otherwise. Here: a runtime they do not fit fails loudly, with the file and the change.
  it('stop the build, naming the file and the change, when the runtime is not the one they were written for', () => {
    expect(() => patchRuntime('export const x = 1;', 'dist/pagefind/zh/pagefind.js')).toThrow(
      /dist\/pagefind\/zh\/pagefind\.js: Pagefind's runtime has changed \(its copy of fflate/,
    );
    const fflate = 'var u8=Uint8Array;var gz_default=gunzipSync;';
    expect(() => patchRuntime(fflate, 'pagefind.js')).toThrow(/decompress\(\) inflating with fflate: expected 1, found 0/);
  });

  it('fetch the metadata and the WebAssembly that pagefind-entry.json names, and guess nothing for several languages', () => {
    expect(indexFiles({ languages: { 'zh-cn': { hash: 'zh-cn_14a7943d88049', wasm: null } } })).toEqual([
      'pagefind.zh-cn_14a7943d88049.pf_meta',
      'wasm.unknown.pagefind',
    ]);
    expect(indexFiles({ languages: { en: { hash: 'en_da54a6fb7e', wasm: 'en' } } })).toEqual(['pagefind.en_da54a6fb7e.pf_meta', 'wasm.en.pagefind']);
    const two = { languages: { en: { hash: 'en_1', wasm: 'en' }, fr: { hash: 'fr_1', wasm: 'fr' } } };
    expect(indexFiles(two)).toEqual([]);
    expect(indexFiles({})).toEqual([]);
  });
});

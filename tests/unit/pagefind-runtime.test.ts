import { describe, expect, it } from 'vitest';
import { patchRuntime } from '../../src/integrations/pagefind-runtime.ts';

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
});

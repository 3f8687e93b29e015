import { defineConfig } from 'vitest/config';
import SlowestFirst from './tests/sequencer.ts';

export default defineConfig({
  test: {
    include: ['tests/{unit,plugins,site,e2e,offline,engines}/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Two files at a time: a browser file spends much of its time waiting (loads, idle callbacks,
    // timeouts it tests), which the other file fills; the longest start first.
    maxWorkers: 2,
    // One module registry per worker, not one per file: the files do not change shared state (a
    // test that writes a file or TZ puts it back), and importing the helpers, the catalogue and
    // puppeteer afresh for each of 66 files cost about 60 CPU-seconds a run. Checked with
    // `--sequence.shuffle` on the files that need no browser.
    isolate: false,
    sequence: { sequencer: SlowestFirst },
    // Checks that parse every page take 10 s alone and several times that beside a browser file.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

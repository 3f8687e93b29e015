import { defineConfig } from 'vitest/config';
import SlowestFirst from './tests/sequencer.ts';

export default defineConfig({
  test: {
    include: ['tests/{unit,plugins,site,e2e,offline,engines}/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Two files at a time: a browser file spends much of its time waiting (loads, idle callbacks,
    // timeouts it tests), which the other file fills; the longest start first.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    // Checks that parse every page take 10 s alone and several times that beside a browser file.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

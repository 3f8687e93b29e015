import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,plugins,site,e2e,offline,engines}/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Browser tests share two cores with Chromium: run files one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

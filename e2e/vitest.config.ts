import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Shortwave process (embedded PostgreSQL, built web client) driven by
// Debian's Chromium through playwright-core. Files run one at a time: one browser is plenty
// on two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

import { defineConfig } from 'vitest/config';

// Two projects: pure packages run without a database; the server's tests get a migrated template
// database from the global setup (embedded PostgreSQL, or the server in SHORTWAVE_TEST_DATABASE_URL)
// and clone it per file.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'packages', include: ['packages/**/*.test.ts', 'bench/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'web', include: ['web/src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
        },
      },
    ],
  },
});

// `npm test`: every check, in CI order, failing fast — format, lint, types, generated files,
// unit + integration tests (embedded PostgreSQL, then the database-facing ones against the server
// in DATABASE_URL when set), then the end-to-end tests in real Chromium (installed if missing).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const externalDatabaseUrl = process.env.DATABASE_URL;

const steps = [
  ['dependency engines include Node 20', process.execPath, ['scripts/check-engines.mjs']],
  ['format (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  [
    'lint (eslint, type-aware)',
    bin('eslint'),
    ['--cache', '--cache-location', '.tmp/eslintcache', '.'],
  ],
  ['types (server, packages, tests)', bin('tsc'), ['-p', 'tsconfig.json']],
  ['types (end-to-end tests)', bin('tsc'), ['-p', 'e2e/tsconfig.json']],
  ['types (web)', bin('tsc'), ['-p', 'web/tsconfig.json']],
  ['generated API client is current', process.execPath, ['scripts/generate.mjs', '--check']],
  // The embedded run must not pick up DATABASE_URL: the harness reads SHORTWAVE_TEST_DATABASE_URL.
  [
    'unit and integration tests (embedded PostgreSQL)',
    bin('vitest'),
    ['run'],
    { DATABASE_URL: '' },
  ],
  ...(externalDatabaseUrl
    ? [
        [
          `integration tests against DATABASE_URL (${redact(externalDatabaseUrl)})`,
          bin('vitest'),
          // The media pipeline's tests exercise ffmpeg, not the database, and take minutes: they
          // run once, above, which keeps CI inside its time budget.
          ['run', '--project', 'server', '--exclude', 'server/src/media/**'],
          { SHORTWAVE_TEST_DATABASE_URL: externalDatabaseUrl, DATABASE_URL: '' },
        ],
      ]
    : []),
  ['Chromium for browser tests', process.execPath, ['scripts/ensure-chromium.mjs']],
  [
    'end-to-end tests (Chromium)',
    bin('vitest'),
    ['run', '--config', 'e2e/vitest.config.ts'],
    { DATABASE_URL: '' },
  ],
];

const startedAt = Date.now();
for (const [name, command, args, env = {}] of steps) {
  const stepStartedAt = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - stepStartedAt) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'unparseable URL';
  }
}

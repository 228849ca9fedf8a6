// `npm run generate`: rewrites the generated files (docs/openapi.json from the route schemas,
// then the API client's types from it). `--check` regenerates into memory and fails on drift.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const isCheck = process.argv.includes('--check');
const clientTypes = path.join(root, 'packages/api-client/src/schema.d.ts');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (!isCheck) {
  // The document is produced by the app itself, through the test that compares it.
  execFileSync(bin('vitest'), ['run', '--project', 'server', 'server/src/openapi.test.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SHORTWAVE_UPDATE_GENERATED: '1' },
  });
}
const generated = execFileSync(bin('openapi-typescript'), [path.join(root, 'docs/openapi.json')], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
});
if (isCheck) {
  if (readFileSync(clientTypes, 'utf8') !== generated) {
    console.error(
      'packages/api-client/src/schema.d.ts is stale: run `npm run generate` and commit.',
    );
    process.exit(1);
  }
  console.log('generated files are up to date');
} else {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(clientTypes, generated);
  console.log('wrote docs/openapi.json and packages/api-client/src/schema.d.ts');
}

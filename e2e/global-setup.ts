// Starts one real Shortwave (`shortwave`, both roles) on a fresh data directory for the whole
// end-to-end run, after building the web client into that directory.
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT, startShortwave } from '../server/test/process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    shortwaveUrl: string;
    /** The server's data directory, for CLI commands against it (`shortwave admin create`). */
    shortwaveDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-e2e-'));
  await chmod(dataDir, 0o755);
  const webDist = path.join(dataDir, 'web');
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      webDist,
      '--logLevel',
      'warn',
    ],
    // vitest sets NODE_ENV=test, which vite would keep: build what ships, React's production build.
    { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  const server = await startShortwave([], {
    SHORTWAVE_DATA_DIR: dataDir,
    SHORTWAVE_WEB_DIST: webDist,
    PORT: '0',
    LOG_LEVEL: process.env.SHORTWAVE_E2E_LOG_LEVEL ?? 'warn',
    // Browser tests sign up many accounts from one address.
    SHORTWAVE_AUTH_RATE_LIMIT: '1000',
  });
  project.provide('shortwaveUrl', server.url);
  project.provide('shortwaveDataDir', dataDir);
  return async () => {
    const code = await server.stop('SIGTERM');
    if (code !== 0) console.error(`shortwave exited with ${code}:\n${server.output()}`);
    await rm(dataDir, { recursive: true, force: true });
  };
}

// `npm start` on a fresh checkout: build the web client once if no build exists.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

export async function ensureWebClientBuilt(
  distDir: string,
  repoRoot: string,
  log: Logger,
): Promise<void> {
  if (existsSync(path.join(distDir, 'index.html'))) return;
  const viteBin = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const viteConfig = path.join(repoRoot, 'web', 'vite.config.ts');
  if (!existsSync(viteBin) || !existsSync(viteConfig)) {
    log.warn({ distDir }, 'no web client build and no way to build one here; serving the API only');
    return;
  }
  log.info({ distDir }, 'building the web client (first start only)');
  const startedAt = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        viteBin,
        'build',
        '--config',
        viteConfig,
        '--outDir',
        distDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
  log.info({ elapsedMs: Date.now() - startedAt }, 'web client built');
}

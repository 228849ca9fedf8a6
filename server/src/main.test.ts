// The `shortwave` command as people run it: help, bad settings, admin, and the embedded-database
// lifecycle (graceful stop, restart keeps data, a worker process beside the server, several HTTP
// processes on one port).
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.js';
import { runShortwaveCommand, startShortwave, writePlaceholderWebClient } from '../test/process.js';

let dataDir: string;
let webDist: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-cli-'));
  await chmod(dataDir, 0o755);
  webDist = await writePlaceholderWebClient(path.join(dataDir, 'web'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('shortwave --help and settings', () => {
  it('lists every setting with its default', async () => {
    const { code, output } = await runShortwaveCommand(['--help'], {});
    expect(code).toBe(0);
    expect(output).toMatch(/shortwave serve/);
    expect(output).toMatch(/DATABASE_URL\s+\(unset\)/);
    expect(output).toMatch(/PORT\s+8080/);
  });

  it('stops at boot listing every invalid setting', async () => {
    const { code, output } = await runShortwaveCommand(['serve'], {
      PORT: 'http',
      LOG_LEVEL: 'chatty',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/PORT="http" is not valid/);
    expect(output).toMatch(/LOG_LEVEL="chatty" is not valid/);
    expect(output).toMatch(/shortwave --help/);
  });

  it('refuses an unknown command with the usage', async () => {
    const { code, output } = await runShortwaveCommand(['serv'], {});
    expect(code).toBe(2);
    expect(output).toMatch(/Unknown command "serv"/);
  });
});

describe('shortwave admin create', () => {
  it('creates an administrator against DATABASE_URL and prints a one-time password', async () => {
    const database = await createTestDatabase();
    try {
      const env = { DATABASE_URL: database.url, SHORTWAVE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
      const created = await runShortwaveCommand(['admin', 'create', 'root_admin'], env);
      expect(created.code).toBe(0);
      expect(created.output).toMatch(
        /Created administrator @root_admin\. One-time password: \S{16}/,
      );
      const again = await runShortwaveCommand(['admin', 'create', 'ROOT_ADMIN'], env);
      expect(again.output).toMatch(/@root_admin is now an administrator/);
      const bad = await runShortwaveCommand(['admin', 'create', 'not valid!'], env);
      expect(bad.code).toBe(2);
    } finally {
      await database.drop();
    }
  });
});

describe('the embedded database lifecycle', () => {
  it('finishes in-flight requests on SIGTERM, stops PostgreSQL cleanly, and keeps data across restarts', async () => {
    const env = {
      SHORTWAVE_DATA_DIR: dataDir,
      SHORTWAVE_WEB_DIST: webDist,
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const first = await startShortwave(['serve'], { ...env, LOG_LEVEL: 'info' });
    const signUp = await fetch(`${first.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'kept_across_restarts', password: 'long enough password' }),
    });
    expect(signUp.status).toBe(201);
    const cookie = signUp.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await signUp.json()) as { csrfToken: string };

    // A worker process beside the server connects to the same embedded cluster...
    const worker = await startWorkerProcess(env);
    // ...and leaves it running when it stops, because the server started it.
    expect(await worker.stop()).toBe(0);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);

    // An avatar upload still streaming when SIGTERM arrives completes before the process exits.
    const image = await sharp({
      create: { width: 300, height: 300, channels: 3, background: '#0a0' },
    })
      .png()
      .toBuffer();
    const upload = slowUpload(`${first.url}/api/v1/me/avatar`, image, {
      cookie,
      'x-csrf-token': csrfToken,
    });
    await upload.firstHalfSent;
    const exitCode = first.stop('SIGTERM');
    await first.waitForOutput(/shutting down/);
    upload.sendRest();
    expect(await upload.status).toBe(200);
    expect(await exitCode).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startShortwave(['serve'], env);
    const login = await fetch(`${second.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'kept_across_restarts', password: 'long enough password' }),
    });
    expect(login.status).toBe(200);
    expect(
      ((await login.json()) as { account: { avatarUrl: string | null } }).account.avatarUrl,
    ).toMatch(/\.webp$/);
    expect(await second.stop('SIGINT')).toBe(0);
  }, 180_000);
});

describe('several HTTP processes (SHORTWAVE_HTTP_PROCESSES)', () => {
  it('serves from each on one port, replaces one that dies, and stops them all with the database', async () => {
    const clusterDataDir = path.join(dataDir, 'http-processes');
    await mkdir(clusterDataDir, { mode: 0o755 });
    const running = await startShortwave([], {
      SHORTWAVE_DATA_DIR: clusterDataDir,
      SHORTWAVE_WEB_DIST: webDist,
      SHORTWAVE_HTTP_PROCESSES: '2',
      PORT: '0',
    });
    const primary = running.child.pid!;
    const first = await httpProcessesOf(primary);
    expect(first).toHaveLength(2);

    const signUp = await fetch(`${running.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'served_by_a_fork', password: 'long enough password' }),
    });
    expect(signUp.status).toBe(201);

    process.kill(first[0]!, 'SIGKILL');
    await running.waitForOutput(/an HTTP process died; starting another/);
    await waitFor(async () => {
      const now = await httpProcessesOf(primary);
      return now.length === 2 && !now.includes(first[0]!);
    });
    // New connections reach whichever process the primary hands them to: all answer.
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${running.url}/readyz`, { headers: { connection: 'close' } }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(Array(8).fill(200));

    const last = await httpProcessesOf(primary);
    expect(await running.stop('SIGTERM')).toBe(0);
    for (const pid of last) expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(existsSync(path.join(clusterDataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});

/** The `shortwave` processes `primary` forked (its other children: pg_ctl, ffmpeg). */
async function httpProcessesOf(primary: number): Promise<number[]> {
  const children = (await readFile(`/proc/${primary}/task/${primary}/children`, 'utf8'))
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  const forks: number[] = [];
  for (const pid of children) {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (command.includes('shortwave.js')) forks.push(pid);
  }
  return forks;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startWorkerProcess(env: Record<string, string>) {
  const { runShortwave } = await import('../test/process.js');
  const running = runShortwave(['worker'], { ...env, LOG_LEVEL: 'info' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker did not start:\n${running.output()}`)),
      60_000,
    );
    running.child.stdout.on('data', () => {
      if (running.output().includes('worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    stop() {
      running.child.kill('SIGTERM');
      return running.exited;
    },
  };
}

/** A PUT whose body arrives in two halves, so the request is in flight between them. */
function slowUpload(url: string, body: Buffer, headers: Record<string, string>) {
  const half = Math.floor(body.length / 2);
  const request = http.request(url, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'image/png', 'content-length': body.length },
  });
  const status = new Promise<number>((resolve, reject) => {
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
  const firstHalfSent = new Promise<void>((resolve) =>
    request.write(body.subarray(0, half), () => resolve()),
  );
  return { firstHalfSent, status, sendRest: () => request.end(body.subarray(half)) };
}

// Builds the real context and app against a fresh clone of the test database, with a temporary
// data directory. Everything is real: PostgreSQL, pg-boss, the filesystem blob store.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createContext, type AppContext } from '../src/context.js';
import { createTestDatabase } from './database.js';

export type TestApp = {
  app: FastifyInstance;
  /** The base URL when listening, else ''. */
  url: string;
  ctx: AppContext;
  dataDir: string;
  databaseUrl: string;
  /** Runs every queued job of every capability until the queue is empty. */
  drainJobs(): Promise<number>;
  /** Closes the app and its context, keeping database and files (then restart with restartOf). */
  stop(): Promise<void>;
  /** Closes the app; drops the database and data directory unless this was a restart. */
  close(): Promise<void>;
};

export type TestAppOptions = {
  /** Reuse this database and data directory (a "restart"); they outlive this app's close(). */
  restartOf?: { databaseUrl: string; dataDir: string };
  /** Listen on a real port (for protocol clients such as tus-js-client); `url` is then set. */
  isListening?: boolean;
};

export async function startTestApp(
  settings: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = options.restartOf
    ? { url: options.restartOf.databaseUrl, drop: () => Promise.resolve() }
    : await createTestDatabase();
  const dataDir =
    options.restartOf?.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'shortwave-test-')));
  const config = loadConfig({
    DATABASE_URL: database.url,
    SHORTWAVE_DATA_DIR: dataDir,
    SHORTWAVE_WEB_DIST: path.join(dataDir, 'no-web-build'),
    SHORTWAVE_DATABASE_POOL_SIZE: '4',
    LOG_LEVEL: process.env.SHORTWAVE_TEST_LOG_LEVEL ?? 'silent',
    ...settings,
  });
  const log = pino({ level: config.logLevel });
  const ctx = await createContext(config, log, 'serve');
  const app = await buildApp(ctx);
  await app.ready();
  let isStopped = false;
  const stop = async () => {
    if (isStopped) return;
    isStopped = true;
    await app.close();
    await ctx.close();
  };
  const url = options.isListening ? await app.listen({ host: '127.0.0.1', port: 0 }) : '';
  return {
    app,
    url,
    ctx,
    dataDir,
    databaseUrl: database.url,
    drainJobs: () => ctx.queue.drain(ctx.jobs),
    stop,
    async close() {
      await stop();
      if (options.restartOf) return;
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// Runs once per `vitest run`: one PostgreSQL (embedded, or the server in
// SHORTWAVE_TEST_DATABASE_URL), one migrated template database that every test file clones.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { pino } from 'pino';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

export type TestDatabase = { serverUrl: string; template: string; runId: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabase;
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  const external = process.env.SHORTWAVE_TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'shortwave-test-pg-'));
    // mkdtemp makes it 0700; as root, the `postgres` user must be able to enter it.
    await chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres(dataDir, pino({ level: 'warn' }));
    serverUrl = embedded.connectionString;
    stopEmbedded = () => embedded.stop();
  }

  const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const template = `sw_template_${runId}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);

  // Migrate the template, and let pg-boss create its schema there too, so clones start ready.
  const templateUrl = databaseUrl(serverUrl, template);
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: templateUrl, max: 1 }) }),
  });
  await migrateToLatest(db);
  await db.destroy();
  const boss = new PgBoss({
    connectionString: templateUrl,
    max: 1,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });

  project.provide('testDatabase', { serverUrl, template, runId });

  return async () => {
    // Drop the template and any clone a crashed test file left behind.
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`sw\\_%\\_${runId}%`],
    );
    for (const { datname } of rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await stopEmbedded?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

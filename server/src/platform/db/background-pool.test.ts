import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './index.js';

// An embedded cluster of its own: the test databases are reached by URL, as an external server.
let dataDir: string;
let database: Database;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-background-pool-'));
  database = await openDatabase({
    databaseUrl: undefined,
    dataDir,
    poolSize: 2,
    log: pino({ level: 'silent' }),
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const backendOf = async (db: Database['db']) =>
  (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;

describe('the background pool on the embedded cluster', () => {
  it('runs its backends at a lower CPU priority than the requests’ ones', async () => {
    expect(os.getPriority(await backendOf(database.background))).toBe(5);
    expect(os.getPriority(await backendOf(database.db))).toBe(0);
  });
});

import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.js';
import { openDatabase, type Database } from './index.js';

let testDatabase: Awaited<ReturnType<typeof createTestDatabase>>;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase({
    databaseUrl: testDatabase.url,
    dataDir: '/nonexistent',
    poolSize: 2,
    log: pino({ level: 'silent' }),
  });
});

afterAll(async () => {
  await database.close();
  await testDatabase.drop();
});

describe('the database pool', () => {
  it('survives an idle connection that the server ends, and connects again', async () => {
    const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
    const pid = before.rows[0]!.pid;
    // From a connection of its own, while the pool's one waits idle.
    const other = new pg.Client({ connectionString: testDatabase.url });
    await other.connect();
    await other.query('select pg_terminate_backend($1)', [pid]);
    await other.end();
    // The pool drops the ended connection (no listener here: the pool's own must hear the error).
    while (database.pool.totalCount > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const after = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(after.rows).toEqual([{ one: 1 }]);
  });
});

describe('closing the database', () => {
  it('resolves only once every connection has ended', async () => {
    const closing = await openDatabase({
      databaseUrl: testDatabase.url,
      dataDir: '/nonexistent',
      poolSize: 4,
      log: pino({ level: 'silent' }),
    });
    const clients = new Set<pg.PoolClient>();
    const ended = new Set<pg.PoolClient>();
    closing.pool.on('acquire', (client) => {
      if (clients.has(client)) return;
      clients.add(client);
      client.once('end', () => ended.add(client));
    });
    // Four at once, so that the pool opens four connections.
    await Promise.all(
      Array.from({ length: 4 }, () => sql`select pg_sleep(0.05)`.execute(closing.db)),
    );
    expect(clients.size).toBe(4);
    await closing.close();
    // Else an embedded cluster stopped next would end them, and their listeners log it.
    expect(ended.size).toBe(4);
  });
});

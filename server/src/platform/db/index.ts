// The database door: opens the embedded cluster or DATABASE_URL, migrates, and closes cleanly.
import type { Logger } from 'pino';
import type pg from 'pg';
import { connect, type Db } from './connection.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';
import type { PreparedStatements } from './prepared.js';

export type { Db } from './connection.js';
export type { PreparedStatements } from './prepared.js';
export type * from './schema.js';
export { migrateToLatest, pendingMigrations } from './migrate.js';

export type Database = {
  db: Db;
  pool: pg.Pool;
  /** Named statements on the same pool, for the few hot queries (see prepared.ts). */
  prepared: PreparedStatements;
  connectionString: string;
  isEmbedded: boolean;
  close(): Promise<void>;
};

export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
  log: Logger;
}): Promise<Database> {
  const embedded = options.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(options.dataDir, options.log);
  const connectionString = options.databaseUrl ?? embedded!.connectionString;
  const { db, pool, prepared } = connect(connectionString, options.poolSize);
  // node-postgres emits an idle connection's error (a restart, an administrator's shutdown) on
  // the pool; unheard, it is thrown and ends the process. The pool drops that connection and
  // opens another when next needed.
  pool.on('error', (error: Error & { code?: string }) =>
    // Not the error itself: node-postgres hangs the client, with its statements, on it.
    options.log.warn({ code: error.code, reason: error.message }, 'idle database connection lost'),
  );
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) options.log.info({ applied }, 'migrations applied');
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    pool,
    prepared,
    connectionString,
    isEmbedded: embedded !== undefined,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

export async function isDatabaseReady(
  db: Db,
): Promise<{ isReachable: boolean; pending: string[] }> {
  try {
    return { isReachable: true, pending: await pendingMigrations(db) };
  } catch {
    return { isReachable: false, pending: [] };
  }
}
export { notify, listen } from './notifications.js';
export type { Listener } from './notifications.js';

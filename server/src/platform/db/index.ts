// The database door: opens the embedded cluster or DATABASE_URL, migrates, and closes cleanly.
import os from 'node:os';
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
  /**
   * Its own small pool for write work that may wait behind requests (the For You learner's group
   * commits). On the embedded cluster its backends run at a lower CPU priority, so a burst of
   * events slows learning a little rather than every page.
   */
  background: Db;
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
  const background = connect(connectionString, BACKGROUND_POOL_SIZE);
  const connections = trackConnections([pool, background.pool]);
  for (const each of [pool, background.pool]) {
    // node-postgres emits an idle connection's error (a restart, an administrator's shutdown) on
    // the pool; unheard, it is thrown and ends the process. The pool drops that connection and
    // opens another when next needed.
    each.on('error', (error: Error & { code?: string }) =>
      // Not the error itself: node-postgres hangs the client, with its statements, on it.
      options.log.warn(
        { code: error.code, reason: error.message },
        'idle database connection lost',
      ),
    );
  }
  if (embedded !== undefined) {
    background.pool.on('connect', (client) => lowerPriority(client, options.log));
  }
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) options.log.info({ applied }, 'migrations applied');
  } catch (error) {
    await background.db.destroy();
    await db.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    pool,
    prepared,
    background: background.db,
    connectionString,
    isEmbedded: embedded !== undefined,
    async close() {
      await background.db.destroy();
      await db.destroy();
      // A pool's end resolves once it has asked its connections to end, not once they have: a
      // cluster stopped before then ends them itself, and their idle-error listeners log it.
      await connections.ended();
      await embedded?.stop();
    },
  };
}

/** The pools' open connections; `ended` resolves once every one has closed. */
function trackConnections(pools: pg.Pool[]) {
  const open = new Map<pg.PoolClient, Promise<void>>();
  for (const pool of pools) {
    pool.on('connect', (client) => {
      open.set(
        client,
        new Promise((resolve) =>
          client.once('end', () => {
            open.delete(client);
            resolve();
          }),
        ),
      );
    });
  }
  return {
    async ended() {
      await Promise.all(open.values());
    },
  };
}

const BACKGROUND_POOL_SIZE = 2;
/**
 * Of 0 (requests' backends) to 19. At 10 the learner fell behind 6,000 events/s in bench:feed
 * while pages were served (2.4 s batch p99, batches refused); at 5 it kept up.
 */
const BACKGROUND_NICENESS = 5;

/** The embedded cluster's backends are processes on this machine, ours to renice. */
function lowerPriority(client: pg.PoolClient, log: Logger): void {
  const pid = (client as pg.PoolClient & { processID: number | null }).processID;
  if (pid === null) return;
  try {
    os.setPriority(pid, BACKGROUND_NICENESS);
  } catch (error) {
    log.warn(
      { pid, reason: (error as Error).message },
      "could not lower a background backend's priority",
    );
  }
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

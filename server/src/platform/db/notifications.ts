// PostgreSQL LISTEN/NOTIFY: how one process tells the others that something changed (a worker
// on another machine reports processing progress to the server holding the viewer's stream).
import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DB } from './schema.js';

/** Sends after commit when called inside a transaction, as PostgreSQL defines NOTIFY. */
export async function notify(
  executor: Kysely<DB> | Transaction<DB>,
  channel: string,
  payload: object,
): Promise<void> {
  await sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`.execute(executor);
}

export type Listener = { close(): Promise<void> };

/** One dedicated connection listening on `channel`; reconnects after a drop. */
export async function listen(
  connectionString: string,
  channel: string,
  onMessage: (payload: unknown) => void,
  log: Logger,
): Promise<Listener> {
  let client: pg.Client | undefined;
  let isClosed = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      try {
        onMessage(JSON.parse(message.payload));
      } catch (error) {
        log.warn({ err: error, channel }, 'unreadable notification');
      }
    });
    next.on('error', (error) => {
      log.warn({ err: error, channel }, 'listener connection lost; reconnecting');
      client = undefined;
      void next.end().catch(() => undefined);
      if (!isClosed) retryTimer = setTimeout(() => void connect().catch(() => undefined), 1_000);
    });
    await next.connect();
    await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  await connect();
  return {
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      await client?.end();
    },
  };
}

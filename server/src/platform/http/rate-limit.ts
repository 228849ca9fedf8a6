// Rate limits whose counters live in PostgreSQL, so N servers behind a load balancer share them
// (an in-process counter would let a client multiply its allowance by the number of servers).
import type { FastifyInstance } from 'fastify';
import rateLimit, {
  type FastifyRateLimitStore,
  type FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Db, PreparedStatements } from '../db/index.js';
import { AppError } from '../errors.js';

/** Where the counters are: every limited request counts a hit, as a named statement. */
export type RateLimitDatabase = { db: Db; prepared: PreparedStatements };

/** Counts one hit for `key` in a fixed window; returns the hits so far and ms left in the window. */
export async function countHit(
  { db, prepared }: RateLimitDatabase,
  key: string,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const query = db
    .insertInto('rateLimitWindows')
    .values({
      key,
      hits: 1,
      windowEndsAt: sql<Date>`now() + ${windowMs} * interval '1 millisecond'`,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit_windows.window_ends_at <= now() then 1 else rate_limit_windows.hits + 1 end`,
        windowEndsAt: sql<Date>`case when rate_limit_windows.window_ends_at <= now() then excluded.window_ends_at else rate_limit_windows.window_ends_at end`,
      }),
    )
    .returning([
      'hits',
      sql<number>`ceil(extract(epoch from window_ends_at - now()) * 1000)::int`.as('ttlMs'),
    ]);
  const [row] = await prepared.rows(query);
  if (row === undefined) throw new Error('the rate limit upsert returned no row');
  return { current: row.hits, ttl: Math.max(0, row.ttlMs) };
}

function postgresStore(database: RateLimitDatabase): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly scope = 'global',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      countHit(database, `${this.scope}|${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { method?: unknown; path: string }): FastifyRateLimitStore {
      return new PostgresRateLimitStore(
        undefined,
        `${String(routeOptions.method)} ${routeOptions.path}`,
      );
    }
  }
  return PostgresRateLimitStore;
}

/** Registers the plugin with no global limit; routes opt in with `config.rateLimit`. */
export async function registerRateLimits(app: FastifyInstance, database: RateLimitDatabase) {
  await app.register(rateLimit, {
    global: false,
    store: postgresStore(database),
    errorResponseBuilder: (_request, context) =>
      new AppError({
        type: 'rate-limited',
        kind: 'rate-limited',
        title: 'Too many requests',
        detail: `Slow down: try again in ${context.after}.`,
      }),
  });
}

/** Deletes windows that ended; the worker runs it on a schedule. */
export async function deleteEndedRateLimitWindows(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('rateLimitWindows')
    .where('windowEndsAt', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

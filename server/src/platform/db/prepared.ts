// Named (prepared) statements for hot queries of a fixed shape: PostgreSQL parses and plans a
// named statement once per connection and then only binds and executes it, where Kysely's
// unnamed statements are parsed and planned on every call (some 3 ms of a For You page).
import { createHash } from 'node:crypto';
import type { CamelCasePlugin, Compilable, RawBuilder } from 'kysely';
import type pg from 'pg';
import type { Db } from './connection.js';

export type PreparedStatements = {
  /**
   * Runs the query as a named statement and returns its rows as Kysely would (camelCased).
   * The name is a hash of the SQL text, so every distinct text is its own statement; use it for
   * queries whose text does not vary with their values (lists as one array parameter).
   */
  rows<R>(query: RawBuilder<R> | Compilable<R>, options?: { plan?: 'generic' }): Promise<R[]>;
};

/**
 * A named statement is planned anew on every call while PostgreSQL judges a plan for its values
 * cheaper than one for any values ("custom" plans, `plan_cache_mode = auto`). For a statement
 * written for one plan whatever its values, `plan: 'generic'` runs it under
 * `force_generic_plan`, set and reset around it on its connection: two trivial round trips
 * (some 0.15 ms of CPU) instead of planning it on every call (the For You proposals: 1.6 ms).
 * Not the pool's default: unnamed statements follow the setting too, and many of those need
 * their values' plan.
 */
const GENERIC_PLAN = 'set plan_cache_mode = force_generic_plan';
const AUTO_PLAN = 'reset plan_cache_mode';

export function createPreparedStatements(
  db: Db,
  pool: pg.Pool,
  camelCase: CamelCasePlugin,
): PreparedStatements {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `sw_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    async rows<R>(
      query: RawBuilder<R> | Compilable<R>,
      options: { plan?: 'generic' } = {},
    ): Promise<R[]> {
      // Compiled through the Kysely instance, so its plugins see the query as they would.
      const compiled = 'isRawBuilder' in query ? query.compile(db) : query.compile();
      const statement = {
        name: nameOf(compiled.sql),
        text: compiled.sql,
        values: [...compiled.parameters],
      };
      const result =
        options.plan === 'generic'
          ? await queryWithGenericPlan(pool, statement)
          : await pool.query(statement);
      const { rows } = await camelCase.transformResult({
        result: { rows: result.rows as Record<string, unknown>[] },
        queryId: compiled.queryId,
      });
      return rows as R[];
    },
  };
}

async function queryWithGenericPlan(pool: pg.Pool, statement: pg.QueryConfig) {
  const client = await pool.connect();
  let isReset = false;
  try {
    await client.query(GENERIC_PLAN);
    try {
      return await client.query(statement);
    } finally {
      await client.query(AUTO_PLAN);
      isReset = true;
    }
  } finally {
    // A connection whose setting may not have been reset is closed, not handed on.
    client.release(!isReset);
  }
}

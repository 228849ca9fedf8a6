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
  rows<R>(query: RawBuilder<R> | Compilable<R>): Promise<R[]>;
};

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
    async rows<R>(query: RawBuilder<R> | Compilable<R>): Promise<R[]> {
      // Compiled through the Kysely instance, so its plugins see the query as they would.
      const compiled = 'isRawBuilder' in query ? query.compile(db) : query.compile();
      const result = await pool.query({
        name: nameOf(compiled.sql),
        text: compiled.sql,
        values: [...compiled.parameters],
      });
      const { rows } = await camelCase.transformResult({
        result: { rows: result.rows as Record<string, unknown>[] },
        queryId: compiled.queryId,
      });
      return rows as R[];
    },
  };
}

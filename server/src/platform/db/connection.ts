// A Kysely instance over a node-postgres pool: camelCase in TypeScript, snake_case in SQL.
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPreparedStatements, type PreparedStatements } from './prepared.js';
import type { DB } from './schema.js';

// int8 (count(*), sums) as numbers: our counters stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Kysely<DB>;

export function connect(
  connectionString: string,
  poolSize: number,
): { db: Db; pool: pg.Pool; prepared: PreparedStatements } {
  const pool = new pg.Pool({ connectionString, max: poolSize, idleTimeoutMillis: 30_000 });
  const camelCase = new CamelCasePlugin();
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [camelCase],
  });
  return { db, pool, prepared: createPreparedStatements(db, pool, camelCase) };
}

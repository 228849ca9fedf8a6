import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.js';
import { connect } from './connection.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let connection: ReturnType<typeof connect>;

beforeAll(async () => {
  database = await createTestDatabase();
  // One connection: every call after the first reuses the statement prepared on it.
  connection = connect(database.url, 1);
});

afterAll(async () => {
  await connection.db.destroy();
  await database.drop();
});

describe('prepared statements', () => {
  it('return the rows Kysely would, camelCased, on every call with new values', async () => {
    const query = (handle: string) =>
      sql<{
        handleGiven: string;
        nested: { display_name: string }[];
      }>`select ${handle}::text as handle_given,
        json_build_array(json_build_object('display_name', ${handle}::text)) as nested`;
    for (const handle of ['ada', 'grace', 'edsger']) {
      const expected = (await query(handle).execute(connection.db)).rows;
      expect(await connection.prepared.rows(query(handle))).toEqual(expected);
    }
    expect(await connection.prepared.rows(query('ada'))).toEqual([
      { handleGiven: 'ada', nested: [{ displayName: 'ada' }] },
    ]);
  });

  it('run queries of different texts side by side on one connection', async () => {
    const one = sql<{ n: number }>`select ${1}::int as n`;
    const two = sql<{ n: number; m: number }>`select ${2}::int as n, ${3}::int as m`;
    const [a, b] = await Promise.all([
      connection.prepared.rows(one),
      connection.prepared.rows(two),
    ]);
    expect(a).toEqual([{ n: 1 }]);
    expect(b).toEqual([{ n: 2, m: 3 }]);
  });

  it('prepare a query builder too', async () => {
    const rows = await connection.prepared.rows(
      connection.db
        .selectFrom('accounts')
        .select(['homeRegion'])
        .where('id', '=', '00000000-0000-0000-0000-000000000000'),
    );
    expect(rows).toEqual([]);
  });

  it('run a statement under a generic plan, and reset the setting for what follows', async () => {
    const mode = sql<{ mode: string }>`select current_setting('plan_cache_mode') as mode`;
    for (let call = 0; call < 2; call += 1) {
      expect(await connection.prepared.rows(mode, { plan: 'generic' })).toEqual([
        { mode: 'force_generic_plan' },
      ]);
      // The same one connection: unnamed and named statements after it plan as before.
      expect((await mode.execute(connection.db)).rows).toEqual([{ mode: 'auto' }]);
      expect(await connection.prepared.rows(mode)).toEqual([{ mode: 'auto' }]);
    }
  });

  it('reset the setting after a statement under a generic plan fails', async () => {
    await expect(
      connection.prepared.rows(sql`select 1 / ${0}::int as n`, { plan: 'generic' }),
    ).rejects.toThrow(/division by zero/);
    const rows = await connection.prepared.rows(
      sql<{ mode: string }>`select current_setting('plan_cache_mode') as mode`,
    );
    expect(rows).toEqual([{ mode: 'auto' }]);
  });
});

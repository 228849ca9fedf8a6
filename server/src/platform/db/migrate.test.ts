import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { databaseUrl } from '../../../test/global-setup.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';
import { migrations } from './migrations/index.js';

const { serverUrl, runId } = inject('testDatabase');
const name = `sw_empty_${runId}_${randomBytes(3).toString('hex')}`;
const open = () =>
  new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: databaseUrl(serverUrl, name), max: 2 }),
    }),
  });

afterAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('migrations', () => {
  it('apply exactly once when two processes start at the same moment', async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();

    const [a, b] = [open(), open()];
    expect(await pendingMigrations(a)).toEqual(Object.keys(migrations));
    const [appliedByA, appliedByB] = await Promise.all([migrateToLatest(a), migrateToLatest(b)]);
    expect([...appliedByA, ...appliedByB].sort()).toEqual(Object.keys(migrations).sort());
    expect(await pendingMigrations(a)).toEqual([]);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(a);
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
    await Promise.all([a.destroy(), b.destroy()]);
  });
});

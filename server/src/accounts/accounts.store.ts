// Kysely queries for accounts and sessions: plain records in, plain records out; no rules.
import { sql, type Transaction } from 'kysely';
import type {
  AccountRow,
  AccountUpdate,
  DB,
  Db,
  NewAccountRow,
  PreparedStatements,
} from '../platform/db/index.js';

export type LiveSession = {
  sessionId: string;
  csrfToken: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date;
  accountId: string;
  handle: string;
  role: 'member' | 'admin';
};

export class AccountsStore {
  constructor(
    private readonly db: Db,
    private readonly prepared: PreparedStatements,
  ) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** Inserts unless the handle is taken in any case; undefined when it is. */
  async insertAccount(row: NewAccountRow): Promise<AccountRow | undefined> {
    return this.db
      .insertInto('accounts')
      .values(row)
      .onConflict((oc) => oc.expression(sql`lower(handle)`).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  findById(id: string, trx: Db | Transaction<DB> = this.db): Promise<AccountRow | undefined> {
    return trx.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByHandle(handle: string): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where(sql`lower(handle)`, '=', handle.toLowerCase())
      .executeTakeFirst();
  }

  updateAccount(id: string, changes: AccountUpdate, trx: Db | Transaction<DB> = this.db) {
    return trx
      .updateTable('accounts')
      .set({ ...changes, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async deleteAccount(id: string, trx: Transaction<DB>): Promise<boolean> {
    const result = await trx.deleteFrom('accounts').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async insertSession(row: {
    id: string;
    accountId: string;
    kind: 'cookie' | 'token';
    label?: string;
    csrfToken: string | null;
    userAgent: string;
    expiresAt: Date | null;
  }): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  /**
   * The session with this id and kind that has not expired, with what requests need of its
   * account; none for a suspended account (moderation sets `suspended_at`), so that it can neither
   * read as itself nor change anything, and a new log-in gives no session that works. One round
   * trip: every signed-in request asks, so it runs as a named statement (planned once per
   * connection; unnamed, its planning cost 0.64 ms of every For You page).
   */
  async findLiveSession(id: string, kind: 'cookie' | 'token'): Promise<LiveSession | undefined> {
    const rows = await this.prepared.rows(
      this.db
        .selectFrom('sessions')
        .innerJoin('accounts', 'accounts.id', 'sessions.accountId')
        .select([
          'sessions.id as sessionId',
          'sessions.csrfToken',
          'sessions.expiresAt',
          'sessions.lastUsedAt',
          'accounts.id as accountId',
          'accounts.handle',
          'accounts.role',
        ])
        .where('sessions.id', '=', id)
        .where('sessions.kind', '=', kind)
        .where('accounts.suspendedAt', 'is', null)
        .where((eb) =>
          eb.or([
            eb('sessions.expiresAt', 'is', null),
            eb('sessions.expiresAt', '>', sql<Date>`now()`),
          ]),
        ),
    );
    return rows[0];
  }

  async touchSession(id: string, expiresAt: Date | null): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ lastUsedAt: new Date(), expiresAt })
      .where('id', '=', id)
      .execute();
  }

  async deleteSession(id: string, accountId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('id', '=', id)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async deleteOtherSessions(
    accountId: string,
    keepId: string | null,
    trx: Transaction<DB>,
  ): Promise<number> {
    let query = trx.deleteFrom('sessions').where('accountId', '=', accountId);
    if (keepId) query = query.where('id', '!=', keepId);
    return Number((await query.executeTakeFirst()).numDeletedRows);
  }

  listSessions(accountId: string, limit: number, after?: { createdAt: Date; id: string }) {
    let query = this.db
      .selectFrom('sessions')
      .selectAll()
      .where('accountId', '=', accountId)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', sql<Date>`now()`)]));
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(after.createdAt, after.id)),
      );
    }
    return query
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  async deleteExpiredSessions(): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('expiresAt', '<=', sql<Date>`now()`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

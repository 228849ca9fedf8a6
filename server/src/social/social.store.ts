// Kysely queries for follows, blocks, mutes and privacy: plain records, no rules. Follower
// counters are kept by the follows trigger (migration 0003), never written here.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AccountRow, DB, Db, FollowState } from '../platform/db/index.js';
import { accountVisibleTo, isBlockedBetween, lookUpAudience } from './audience.js';

type Executor = Kysely<DB> | Transaction<DB>;
export type ListedAccount = AccountRow & { since: Date };

export class SocialStore {
  constructor(readonly db: Db) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  audienceOf(viewerId: string | null, video: { id: string; accountId: string }) {
    return lookUpAudience(this.db, viewerId, video);
  }

  findAccountByHandle(handle: string): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where(sql`lower(handle)`, '=', handle.toLowerCase())
      .executeTakeFirst();
  }

  /** The account, unless it is suspended or a block stands between it and the viewer. */
  findVisibleAccount(handle: string, viewerId: string | null): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where(sql`lower(handle)`, '=', handle.toLowerCase())
      .where(accountVisibleTo(viewerId))
      .executeTakeFirst();
  }

  async isPrivate(accountId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('accounts')
      .select('isPrivate')
      .where('id', '=', accountId)
      .executeTakeFirst();
    return row?.isPrivate ?? false;
  }

  async setPrivate(accountId: string, isPrivate: boolean, trx: Executor = this.db) {
    await trx
      .updateTable('accounts')
      .set({ isPrivate, updatedAt: new Date() })
      .where('id', '=', accountId)
      .execute();
  }

  findFollow(followerId: string, followeeId: string, trx: Executor = this.db) {
    return trx
      .selectFrom('follows')
      .selectAll()
      .where('followerId', '=', followerId)
      .where('followeeId', '=', followeeId)
      .executeTakeFirst();
  }

  /** Inserts the follow; undefined when one (accepted or pending) already exists. */
  insertFollow(followerId: string, followeeId: string, state: FollowState, trx: Executor) {
    return trx
      .insertInto('follows')
      .values({
        followerId,
        followeeId,
        state,
        acceptedAt: state === 'accepted' ? new Date() : null,
      })
      .onConflict((oc) => oc.columns(['followerId', 'followeeId']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  deleteFollow(followerId: string, followeeId: string, trx: Executor, state?: FollowState) {
    let query = trx
      .deleteFrom('follows')
      .where('followerId', '=', followerId)
      .where('followeeId', '=', followeeId);
    if (state) query = query.where('state', '=', state);
    return query.returningAll().executeTakeFirst();
  }

  acceptRequest(followerId: string, followeeId: string, trx: Executor) {
    return trx
      .updateTable('follows')
      .set({ state: 'accepted', acceptedAt: new Date() })
      .where('followerId', '=', followerId)
      .where('followeeId', '=', followeeId)
      .where('state', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
  }

  /** Accepts every pending request to this account (it became public). */
  acceptAllRequests(followeeId: string, trx: Executor) {
    return trx
      .updateTable('follows')
      .set({ state: 'accepted', acceptedAt: new Date() })
      .where('followeeId', '=', followeeId)
      .where('state', '=', 'pending')
      .returning(['followerId', 'followeeId', 'acceptedAt'])
      .execute();
  }

  async isFollower(viewerId: string, creatorId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('follows')
      .select('state')
      .where('followerId', '=', viewerId)
      .where('followeeId', '=', creatorId)
      .where('state', '=', 'accepted')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Followers (or pending requesters) of an account that the viewer may see, newest first. */
  listFollowers(
    accountId: string,
    state: FollowState,
    viewerId: string | null,
    limit: number,
    cursor?: { since: Date; id: string },
  ): Promise<ListedAccount[]> {
    let query = this.db
      .selectFrom('follows')
      .innerJoin('accounts as follower', 'follower.id', 'follows.followerId')
      .selectAll('follower')
      .select('follows.createdAt as since')
      .where('follows.followeeId', '=', accountId)
      .where('follows.state', '=', state)
      .where(accountVisibleTo(viewerId, 'follower'));
    if (cursor) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('follows.createdAt', 'follows.followerId'),
          '<',
          eb.tuple(cursor.since, cursor.id),
        ),
      );
    }
    return query
      .orderBy('follows.createdAt', 'desc')
      .orderBy('follows.followerId', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Accounts this one follows that the viewer may see, newest first. */
  listFollowing(
    accountId: string,
    viewerId: string | null,
    limit: number,
    cursor?: { since: Date; id: string },
  ): Promise<ListedAccount[]> {
    let query = this.db
      .selectFrom('follows')
      .innerJoin('accounts as followee', 'followee.id', 'follows.followeeId')
      .selectAll('followee')
      .select('follows.createdAt as since')
      .where('follows.followerId', '=', accountId)
      .where('follows.state', '=', 'accepted')
      .where(accountVisibleTo(viewerId, 'followee'));
    if (cursor) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('follows.createdAt', 'follows.followeeId'),
          '<',
          eb.tuple(cursor.since, cursor.id),
        ),
      );
    }
    return query
      .orderBy('follows.createdAt', 'desc')
      .orderBy('follows.followeeId', 'desc')
      .limit(limit + 1)
      .execute();
  }

  async countsOf(accountId: string) {
    const row = await this.db
      .selectFrom('accountStats')
      .select(['followerCount', 'followingCount'])
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    return { followerCount: row?.followerCount ?? 0, followingCount: row?.followingCount ?? 0 };
  }

  // ---- blocks and mutes ----

  /** Blocks, and removes follows and requests in both directions, in one transaction. */
  async block(blockerId: string, blockedId: string, trx: Transaction<DB>): Promise<void> {
    await trx
      .insertInto('blocks')
      .values({ blockerId, blockedId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .deleteFrom('follows')
      .where((eb) =>
        eb.or([
          eb.and([eb('followerId', '=', blockerId), eb('followeeId', '=', blockedId)]),
          eb.and([eb('followerId', '=', blockedId), eb('followeeId', '=', blockerId)]),
        ]),
      )
      .execute();
  }

  async unblock(blockerId: string, blockedId: string): Promise<void> {
    await this.db
      .deleteFrom('blocks')
      .where('blockerId', '=', blockerId)
      .where('blockedId', '=', blockedId)
      .execute();
  }

  async isBlockedEitherWay(a: string, b: string): Promise<boolean> {
    const { rows } = await sql<{ isBlocked: boolean }>`
      select ${isBlockedBetween(sql`${a}::uuid`, sql`${b}::uuid`)} as is_blocked`.execute(this.db);
    return rows[0]?.isBlocked ?? false;
  }

  async mute(muterId: string, mutedId: string): Promise<void> {
    await this.db
      .insertInto('mutes')
      .values({ muterId, mutedId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async unmute(muterId: string, mutedId: string): Promise<void> {
    await this.db
      .deleteFrom('mutes')
      .where('muterId', '=', muterId)
      .where('mutedId', '=', mutedId)
      .execute();
  }

  /** Accounts the owner blocked, newest first. */
  listBlocked(ownerId: string, limit: number, cursor?: { since: Date; id: string }) {
    let query = this.db
      .selectFrom('blocks')
      .innerJoin('accounts', 'accounts.id', 'blocks.blockedId')
      .selectAll('accounts')
      .select('blocks.createdAt as since')
      .where('blocks.blockerId', '=', ownerId);
    if (cursor) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('blocks.createdAt', 'blocks.blockedId'),
          '<',
          eb.tuple(cursor.since, cursor.id),
        ),
      );
    }
    return query
      .orderBy('blocks.createdAt', 'desc')
      .orderBy('blocks.blockedId', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Accounts the owner muted, newest first. */
  listMuted(ownerId: string, limit: number, cursor?: { since: Date; id: string }) {
    let query = this.db
      .selectFrom('mutes')
      .innerJoin('accounts', 'accounts.id', 'mutes.mutedId')
      .selectAll('accounts')
      .select('mutes.createdAt as since')
      .where('mutes.muterId', '=', ownerId);
    if (cursor) {
      query = query.where((eb) =>
        eb(eb.refTuple('mutes.createdAt', 'mutes.mutedId'), '<', eb.tuple(cursor.since, cursor.id)),
      );
    }
    return query
      .orderBy('mutes.createdAt', 'desc')
      .orderBy('mutes.mutedId', 'desc')
      .limit(limit + 1)
      .execute();
  }

  async relationship(viewerId: string, otherId: string) {
    const { rows } = await sql<{
      following: FollowState | null;
      followedBy: FollowState | null;
      isBlocking: boolean;
      isBlockedBy: boolean;
      isMuting: boolean;
    }>`
      select
        (select state from follows where follower_id = ${viewerId} and followee_id = ${otherId}) as following,
        (select state from follows where follower_id = ${otherId} and followee_id = ${viewerId}) as followed_by,
        exists (select 1 from blocks where blocker_id = ${viewerId} and blocked_id = ${otherId}) as is_blocking,
        exists (select 1 from blocks where blocker_id = ${otherId} and blocked_id = ${viewerId}) as is_blocked_by,
        exists (select 1 from mutes where muter_id = ${viewerId} and muted_id = ${otherId}) as is_muting
    `.execute(this.db);
    return rows[0]!;
  }
}

// Who may see what, in SQL: the same rule as the videos capability's canViewVideo, written as
// predicates every list (feeds, profiles, search, hashtags, favourites, notifications) embeds, so
// no surface filters in JavaScript after paging. A video is visible to a viewer when it is ready,
// not removed, its creator is not suspended, and either the viewer is its creator, or no block
// stands between them and the video is public on a public account, or public/followers-only and
// the viewer is an approved follower.
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../platform/db/index.js';
import type { Audience } from '../videos/index.js';

/** Table aliases the account predicates may name; constants, never user input. */
export type AccountAlias = 'accounts' | 'creator' | 'author' | 'actor' | 'follower' | 'followee';

const uuid = (id: string | null) => sql`${id}::uuid`;

/** A block in either direction between the two accounts. */
export function isBlockedBetween(a: RawBuilder<unknown>, b: RawBuilder<unknown>) {
  return sql<SqlBool>`exists (
    select 1 from blocks
    where (blocks.blocker_id = ${a} and blocks.blocked_id = ${b})
       or (blocks.blocker_id = ${b} and blocks.blocked_id = ${a}))`;
}

/** Rows of `accounts` (as `alias`) the viewer may see: not suspended, no block either way. */
export function accountVisibleTo(
  viewerId: string | null,
  alias: AccountAlias = 'accounts',
): RawBuilder<SqlBool> {
  const account = sql.raw(alias);
  return sql<SqlBool>`(${account}.suspended_at is null and not ${isBlockedBetween(
    sql`${account}.id`,
    uuid(viewerId),
  )})`;
}

/**
 * Rows of `videos` (unaliased, in the query's scope) the viewer may see in a list. A query that
 * has joined the video's creator already names that row's alias, and it is checked instead of
 * looked up again (For You reads some three hundred candidates a page: a lookup each, about a
 * fifth of that read).
 */
export function videoVisibleTo(
  viewerId: string | null,
  joinedCreator?: AccountAlias,
): RawBuilder<SqlBool> {
  const viewer = uuid(viewerId);
  const creator = sql.raw(joinedCreator ?? 'creator');
  const creatorShows = sql`${creator}.suspended_at is null and (
      ${creator}.id = ${viewer} or (
        videos.visibility <> 'private'
        and not ${isBlockedBetween(sql`${creator}.id`, viewer)}
        and (
          (videos.visibility = 'public' and not ${creator}.is_private)
          or exists (
            select 1 from follows
            where follows.follower_id = ${viewer} and follows.followee_id = ${creator}.id
              and follows.state = 'accepted'))))`;
  return joinedCreator === undefined
    ? sql<SqlBool>`(videos.removed_at is null and videos.state = 'ready' and exists (
        select 1 from accounts creator
        where creator.id = videos.account_id and ${creatorShows}))`
    : sql<SqlBool>`(videos.removed_at is null and videos.state = 'ready' and ${creatorShows})`;
}

/** The account in `accountIdColumn` is not muted by the viewer (feeds and notifications). */
export function notMutedBy(viewerId: string | null, accountIdColumn: RawBuilder<unknown>) {
  return sql<SqlBool>`not exists (
    select 1 from mutes where mutes.muter_id = ${uuid(viewerId)} and mutes.muted_id = ${accountIdColumn})`;
}

/**
 * Everything canViewVideo needs to know about a viewer and a video's creator, in one query (media
 * delivery asks on every segment).
 */
export async function lookUpAudience(
  db: Kysely<DB> | Transaction<DB>,
  viewerId: string | null,
  video: { id: string; accountId: string },
): Promise<Audience> {
  const viewer = uuid(viewerId);
  const { rows } = await sql<Audience>`
    select
      (creator.suspended_at is not null or coalesce(video.removed_at is not null, true))
        as is_taken_down,
      ${isBlockedBetween(sql`creator.id`, viewer)} as is_blocked,
      creator.is_private as is_private_account,
      exists (
        select 1 from follows
        where follows.follower_id = ${viewer} and follows.followee_id = creator.id
          and follows.state = 'accepted') as is_follower
    from accounts creator
    left join videos video on video.id = ${video.id}::uuid
    where creator.id = ${video.accountId}::uuid`.execute(db);
  return (
    rows[0] ?? { isTakenDown: true, isBlocked: false, isPrivateAccount: false, isFollower: false }
  );
}

// Kysely queries for likes, saves, view and share counting and the per-video counters. Like and
// save counters are kept by triggers (migration 0004); views and shares are counted here, each
// guarded by the mark that proves it is the viewer's first in 24 hours.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB, Db } from '../platform/db/index.js';
import { videoVisibleTo } from '../social/index.js';

type Executor = Kysely<DB> | Transaction<DB>;

export type VideoStats = {
  likeCount: number;
  saveCount: number;
  commentCount: number;
  shareCount: number;
  viewCount: number;
};
export type ViewerEngagement = { hasLiked: boolean; hasSaved: boolean };
export type Engagement = { videoId: string; stats: VideoStats; viewer: ViewerEngagement };

/**
 * `videos` with the creator columns presentVideo needs, for every capability that lists videos
 * (feeds, profiles, search, hashtags); add `videoVisibleTo(viewerId)` to the where clause.
 */
export function selectVideosWithCreator(db: Executor) {
  return db
    .selectFrom('videos')
    .innerJoin('accounts', 'accounts.id', 'videos.accountId')
    .selectAll('videos')
    .select([
      'accounts.handle as creatorHandle',
      'accounts.displayName as creatorDisplayName',
      'accounts.avatarKey as creatorAvatarKey',
    ]);
}

/**
 * The video's counters, as a lateral to join as `counters`: looked up by key (as a plain join, a
 * generic plan may read all of video_stats to hash ten rows).
 */
const countersOf = (videoId: RawBuilder<unknown>) =>
  sql`(select like_count, save_count, comment_count, share_count, view_count from video_stats
    where video_stats.video_id = ${videoId} limit 1)`.as('counters');

/** What ListedVideo shows of the video: its counters (`counters`) and the viewer's like and save. */
function engagementColumns(videoId: RawBuilder<unknown>, viewerId: string | null) {
  const viewer = sql`${viewerId}::uuid`;
  return [
    sql<number>`coalesce(counters.like_count, 0)`.as('likeCount'),
    sql<number>`coalesce(counters.save_count, 0)`.as('saveCount'),
    sql<number>`coalesce(counters.comment_count, 0)`.as('commentCount'),
    sql<number>`coalesce(counters.share_count, 0)`.as('shareCount'),
    sql<number>`coalesce(counters.view_count, 0)`.as('viewCount'),
    sql<boolean>`exists (select 1 from video_likes l where l.video_id = ${videoId} and l.account_id = ${viewer})`.as(
      'hasLiked',
    ),
    sql<boolean>`exists (select 1 from video_saves f where f.video_id = ${videoId} and f.account_id = ${viewer})`.as(
      'hasSaved',
    ),
  ];
}

/**
 * The listed rows of these videos that the viewer may see, with their counters and whether the
 * viewer liked and saved each: all that EngagementService.present needs, in one query (For You
 * lists its page this way; lists that page by cursor use describe on their rows).
 */
export function selectListedVideos(
  db: Executor,
  viewerId: string | null,
  videoIds: readonly string[],
) {
  const videoId = sql.ref('videos.id');
  return selectVideosWithCreator(db)
    .leftJoinLateral(countersOf(videoId), (join) => join.onTrue())
    .select(engagementColumns(videoId, viewerId))
    .where(sql<boolean>`videos.id = any(${[...videoIds]}::uuid[])`)
    .where(videoVisibleTo(viewerId));
}

/** The repeat window: a viewer's view (or share) of a video counts once per this interval. */
const MARK_INTERVAL = sql`interval '24 hours'`;

export class EngagementStore {
  constructor(readonly db: Db) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async insertLike(videoId: string, accountId: string, trx: Executor): Promise<boolean> {
    const row = await trx
      .insertInto('videoLikes')
      .values({ videoId, accountId })
      .onConflict((oc) => oc.doNothing())
      .returning('videoId')
      .executeTakeFirst();
    return row !== undefined;
  }

  async deleteLike(videoId: string, accountId: string, trx: Executor): Promise<boolean> {
    const result = await trx
      .deleteFrom('videoLikes')
      .where('videoId', '=', videoId)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async hasLiked(videoId: string, accountId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('videoLikes')
      .select('videoId')
      .where('videoId', '=', videoId)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insertSave(videoId: string, accountId: string): Promise<void> {
    await this.db
      .insertInto('videoSaves')
      .values({ videoId, accountId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async deleteSave(videoId: string, accountId: string): Promise<void> {
    await this.db
      .deleteFrom('videoSaves')
      .where('videoId', '=', videoId)
      .where('accountId', '=', accountId)
      .execute();
  }

  /**
   * Marks that `viewerKey` viewed (or shared) the video now, unless it already did in the last
   * 24 hours; true when this one counts. Concurrent calls for one viewer: exactly one wins.
   */
  async markOnce(
    videoId: string,
    kind: 'view' | 'share',
    viewerKey: string,
    trx: Executor,
  ): Promise<boolean> {
    const row = await trx
      .insertInto('engagementMarks')
      .values({ videoId, kind, viewerKey, countedAt: sql<Date>`now()` })
      .onConflict((oc) =>
        oc
          .columns(['videoId', 'kind', 'viewerKey'])
          .doUpdateSet({ countedAt: sql<Date>`excluded.counted_at` })
          .where('engagementMarks.countedAt', '<=', sql<Date>`now() - ${MARK_INTERVAL}`),
      )
      .returning('videoId')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Adds one to a view or share counter, in the caller's transaction. */
  async bump(videoId: string, counter: 'viewCount' | 'shareCount', trx: Executor): Promise<void> {
    await trx
      .insertInto('videoStats')
      .values({ videoId, [counter]: 1 })
      .onConflict((oc) =>
        oc.column('videoId').doUpdateSet((eb) => ({
          [counter]: eb(`videoStats.${counter}`, '+', 1),
        })),
      )
      .execute();
  }

  async deleteExpiredMarks(): Promise<number> {
    const result = await this.db
      .deleteFrom('engagementMarks')
      .where('countedAt', '<=', sql<Date>`now() - ${MARK_INTERVAL}`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Counters and the viewer's own likes and saves for these videos, in one query. */
  async engagementOf(viewerId: string | null, videoIds: string[]): Promise<Engagement[]> {
    if (videoIds.length === 0) return [];
    const videoId = sql.ref('ids.id');
    const rows = await this.db
      .selectFrom(sql<{ id: string }>`(select unnest(${videoIds}::uuid[]) as id)`.as('ids'))
      .leftJoinLateral(countersOf(videoId), (join) => join.onTrue())
      .select([sql<string>`ids.id`.as('videoId'), ...engagementColumns(videoId, viewerId)])
      .execute();
    return rows.map(({ videoId, hasLiked, hasSaved, ...stats }) => ({
      videoId,
      stats,
      viewer: { hasLiked, hasSaved },
    }));
  }

  /** The viewer's favourites that they may still see, most recently saved first. */
  listSaved(accountId: string, limit: number, cursor?: { savedAt: Date; videoId: string }) {
    let query = selectVideosWithCreator(this.db)
      .innerJoin('videoSaves', 'videoSaves.videoId', 'videos.id')
      .select('videoSaves.createdAt as savedAt')
      .where('videoSaves.accountId', '=', accountId)
      .where(videoVisibleTo(accountId));
    if (cursor) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('videoSaves.createdAt', 'videoSaves.videoId'),
          '<',
          eb.tuple(cursor.savedAt, cursor.videoId),
        ),
      );
    }
    return query
      .orderBy('videoSaves.createdAt', 'desc')
      .orderBy('videoSaves.videoId', 'desc')
      .limit(limit + 1)
      .execute();
  }
}

// Kysely queries for the chronological feeds: plain rows, every visibility rule in SQL.
import { sql } from 'kysely';
import type { Db } from '../platform/db/index.js';
import { selectVideosWithCreator } from '../engagement/index.js';
import { notMutedBy, videoVisibleTo } from '../social/index.js';
import type { VideoWithCreator } from '../videos/index.js';

export type FeedCursor = { readyAt: Date; id: string };
export type TrendingCursor = { rankKey: number; id: string };
export type TrendingRow = VideoWithCreator & { trendingRankKey: number };

export class FeedStore {
  constructor(private readonly db: Db) {}

  private visibleTo(viewerId: string | null, limit: number, cursor: FeedCursor | undefined) {
    let query = selectVideosWithCreator(this.db)
      .where(videoVisibleTo(viewerId))
      .where(notMutedBy(viewerId, sql`videos.account_id`));
    if (cursor) {
      query = query.where((eb) =>
        eb(eb.refTuple('videos.readyAt', 'videos.id'), '<', eb.tuple(cursor.readyAt, cursor.id)),
      );
    }
    return query
      .orderBy('videos.readyAt', 'desc')
      .orderBy('videos.id', 'desc')
      .limit(limit + 1);
  }

  /** Ready videos of accounts the viewer follows, newest first. */
  listFollowing(viewerId: string, limit: number, cursor?: FeedCursor) {
    return this.visibleTo(viewerId, limit, cursor)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('follows')
            .select('follows.followeeId')
            .where('follows.followerId', '=', viewerId)
            .whereRef('follows.followeeId', '=', 'videos.accountId')
            .where('follows.state', '=', 'accepted'),
        ),
      )
      .execute();
  }

  /** Recent public ready videos, newest first (the For You tab until ranking lands). */
  listRecent(viewerId: string | null, limit: number, cursor?: FeedCursor) {
    return this.visibleTo(viewerId, limit, cursor)
      .where('videos.visibility', '=', 'public')
      .execute();
  }

  /**
   * Public videos by the global decayed trending counter that For You learns from viewing events
   * (video_stats.trending_rank_key, migration 0009: time-invariant, so it pages stably), hottest
   * first. Videos nobody has watched yet have no key and are not listed.
   */
  async listTrending(
    viewerId: string | null,
    limit: number,
    cursor?: TrendingCursor,
  ): Promise<TrendingRow[]> {
    const rankKey = sql<number>`video_stats.trending_rank_key`;
    let query = selectVideosWithCreator(this.db)
      .innerJoin('videoStats', 'videoStats.videoId', 'videos.id')
      .select(rankKey.as('trendingRankKey'))
      .where(videoVisibleTo(viewerId))
      .where(notMutedBy(viewerId, sql`videos.account_id`))
      .where('videos.visibility', '=', 'public')
      // The key is null until a video has a trending value (migration 0009).
      .where(sql<boolean>`${rankKey} is not null`);
    if (cursor) {
      query = query.where(
        sql<boolean>`(${rankKey}, videos.id) < (${cursor.rankKey}, ${cursor.id})`,
      );
    }
    return query
      .orderBy(rankKey, 'desc')
      .orderBy('videos.id', 'desc')
      .limit(limit + 1)
      .execute();
  }
}

// Kysely queries for profile pages: a creator's grid, their pinned videos, and the counts shown
// on their profile. Plain rows; every visibility rule in SQL.
import { sql, type Transaction } from 'kysely';
import type { DB, Db } from '../platform/db/index.js';
import { selectVideosWithCreator } from '../engagement/index.js';
import { videoVisibleTo } from '../social/index.js';

export type GridCursor = { readyAt: Date; id: string };

export class ProfilesStore {
  constructor(private readonly db: Db) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** The creator's pinned videos the viewer may see, most recently pinned first. */
  listPinned(accountId: string, viewerId: string | null) {
    return selectVideosWithCreator(this.db)
      .innerJoin('videoPins', 'videoPins.videoId', 'videos.id')
      .where('videos.accountId', '=', accountId)
      .where(videoVisibleTo(viewerId))
      .orderBy('videoPins.pinnedAt', 'desc')
      .execute();
  }

  /** The creator's other videos the viewer may see, newest first. */
  listUnpinned(accountId: string, viewerId: string | null, limit: number, cursor?: GridCursor) {
    let query = selectVideosWithCreator(this.db)
      .where('videos.accountId', '=', accountId)
      .where(videoVisibleTo(viewerId))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('videoPins')
              .select('videoPins.videoId')
              .whereRef('videoPins.videoId', '=', 'videos.id'),
          ),
        ),
      );
    if (cursor) {
      query = query.where((eb) =>
        eb(eb.refTuple('videos.readyAt', 'videos.id'), '<', eb.tuple(cursor.readyAt, cursor.id)),
      );
    }
    return query
      .orderBy('videos.readyAt', 'desc')
      .orderBy('videos.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** Likes received on videos not removed, and videos the viewer can see. */
  async countsOf(accountId: string, viewerId: string | null) {
    const { rows } = await sql<{ likeCount: number; videoCount: number }>`
      select
        (select coalesce(sum(s.like_count), 0)::bigint from videos v
          join video_stats s on s.video_id = v.id
          where v.account_id = ${accountId} and v.removed_at is null) as like_count,
        (select count(*) from videos where videos.account_id = ${accountId}
          and ${videoVisibleTo(viewerId)}) as video_count`.execute(this.db);
    return rows[0]!;
  }

  /** Pins unless three are pinned already; serialised per creator by an advisory lock. */
  async pin(accountId: string, videoId: string, maxPins: number): Promise<'pinned' | 'full'> {
    return this.transaction(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`pins:${accountId}`}, 0))`.execute(
        trx,
      );
      const pinned = await trx
        .selectFrom('videoPins')
        .select('videoId')
        .where('accountId', '=', accountId)
        .execute();
      if (pinned.some((row) => row.videoId === videoId)) return 'pinned';
      if (pinned.length >= maxPins) return 'full';
      await trx.insertInto('videoPins').values({ videoId, accountId }).execute();
      return 'pinned';
    });
  }

  async unpin(accountId: string, videoId: string): Promise<void> {
    await this.db
      .deleteFrom('videoPins')
      .where('accountId', '=', accountId)
      .where('videoId', '=', videoId)
      .execute();
  }
}

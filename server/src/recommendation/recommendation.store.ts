// Kysely queries for the For You records (docs/recommendation.md): bulk reads and bulk additive
// upserts for learning, and the viewer's history and hidden creators (the page's reads are in
// recommendation.page-store.ts).
// Bulk statements take one jsonb parameter (jsonb_to_recordset), so a batch is one round trip.
import type { AffinityRecord, VideoStatsRecord, ViewerVideoRecord } from '@shortwave/ranking';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Db } from '../platform/db/index.js';
import { videoVisibleTo } from '../social/index.js';
import {
  statsTupleSql,
  toStatsRecord,
  toViewerVideoJson,
  toViewerVideoRecord,
  VIEWER_VIDEO_COLUMNS,
  VIEWER_VIDEO_TYPES,
  type StatsTuple,
  type ViewerVideoRow,
} from './recommendation.records.js';

type Executor = Kysely<DB> | Transaction<DB>;

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
export const uuids = (ids: readonly string[]) => sql`${[...ids]}::uuid[]`;

/** SQL for 2^-((to - from) / halfLife), clamped so PostgreSQL never reports an underflow. */
const decayFactor = (fromMs: string, toMs: string, halfLifeMs: number) =>
  `power(2, greatest(-1000, -((${toMs}) - (${fromMs}))::double precision / ${halfLifeMs}))`;

/** A decayed counter increment as written: (value, updated_at) merged into the stored pair. */
const mergeDecayed = (
  stored: string,
  storedAt: string,
  added: string,
  addedAt: string,
  halfLifeMs: number,
) =>
  sql.raw(`case when ${addedAt} >= ${storedAt}
    then ${stored} * ${decayFactor(storedAt, addedAt, halfLifeMs)} + ${added}
    else ${stored} + ${added} * ${decayFactor(addedAt, storedAt, halfLifeMs)} end`);

export type FeedEventRow = {
  viewerId: string;
  eventId: string;
  videoId: string;
  kind: string;
  watchedMs: number | null;
  occurredAt: number;
};

export type VideoStatsIncrement = {
  videoId: string;
  impressions: number;
  views: number;
  watchRatioSum: number;
  completions: number;
  quickSkips: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  follows: number;
  notInterested: number;
  popularity: number;
  coWatchTotal: number;
  trendingValue: number;
  trendingUpdatedAt: number;
};

export type HistoryRow = ViewerVideoRow;

export class RecommendationStore {
  constructor(
    readonly db: Db,
    private readonly halfLives: { affinityMs: number; trendingMs: number },
  ) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  // ---- learning ----

  /** Facts of the videos the viewer may see, among `videoIds` (others are unknown to them). */
  async findVisibleVideos(accountId: string | null, videoIds: readonly string[]) {
    if (videoIds.length === 0) return [];
    return this.db
      .selectFrom('videos')
      .innerJoin('accounts', 'accounts.id', 'videos.accountId')
      .select([
        'videos.id',
        'videos.accountId',
        'videos.hashtags',
        'videos.durationMs',
        sql<number | null>`(extract(epoch from videos.ready_at) * 1000)::float8`.as('readyAtMs'),
        'videos.language',
        'accounts.handle as creatorHandle',
        'accounts.displayName as creatorDisplayName',
        sql<number>`(extract(epoch from accounts.created_at) * 1000)::float8`.as(
          'creatorCreatedAtMs',
        ),
        'accounts.homeRegion as creatorRegion',
      ])
      .where(sql<boolean>`videos.id = any(${uuids(videoIds)})`)
      .where(videoVisibleTo(accountId))
      .execute();
  }

  /** Serialises learning per viewer across processes for the rest of the transaction. */
  async lockViewers(trx: Transaction<DB>, viewerIds: readonly string[]): Promise<void> {
    const sorted = [...viewerIds].sort();
    await sql`select pg_advisory_xact_lock(hashtextextended(id::text, 7207))
      from unnest(${uuids(sorted)}) with ordinality as v (id, n) order by n`.execute(trx);
  }

  /** Appends the events; returns the keys (`viewer:event`) that were new (the rest are replays). */
  async insertEvents(trx: Transaction<DB>, rows: readonly FeedEventRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const { rows: inserted } = await sql<{ viewerId: string; eventId: string }>`
      insert into feed_events (viewer_id, event_id, video_id, kind, watched_ms, occurred_at)
      select viewer_id, event_id, video_id, kind, watched_ms, occurred_at
      from jsonb_to_recordset(${json(
        rows.map((row) => ({
          viewer_id: row.viewerId,
          event_id: row.eventId,
          video_id: row.videoId,
          kind: row.kind,
          watched_ms: row.watchedMs,
          occurred_at: row.occurredAt,
        })),
      )}) as x (viewer_id uuid, event_id uuid, video_id uuid, kind text, watched_ms integer, occurred_at bigint)
      on conflict do nothing
      returning viewer_id, event_id`.execute(trx);
    return new Set(inserted.map((row) => `${row.viewerId}:${row.eventId}`));
  }

  /** The viewers' records of these videos. */
  async readRecords(
    executor: Executor,
    pairs: readonly { viewerId: string; videoId: string }[],
  ): Promise<ViewerVideoRecord[]> {
    if (pairs.length === 0) return [];
    const { rows } = await sql<ViewerVideoRow>`
      select s.* from viewer_video_signals s
      join (select * from unnest(${uuids(pairs.map((p) => p.viewerId))}, ${uuids(
        pairs.map((p) => p.videoId),
      )}) as p (viewer_id, video_id)) p using (viewer_id, video_id)`.execute(executor);
    return rows.map(toViewerVideoRecord);
  }

  /** Each viewer's latest `limit` records with a positive signal, newest first. */
  async readRecentPositive(
    executor: Executor,
    viewerIds: readonly string[],
    limit: number,
  ): Promise<ViewerVideoRecord[]> {
    if (viewerIds.length === 0) return [];
    const { rows } = await sql<ViewerVideoRow>`
      select s.* from unnest(${uuids(viewerIds)}) as v (id)
      cross join lateral (
        select * from viewer_video_signals
        where viewer_id = v.id and signal > 0
        order by last_event_at desc, video_id desc limit ${limit}) s`.execute(executor);
    return rows.map(toViewerVideoRecord);
  }

  async replaceRecords(trx: Executor, records: readonly ViewerVideoRecord[]): Promise<void> {
    if (records.length === 0) return;
    const sorted = [...records].sort(byKeys((r) => [r.viewerId, r.videoId]));
    await sql`
      insert into viewer_video_signals (${sql.raw(VIEWER_VIDEO_COLUMNS)})
      select ${sql.raw(VIEWER_VIDEO_COLUMNS)}
      from jsonb_to_recordset(${json(sorted.map(toViewerVideoJson))}) as x (${sql.raw(VIEWER_VIDEO_TYPES)})
      on conflict (viewer_id, video_id) do update set
        impressions = excluded.impressions, watch_ratio = excluded.watch_ratio,
        replays = excluded.replays, is_quick_skipped = excluded.is_quick_skipped,
        is_liked = excluded.is_liked, is_commented = excluded.is_commented,
        is_shared = excluded.is_shared, is_saved = excluded.is_saved,
        is_creator_followed = excluded.is_creator_followed,
        is_not_interested = excluded.is_not_interested, signal = excluded.signal,
        first_seen_at = excluded.first_seen_at, last_event_at = excluded.last_event_at`.execute(
      trx,
    );
  }

  /** Adds decayed increments (value as of updatedAt) to viewer_affinities. */
  async addAffinities(trx: Executor, rows: readonly AffinityRecord[]): Promise<void> {
    if (rows.length === 0) return;
    const sorted = [...rows].sort(byKeys((r) => [r.viewerId, r.kind, r.key]));
    await sql`
      insert into viewer_affinities as t (viewer_id, kind, key, value, updated_at)
      select viewer_id, kind, key, value, updated_at
      from jsonb_to_recordset(${json(
        sorted.map((r) => ({
          viewer_id: r.viewerId,
          kind: r.kind,
          key: r.key,
          value: r.value,
          updated_at: Math.round(r.updatedAt),
        })),
      )}) as x (viewer_id uuid, kind text, key text, value double precision, updated_at bigint)
      on conflict (viewer_id, kind, key) do update set
        value = ${mergeDecayed('t.value', 't.updated_at', 'excluded.value', 'excluded.updated_at', this.halfLives.affinityMs)},
        updated_at = greatest(t.updated_at, excluded.updated_at)`.execute(trx);
  }

  async insertHiddenCreators(
    trx: Executor,
    rows: readonly { viewerId: string; creatorId: string; at: number }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      insert into viewer_hidden_creators (viewer_id, creator_id, hidden_at)
      select viewer_id, creator_id, hidden_at from jsonb_to_recordset(${json(
        rows.map((r) => ({
          viewer_id: r.viewerId,
          creator_id: r.creatorId,
          hidden_at: Math.round(r.at),
        })),
      )}) as x (viewer_id uuid, creator_id uuid, hidden_at bigint)
      order by viewer_id, creator_id
      on conflict do nothing`.execute(trx);
  }

  /** Adds the increments; resolves to the counters as they now stand. */
  async addVideoStats(
    trx: Executor,
    rows: readonly VideoStatsIncrement[],
  ): Promise<VideoStatsRecord[]> {
    if (rows.length === 0) return [];
    const sorted = [...rows].sort(byKeys((r) => [r.videoId]));
    const counters = [
      'impressions',
      'views',
      'watch_ratio_sum',
      'completions',
      'quick_skips',
      'likes',
      'comments',
      'shares',
      'saves',
      'follows',
      'not_interested',
    ];
    const hl = this.halfLives.trendingMs;
    const { rows: updated } = await sql<{ videoId: string; stats: StatsTuple }>`
      insert into video_stats as t (video_id, ${sql.raw(counters.map((c) => `feed_${c}`).join(', '))},
        popularity, co_watch_total, trending_value, trending_updated_at)
      select video_id, ${sql.raw(counters.join(', '))}, popularity, co_watch_total,
        trending_value, trending_updated_at
      from jsonb_to_recordset(${json(
        sorted.map((r) => ({
          video_id: r.videoId,
          impressions: r.impressions,
          views: r.views,
          watch_ratio_sum: r.watchRatioSum,
          completions: r.completions,
          quick_skips: r.quickSkips,
          likes: r.likes,
          comments: r.comments,
          shares: r.shares,
          saves: r.saves,
          follows: r.follows,
          not_interested: r.notInterested,
          popularity: r.popularity,
          co_watch_total: r.coWatchTotal,
          trending_value: r.trendingValue,
          trending_updated_at: Math.round(r.trendingUpdatedAt),
        })),
      )}) as x (video_id uuid, impressions bigint, views bigint, watch_ratio_sum double precision,
        completions bigint, quick_skips bigint, likes bigint, comments bigint, shares bigint,
        saves bigint, follows bigint, not_interested bigint, popularity double precision,
        co_watch_total double precision, trending_value double precision, trending_updated_at bigint)
      on conflict (video_id) do update set
        ${sql.raw(counters.map((c) => `feed_${c} = t.feed_${c} + excluded.feed_${c}`).join(', '))},
        popularity = t.popularity + excluded.popularity,
        co_watch_total = t.co_watch_total + excluded.co_watch_total,
        trending_value = case when excluded.trending_value = 0 then t.trending_value
          else ${mergeDecayed('t.trending_value', 't.trending_updated_at', 'excluded.trending_value', 'excluded.trending_updated_at', hl)} end,
        trending_updated_at = case when excluded.trending_value = 0 then t.trending_updated_at
          else greatest(t.trending_updated_at, excluded.trending_updated_at) end
      returning t.video_id, ${sql.raw(statsTupleSql('t'))} as stats`.execute(trx);
    return updated.map((row) => toStatsRecord(row.videoId, row.stats));
  }

  /**
   * Adds a group's co-watch increments (video id -> neighbour id -> weight) to the stored lists,
   * merged inside PostgreSQL (co_watch_merge, migration 0015), so that only the increments travel.
   * A missing list is made empty first and the lists are locked in id order, so learners adding to
   * the same lists at once (two servers) queue on the rows instead of deadlocking.
   */
  async addCoWatch(
    trx: Transaction<DB>,
    increments: ReadonlyMap<string, ReadonlyMap<string, number>>,
    capacity: number,
  ): Promise<void> {
    if (increments.size === 0) return;
    const sorted = uuids([...increments.keys()].sort());
    await sql`insert into video_co_watch (video_id, neighbour_ids, weights)
      select id, '{}', '{}' from unnest(${sorted}) as v (id) on conflict do nothing`.execute(trx);
    await sql`select count(*) from (
      select from video_co_watch where video_id = any(${sorted}) order by video_id for update) l`.execute(
      trx,
    );
    await sql`
      update video_co_watch c set (neighbour_ids, weights) = (
        select m.merged_ids, m.merged_weights
        from co_watch_merge(c.neighbour_ids, c.weights, x.add_ids, x.add_weights, ${capacity}::integer) m)
      from jsonb_to_recordset(${json(
        [...increments].map(([videoId, added]) => ({
          video_id: videoId,
          add_ids: [...added.keys()],
          add_weights: [...added.values()],
        })),
      )}) as x (video_id uuid, add_ids uuid[], add_weights double precision[])
      where c.video_id = x.video_id`.execute(trx);
  }

  async addTrending(
    trx: Executor,
    rows: readonly { scope: string; videoId: string; value: number; updatedAt: number }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const sorted = [...rows].sort(byKeys((r) => [r.scope, r.videoId]));
    await sql`
      insert into video_trending as t (scope, video_id, value, updated_at)
      select scope, video_id, value, updated_at from jsonb_to_recordset(${json(
        sorted.map((r) => ({
          scope: r.scope,
          video_id: r.videoId,
          value: r.value,
          updated_at: Math.round(r.updatedAt),
        })),
      )}) as x (scope text, video_id uuid, value double precision, updated_at bigint)
      on conflict (scope, video_id) do update set
        value = ${mergeDecayed('t.value', 't.updated_at', 'excluded.value', 'excluded.updated_at', this.halfLives.trendingMs)},
        updated_at = greatest(t.updated_at, excluded.updated_at)`.execute(trx);
  }

  // ---- history and control ----

  /** Videos the viewer watched (any part), newest first, still visible to them. */
  async listHistory(
    viewerId: string,
    limit: number,
    after: { lastEventAt: number; videoId: string } | undefined,
  ): Promise<ViewerVideoRow[]> {
    const { rows } = await sql<ViewerVideoRow>`
      select s.* from viewer_video_signals s
      join videos on videos.id = s.video_id
      where s.viewer_id = ${viewerId}::uuid and (s.watch_ratio > 0 or s.replays > 0)
        and ${videoVisibleTo(viewerId)}
        ${after ? sql`and (s.last_event_at, s.video_id) < (${after.lastEventAt}::bigint, ${after.videoId}::uuid)` : sql``}
      order by s.last_event_at desc, s.video_id desc
      limit ${limit + 1}`.execute(this.db);
    return rows;
  }

  /** Deletes every record, the watched ones (the history), or the watched record of a video. */
  async deleteRecords(
    trx: Executor,
    viewerId: string,
    which: 'all' | 'watched' | { videoId: string },
  ): Promise<number> {
    const watched = sql`and (watch_ratio > 0 or replays > 0)`;
    const result = await sql`delete from viewer_video_signals where viewer_id = ${viewerId}::uuid
      ${which === 'all' ? sql`` : watched}
      ${typeof which === 'object' ? sql`and video_id = ${which.videoId}::uuid` : sql``}`.execute(
      trx,
    );
    return Number(result.numAffectedRows ?? 0);
  }

  async readAccountRegion(accountId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('accounts')
      .select('homeRegion')
      .where('id', '=', accountId)
      .executeTakeFirst();
    return row?.homeRegion;
  }

  /** Every remaining record of the viewer (for recomputing their affinities). */
  async readAllRecords(trx: Executor, viewerId: string): Promise<ViewerVideoRecord[]> {
    const { rows } = await sql<ViewerVideoRow>`
      select * from viewer_video_signals where viewer_id = ${viewerId}::uuid
      order by last_event_at`.execute(trx);
    return rows.map(toViewerVideoRecord);
  }

  async deleteAffinities(trx: Executor, viewerId: string, creatorId?: string): Promise<void> {
    await sql`delete from viewer_affinities where viewer_id = ${viewerId}::uuid
      ${creatorId ? sql`and kind = 'creator' and key = ${creatorId}` : sql``}`.execute(trx);
  }

  async listHiddenCreators(
    viewerId: string,
    limit: number,
    after: { hiddenAt: number; creatorId: string } | undefined,
  ) {
    const { rows } = await sql<{
      creatorId: string;
      hiddenAt: number;
      handle: string;
      displayName: string;
      avatarKey: string | null;
    }>`
      select h.creator_id, h.hidden_at, a.handle, a.display_name, a.avatar_key
      from viewer_hidden_creators h join accounts a on a.id = h.creator_id
      where h.viewer_id = ${viewerId}::uuid
        ${after ? sql`and (h.hidden_at, h.creator_id) < (${after.hiddenAt}::bigint, ${after.creatorId}::uuid)` : sql``}
      order by h.hidden_at desc, h.creator_id desc limit ${limit + 1}`.execute(this.db);
    return rows;
  }

  async deleteHiddenCreator(
    trx: Executor,
    viewerId: string,
    handle: string,
  ): Promise<string | undefined> {
    const { rows } = await sql<{ creatorId: string }>`
      delete from viewer_hidden_creators h using accounts a
      where h.viewer_id = ${viewerId}::uuid and a.id = h.creator_id and a.handle = ${handle}
      returning h.creator_id`.execute(trx);
    return rows[0]?.creatorId;
  }

  // ---- upkeep ----

  /** Drops trending rows that decayed below `floor` (they can no longer reach a page). */
  async pruneTrending(now: number, floor: number): Promise<number> {
    const result = await sql`
      delete from video_trending
      where value * ${sql.raw(decayFactor('updated_at', String(Math.round(now)), this.halfLives.trendingMs))} < ${floor}`.execute(
      this.db,
    );
    return Number(result.numAffectedRows ?? 0);
  }
}

function byKeys<T>(keysOf: (row: T) => string[]): (a: T, b: T) => number {
  return (a, b) => {
    const ka = keysOf(a);
    const kb = keysOf(b);
    for (let index = 0; index < ka.length; index += 1) {
      const x = ka[index]!;
      const y = kb[index]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

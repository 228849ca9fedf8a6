// Kysely queries of a For You page (docs/recommendation.md, "The page"): the viewer's records and
// tastes, co-watch rows, every candidate source in one round trip, and the candidates' rows with
// every visibility rule applied.
import type { CoWatchRow, ViewerVideoRecord } from '@shortwave/ranking';
import { sql, type RawBuilder } from 'kysely';
import { selectVideosWithCreator } from '../engagement/index.js';
import type { Db } from '../platform/db/index.js';
import { notMutedBy, videoVisibleTo } from '../social/index.js';
import type { VideoWithCreator } from '../videos/index.js';
import {
  toAffinityRecord,
  toViewerVideoRecord,
  type AffinityRow,
  type CandidateRow,
  type ViewerVideoRow,
} from './recommendation.records.js';
import { uuids } from './recommendation.store.js';

export type CandidateProposal = {
  videoId: string;
  source:
    | 'followed'
    | 'creator'
    | 'hashtag'
    | 'trending-region'
    | 'trending-language'
    | 'trending'
    | 'popular'
    | 'fresh';
  key: string | null;
  value: number | null;
  updatedAt: number | null;
};

/** Neither seen by the viewer (a record of it) nor served earlier in this cursor chain. */
const isUnseenBy = (viewerId: string, servedIds: readonly string[], videoId: RawBuilder<unknown>) =>
  sql<boolean>`not exists (select 1 from viewer_video_signals seen
      where seen.viewer_id = ${viewerId}::uuid and seen.video_id = ${videoId})
    and not (${videoId} = any(${uuids(servedIds)}))`;
export class ForYouPageStore {
  constructor(private readonly db: Db) {}

  /** The viewer's latest records (any sign), newest first. */
  async readRecent(viewerId: string, limit: number): Promise<ViewerVideoRecord[]> {
    const { rows } = await sql<ViewerVideoRow>`
      select * from viewer_video_signals where viewer_id = ${viewerId}::uuid
      order by last_event_at desc, video_id desc limit ${limit}`.execute(this.db);
    return rows.map(toViewerVideoRecord);
  }

  /** Affinities, hidden and followed creators, in one round trip. */
  async readViewerState(viewerId: string, accountId: string | null, followLimit: number) {
    const { rows } = await sql<{
      affinities: AffinityRow[] | null;
      hidden: string[] | null;
      followed: string[] | null;
    }>`
      select
        (select jsonb_agg(jsonb_build_object('viewerId', viewer_id, 'kind', kind, 'key', key,
            'value', value, 'updatedAt', updated_at))
          from (select * from viewer_affinities where viewer_id = ${viewerId}::uuid
                order by abs(value) desc limit 500) a) as affinities,
        (select array_agg(creator_id) from viewer_hidden_creators
          where viewer_id = ${viewerId}::uuid) as hidden,
        (select array_agg(followee_id) from (select followee_id from follows
          where follower_id = ${accountId}::uuid and state = 'accepted'
          order by created_at desc limit ${followLimit}) f) as followed`.execute(this.db);
    const row = rows[0];
    return {
      affinities: (row?.affinities ?? []).map(toAffinityRecord),
      hiddenCreatorIds: new Set(row?.hidden ?? []),
      followedCreatorIds: new Set(row?.followed ?? []),
    };
  }

  /** The `perVideo` heaviest co-watch rows of each video, with the source's co-watch total. */
  async readCoWatchRows(videoIds: readonly string[], perVideo: number): Promise<CoWatchRow[]> {
    if (videoIds.length === 0) return [];
    const { rows } = await sql<CoWatchRow>`
      select n.video_id, n.neighbour_id, n.weight, coalesce(s.co_watch_total, 0) as video_co_watch_total
      from unnest(${uuids(videoIds)}) as r (id)
      cross join lateral (
        select * from video_neighbours where video_id = r.id order by weight desc limit ${perVideo}) n
      left join video_stats s on s.video_id = r.id`.execute(this.db);
    return rows;
  }

  /**
   * Candidate ids from every source but co-watch, in one round trip. The global lists (trending,
   * popular, fresh) skip what this viewer has seen or was just served before taking their top N,
   * or a viewer who keeps swiping would find them used up while older videos wait unseen.
   */
  async proposeCandidates(options: {
    viewerId: string;
    servedIds: readonly string[];
    followedCreatorIds: readonly string[];
    tasteCreatorIds: readonly string[];
    tasteHashtags: readonly string[];
    perTaste: number;
    followedLimit: number;
    scopes: readonly string[];
    trendingLimit: number;
    popularLimit: number;
    freshLimit: number;
  }): Promise<CandidateProposal[]> {
    const unseen = (videoId: RawBuilder<unknown>) =>
      isUnseenBy(options.viewerId, options.servedIds, videoId);
    const { rows } = await sql<CandidateProposal>`
      (select v.id as video_id, 'followed'::text as source, v.account_id::text as key, null::float8 as value, null::bigint as updated_at
        from videos v where v.account_id = any(${uuids(options.followedCreatorIds)}) and v.state = 'ready'
        order by v.ready_at desc limit ${options.followedLimit})
      union all
      (select c.id, 'creator', a.id::text, null, null from unnest(${uuids(options.tasteCreatorIds)}) as a (id)
        cross join lateral (select id from videos where account_id = a.id and state = 'ready'
          order by ready_at desc limit ${options.perTaste}) c)
      union all
      (select h.id, 'hashtag', t.tag, null, null from unnest(${[...options.tasteHashtags]}::text[]) as t (tag)
        cross join lateral (select id from videos where hashtags @> array[t.tag] and state = 'ready'
          and visibility = 'public' order by ready_at desc limit ${options.perTaste}) h)
      union all
      (select tr.video_id, case when s.scope like 'region:%' then 'trending-region' else 'trending-language' end,
          s.scope, tr.value, tr.updated_at
        from unnest(${[...options.scopes]}::text[]) as s (scope)
        cross join lateral (select * from video_trending where scope = s.scope
          order by rank_key desc nulls last limit ${options.trendingLimit}) tr)
      union all
      (select video_id, 'trending', null, trending_value, trending_updated_at from video_stats
        where ${unseen(sql.ref('video_stats.video_id'))}
        order by trending_rank_key desc nulls last limit ${options.trendingLimit})
      union all
      (select video_id, 'popular', null, popularity, null from video_stats
        where popularity > 0 and ${unseen(sql.ref('video_stats.video_id'))}
        order by popularity desc limit ${options.popularLimit})
      union all
      (select id, 'fresh', null, null, null from videos where state = 'ready' and visibility = 'public'
        and ${unseen(sql.ref('videos.id'))}
        order by ready_at desc, id desc limit ${options.freshLimit})`.execute(this.db);
    return rows;
  }

  /**
   * Facts and counters of the candidates the viewer may be shown: visible to them, creator not
   * muted or hidden, and never a video they already have a record of or were just served.
   */
  async readCandidates(
    accountId: string | null,
    viewerId: string,
    videoIds: readonly string[],
    servedIds: readonly string[],
  ): Promise<(CandidateRow & VideoWithCreator)[]> {
    if (videoIds.length === 0) return [];
    return this.selectCandidates(accountId)
      .where(sql<boolean>`videos.id = any(${uuids(videoIds)})`)
      .where(notMutedBy(accountId, sql`videos.account_id`))
      .where(
        sql<boolean>`not exists (select 1 from viewer_hidden_creators h
          where h.viewer_id = ${viewerId}::uuid and h.creator_id = videos.account_id)`,
      )
      .where(isUnseenBy(viewerId, servedIds, sql.ref('videos.id')))
      .execute();
  }

  /** Every column the listed-video shape needs, plus the model's counters. */
  private selectCandidates(accountId: string | null) {
    return selectVideosWithCreator(this.db)
      .leftJoin('videoStats', 'videoStats.videoId', 'videos.id')
      .select([
        'accounts.createdAt as creatorCreatedAt',
        'accounts.homeRegion as creatorRegion',
        sql<number | null>`video_stats.feed_impressions`.as('feedImpressions'),
        sql<number | null>`video_stats.feed_views`.as('feedViews'),
        sql<number | null>`video_stats.feed_watch_ratio_sum`.as('feedWatchRatioSum'),
        sql<number | null>`video_stats.feed_completions`.as('feedCompletions'),
        sql<number | null>`video_stats.feed_quick_skips`.as('feedQuickSkips'),
        sql<number | null>`video_stats.feed_likes`.as('feedLikes'),
        sql<number | null>`video_stats.feed_comments`.as('feedComments'),
        sql<number | null>`video_stats.feed_shares`.as('feedShares'),
        sql<number | null>`video_stats.feed_saves`.as('feedSaves'),
        sql<number | null>`video_stats.feed_follows`.as('feedFollows'),
        sql<number | null>`video_stats.feed_not_interested`.as('feedNotInterested'),
        sql<number | null>`video_stats.popularity`.as('popularity'),
        sql<number | null>`video_stats.co_watch_total`.as('coWatchTotal'),
        sql<number | null>`video_stats.trending_value`.as('trendingValue'),
        sql<number | null>`video_stats.trending_updated_at`.as('trendingUpdatedAt'),
      ])
      .where(videoVisibleTo(accountId))
      .$castTo<CandidateRow & VideoWithCreator>();
  }

  /** The listed-video rows of these videos, still visible to the viewer. */
  listVideos(accountId: string | null, videoIds: readonly string[]) {
    if (videoIds.length === 0) return Promise.resolve([]);
    return selectVideosWithCreator(this.db)
      .where(sql<boolean>`videos.id = any(${uuids(videoIds)})`)
      .where(videoVisibleTo(accountId))
      .execute();
  }
}

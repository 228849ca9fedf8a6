// Kysely queries of a For You page (docs/recommendation.md, "The page"): the viewer's records,
// tastes, co-watch rows and relations in one round trip, every candidate source (none the viewer
// has seen) in a second, the facts of candidates the cache lacks in a third, then the listed rows
// of the page's few with every visibility rule applied. Lists of hundreds come back as one JSON
// array of arrays: node-postgres then parses one value instead of thousands of fields, and there
// are no keys to camelCase.
import type { CoWatchRow } from '@shortwave/ranking';
import { sql, type RawBuilder } from 'kysely';
import { selectListedVideos } from '../engagement/index.js';
import type { Db, PreparedStatements } from '../platform/db/index.js';
import {
  CANDIDATE_TUPLE_SQL,
  toCandidate,
  toViewerVideoRecord,
  type CandidateFacts,
  type CandidateProposal,
  type CandidateTuple,
  type ViewerVideoRow,
} from './recommendation.records.js';
import { uuids } from './recommendation.store.js';

type ProposalTuple = [
  videoId: string,
  source: CandidateProposal['source'],
  key: string | null,
  value: number | null,
  updatedAt: number | null,
];

/**
 * Neither seen by the viewer (a record of it) nor served earlier in this cursor chain. `offset 0`
 * keeps the `not exists` a lookup by key per row: without it PostgreSQL turns it into an
 * anti-join, and a prepared statement's generic plan, which cannot know how many records this
 * viewer has, then scans all of them for every row.
 */
const isUnseenBy = (viewerId: string, servedIds: readonly string[], videoId: RawBuilder<unknown>) =>
  sql<boolean>`not exists (select 1 from viewer_video_signals seen
      where seen.viewer_id = ${viewerId}::uuid and seen.video_id = ${videoId} offset 0)
    and not (${videoId} = any(${uuids(servedIds)}))`;

/**
 * A taste source takes its `perTaste` newest unseen videos among this many times as many newest
 * ones: a viewer who loves a tag has watched its newest, and a bounded look-back keeps a prolific
 * creator's or tag's scan short.
 */
const TASTE_LOOK_BACK = 4;

export class ForYouPageStore {
  // Every query here has one text whatever its values (lists are one array parameter), so each
  // runs as a named statement: planned once per connection, not on every page.
  constructor(
    private readonly db: Db,
    private readonly prepared: PreparedStatements,
  ) {}

  /**
   * In one round trip: the viewer's latest `historyWindow` records (any sign, newest first),
   * their strongest 500 tastes, hidden, followed (the newest `followed`), blocked (either way) and
   * muted accounts, and the `perVideo` heaviest co-watch neighbours (the head of each list) of
   * the `coWatchSources` newest of those records with a signal (with each source's co-watch
   * total).
   */
  async readViewerState(
    viewer: { viewerId: string; accountId: string | null },
    limits: { historyWindow: number; followed: number; coWatchSources: number; perVideo: number },
  ) {
    const { viewerId, accountId } = viewer;
    const rows = await this.prepared.rows(sql<{
      // json_agg of whole rows: snake_case keys, which the CamelCasePlugin maps like columns.
      recent: ViewerVideoRow[] | null;
      affinities:
        [kind: 'creator' | 'hashtag', key: string, value: number, updatedAt: number][] | null;
      hidden: string[] | null;
      followed: string[] | null;
      blocked: string[] | null;
      muted: string[] | null;
      coWatch: [videoId: string, neighbourIds: string[], weights: number[], total: number][] | null;
    }>`
      with recent as (
        select * from viewer_video_signals where viewer_id = ${viewerId}::uuid
        order by last_event_at desc, video_id desc limit ${limits.historyWindow})
      select
        (select json_agg(r order by r.last_event_at desc, r.video_id desc) from recent r) as recent,
        (select json_agg(json_build_array(kind, key, value, updated_at))
          from (select kind, key, value, updated_at from viewer_affinities
                where viewer_id = ${viewerId}::uuid order by abs(value) desc limit 500) a) as affinities,
        (select array_agg(creator_id) from viewer_hidden_creators
          where viewer_id = ${viewerId}::uuid) as hidden,
        (select array_agg(followee_id) from (select followee_id from follows
          where follower_id = ${accountId}::uuid and state = 'accepted'
          order by created_at desc limit ${limits.followed}) f) as followed,
        (select array_agg(case when blocker_id = ${accountId}::uuid then blocked_id else blocker_id end)
          from blocks where blocker_id = ${accountId}::uuid or blocked_id = ${accountId}::uuid) as blocked,
        (select array_agg(muted_id) from mutes where muter_id = ${accountId}::uuid) as muted,
        (select json_agg(json_build_array(r.video_id, c.neighbour_ids[1:${limits.perVideo}],
            c.weights[1:${limits.perVideo}], coalesce(s.co_watch_total, 0)))
          from (select video_id from recent where signal <> 0
                order by last_event_at desc, video_id desc limit ${limits.coWatchSources}) r
          join video_co_watch c on c.video_id = r.video_id
          left join video_stats s on s.video_id = r.video_id) as co_watch`);
    const row = rows[0];
    return {
      recent: (row?.recent ?? []).map(toViewerVideoRecord),
      affinities: (row?.affinities ?? []).map(([kind, key, value, updatedAt]) => ({
        viewerId,
        kind,
        key,
        value,
        updatedAt,
      })),
      hiddenCreatorIds: new Set(row?.hidden ?? []),
      followedCreatorIds: new Set(row?.followed ?? []),
      /** Accounts with a block either way between them and the viewer. */
      blockedAccountIds: new Set(row?.blocked ?? []),
      mutedAccountIds: new Set(row?.muted ?? []),
      coWatchRows: (row?.coWatch ?? []).flatMap(
        ([videoId, neighbourIds, weights, videoCoWatchTotal]): CoWatchRow[] =>
          neighbourIds.map((neighbourId, index) => ({
            videoId,
            neighbourId,
            weight: weights[index]!,
            videoCoWatchTotal,
          })),
      ),
    };
  }

  /**
   * Candidate ids from every source, in one round trip: the co-watched picks the viewer has not
   * seen, and every other source's top N of what this viewer has not seen nor was just served. A
   * list that took its top N first and dropped the seen after would leave a viewer who keeps
   * swiping with it used up while older videos wait unseen.
   */
  async proposeCandidates(options: {
    viewerId: string;
    servedIds: readonly string[];
    coWatchedIds: readonly string[];
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
    // A taste's `perTaste` newest unseen videos among its newest few (`newest` selects `id`).
    const newestUnseen = (newest: RawBuilder<unknown>) =>
      sql`select id from (${newest} order by ready_at desc limit ${options.perTaste * TASTE_LOOK_BACK}) newest
        where ${unseen(sql.ref('newest.id'))} limit ${options.perTaste}`;
    // Its generic plan: PostgreSQL otherwise plans it on every page (its limits and lists as
    // parameters make the generic plan's estimate look dearer than each custom plan's).
    const rows = await this.prepared.rows(
      sql<{ proposals: ProposalTuple[] | null }>`
      select json_agg(json_build_array(video_id, source, key, value, updated_at)) as proposals
      from ((select c.id as video_id, 'co-watched'::text as source, null::text as key, null::float8 as value, null::bigint as updated_at
        from unnest(${uuids(options.coWatchedIds)}) as c (id) where ${unseen(sql.ref('c.id'))})
      union all
      (select v.id, 'followed', v.account_id::text, null, null
        from videos v where v.account_id = any(${uuids(options.followedCreatorIds)}) and v.state = 'ready'
          and ${unseen(sql.ref('v.id'))}
        order by v.ready_at desc limit ${options.followedLimit})
      union all
      (select c.id, 'creator', a.id::text, null, null from unnest(${uuids(options.tasteCreatorIds)}) as a (id)
        cross join lateral (${newestUnseen(sql`select id from videos where account_id = a.id and state = 'ready'`)}) c)
      union all
      (select h.id, 'hashtag', t.tag, null, null from unnest(${[...options.tasteHashtags]}::text[]) as t (tag)
        cross join lateral (${newestUnseen(sql`select video_id as id from video_hashtags where hashtag = t.tag`)}) h)
      union all
      (select tr.video_id, case when s.scope like 'region:%' then 'trending-region' else 'trending-language' end,
          s.scope, tr.value, tr.updated_at
        from unnest(${[...options.scopes]}::text[]) as s (scope)
        cross join lateral (select * from video_trending where scope = s.scope
          and ${unseen(sql.ref('video_trending.video_id'))}
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
        order by ready_at desc, id desc limit ${options.freshLimit})) proposed`,
      { plan: 'generic' },
    );
    return (rows[0]?.proposals ?? []).map(([videoId, source, key, value, updatedAt]) => ({
      videoId,
      source,
      key,
      value,
      updatedAt,
    }));
  }

  /**
   * What ranking and the visibility rule read of these videos, whoever the viewer (the candidate
   * cache keeps it): not the listed-video columns, as the page lists ten of some three hundred.
   */
  async readCandidateFacts(videoIds: readonly string[]): Promise<CandidateFacts[]> {
    if (videoIds.length === 0) return [];
    const rows = await this.prepared.rows(sql<{ candidates: CandidateTuple[] | null }>`
      select json_agg(${sql.raw(CANDIDATE_TUPLE_SQL)}) as candidates
      from videos
      join accounts on accounts.id = videos.account_id
      -- A lateral with a limit is looked up by key per candidate; as a plain join the planner
      -- reads all of video_stats to hash a few hundred rows.
      left join lateral (select * from video_stats where video_stats.video_id = videos.id limit 1) s on true
      where videos.id = any(${uuids(videoIds)})`);
    return (rows[0]?.candidates ?? []).map(toCandidate);
  }

  /** The listed rows of these videos still visible to the viewer, counters and all. */
  listVideos(accountId: string | null, videoIds: readonly string[]) {
    if (videoIds.length === 0) return Promise.resolve([]);
    return this.prepared.rows(selectListedVideos(this.db, accountId, videoIds));
  }
}

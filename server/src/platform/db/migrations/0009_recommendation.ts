import { sql, type Kysely } from 'kysely';

// The For You model's records (docs/recommendation.md): the viewing events as received (their
// client ids make a replayed batch change nothing), each viewer's record of each video, decayed
// tastes, co-watch weights, trending per scope, hidden creators, and the model's counters on
// video_stats. Times of the model's records are milliseconds since the epoch (bigint), the unit
// the ranking package computes in; decayed counters carry a generated, time-invariant rank key.
const TRENDING_HALF_LIFE_MS = 2 * 24 * 3_600_000;

export async function up(db: Kysely<unknown>): Promise<void> {
  // viewer_id: an account id, or a UUIDv5 derived from a signed-out visitor's anonymous id.
  await sql`
    create table feed_events (
      viewer_id uuid not null,
      event_id uuid not null,
      video_id uuid not null,
      kind text not null,
      watched_ms integer,
      occurred_at bigint not null,
      received_at timestamptz not null default now(),
      primary key (viewer_id, event_id)
    )`.execute(db);

  await sql`
    create table viewer_video_signals (
      viewer_id uuid not null,
      video_id uuid not null references videos (id) on delete cascade,
      creator_id uuid not null,
      hashtags text[] not null default '{}',
      impressions integer not null default 0,
      watch_ratio double precision not null default 0,
      replays integer not null default 0,
      is_quick_skipped boolean not null default false,
      is_liked boolean not null default false,
      is_commented boolean not null default false,
      is_shared boolean not null default false,
      is_saved boolean not null default false,
      is_creator_followed boolean not null default false,
      is_not_interested boolean not null default false,
      signal double precision not null default 0,
      first_seen_at bigint not null,
      last_event_at bigint not null,
      primary key (viewer_id, video_id)
    ) with (fillfactor = 80)`.execute(db);
  await sql`create index viewer_video_signals_recent_idx on viewer_video_signals (viewer_id, last_event_at desc, video_id)`.execute(
    db,
  );
  await sql`create index viewer_video_signals_video_idx on viewer_video_signals (video_id)`.execute(
    db,
  );

  await sql`
    create table viewer_affinities (
      viewer_id uuid not null,
      kind text not null check (kind in ('creator', 'hashtag')),
      key text not null,
      value double precision not null,
      updated_at bigint not null,
      primary key (viewer_id, kind, key)
    ) with (fillfactor = 80)`.execute(db);

  // Directed co-watch weights. The page reads each recent video's heaviest rows through the
  // weight index; a job keeps each video's heaviest few hundred.
  await sql`
    create table video_neighbours (
      video_id uuid not null references videos (id) on delete cascade,
      neighbour_id uuid not null references videos (id) on delete cascade,
      weight double precision not null,
      primary key (video_id, neighbour_id)
    ) with (fillfactor = 80)`.execute(db);
  await sql`create index video_neighbours_weight_idx on video_neighbours (video_id, weight desc)`.execute(
    db,
  );
  await sql`create index video_neighbours_neighbour_idx on video_neighbours (neighbour_id)`.execute(
    db,
  );

  const rankKey = (value: string, updatedAt: string) =>
    sql.raw(
      `case when ${value} > 0 then ln(${value}) / ln(2) + ${updatedAt}::double precision / ${TRENDING_HALF_LIFE_MS} else null end`,
    );
  await sql`
    create table video_trending (
      scope text not null,
      video_id uuid not null references videos (id) on delete cascade,
      value double precision not null,
      updated_at bigint not null,
      rank_key double precision generated always as (${rankKey('value', 'updated_at')}) stored,
      primary key (scope, video_id)
    )`.execute(db);
  await sql`create index video_trending_rank_idx on video_trending (scope, rank_key desc nulls last)`.execute(
    db,
  );

  await sql`
    create table viewer_hidden_creators (
      viewer_id uuid not null,
      creator_id uuid not null references accounts (id) on delete cascade,
      hidden_at bigint not null,
      primary key (viewer_id, creator_id)
    )`.execute(db);
  await sql`create index viewer_hidden_creators_recent_idx on viewer_hidden_creators (viewer_id, hidden_at desc, creator_id)`.execute(
    db,
  );

  // The model's per-video counters, counted from feed events (the feed_ prefix keeps them apart
  // from the public like/view counters the engagement capability keeps on the same row).
  await sql`
    alter table video_stats
      add column feed_impressions bigint not null default 0,
      add column feed_views bigint not null default 0,
      add column feed_watch_ratio_sum double precision not null default 0,
      add column feed_completions bigint not null default 0,
      add column feed_quick_skips bigint not null default 0,
      add column feed_likes bigint not null default 0,
      add column feed_comments bigint not null default 0,
      add column feed_shares bigint not null default 0,
      add column feed_saves bigint not null default 0,
      add column feed_follows bigint not null default 0,
      add column feed_not_interested bigint not null default 0,
      add column popularity double precision not null default 0,
      add column co_watch_total double precision not null default 0,
      add column trending_value double precision not null default 0,
      add column trending_updated_at bigint not null default 0,
      add column trending_rank_key double precision generated always as (${rankKey('trending_value', 'trending_updated_at')}) stored`.execute(
    db,
  );
  await sql`create index video_stats_trending_idx on video_stats (trending_rank_key desc nulls last)`.execute(
    db,
  );
  await sql`create index video_stats_popularity_idx on video_stats (popularity desc)`.execute(db);

  // Followed and favourite creators' latest videos.
  await sql`create index videos_account_ready_idx on videos (account_id, ready_at desc) where state = 'ready'`.execute(
    db,
  );
}

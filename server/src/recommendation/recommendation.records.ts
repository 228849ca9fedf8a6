// Row <-> record mapping for the For You tables, in one place: the ranking package's records
// (camelCase, ms numbers) and the rows PostgreSQL returns (camelCased by the Kysely plugin).
import type { VideoFacts, VideoStatsRecord, ViewerVideoRecord } from '@shortwave/ranking';

export type ViewerVideoRow = {
  viewerId: string;
  videoId: string;
  creatorId: string;
  hashtags: string[];
  impressions: number;
  watchRatio: number;
  replays: number;
  isQuickSkipped: boolean;
  isLiked: boolean;
  isCommented: boolean;
  isShared: boolean;
  isSaved: boolean;
  isCreatorFollowed: boolean;
  isNotInterested: boolean;
  signal: number;
  firstSeenAt: number;
  lastEventAt: number;
};

/** The columns of viewer_video_signals, in the order the bulk writes name them. */
export const VIEWER_VIDEO_COLUMNS = `viewer_id, video_id, creator_id, hashtags, impressions,
  watch_ratio, replays, is_quick_skipped, is_liked, is_commented, is_shared, is_saved,
  is_creator_followed, is_not_interested, signal, first_seen_at, last_event_at`;

export const VIEWER_VIDEO_TYPES = `viewer_id uuid, video_id uuid, creator_id uuid, hashtags text[],
  impressions integer, watch_ratio double precision, replays integer, is_quick_skipped boolean,
  is_liked boolean, is_commented boolean, is_shared boolean, is_saved boolean,
  is_creator_followed boolean, is_not_interested boolean, signal double precision,
  first_seen_at bigint, last_event_at bigint`;

export function toViewerVideoRecord(row: ViewerVideoRow): ViewerVideoRecord {
  return { ...row, hashtags: row.hashtags };
}

/** A record as the snake_case JSON object jsonb_to_recordset reads. */
export function toViewerVideoJson(record: ViewerVideoRecord): Record<string, unknown> {
  return {
    viewer_id: record.viewerId,
    video_id: record.videoId,
    creator_id: record.creatorId,
    hashtags: record.hashtags,
    impressions: record.impressions,
    watch_ratio: record.watchRatio,
    replays: record.replays,
    is_quick_skipped: record.isQuickSkipped,
    is_liked: record.isLiked,
    is_commented: record.isCommented,
    is_shared: record.isShared,
    is_saved: record.isSaved,
    is_creator_followed: record.isCreatorFollowed,
    is_not_interested: record.isNotInterested,
    signal: record.signal,
    first_seen_at: Math.round(record.firstSeenAt),
    last_event_at: Math.round(record.lastEventAt),
  };
}

/** A video's catalogue facts as learning and the page read them (times in ms, as ranking has them). */
export type VideoFactsRow = {
  id: string;
  accountId: string;
  hashtags: string[];
  durationMs: number | null;
  readyAtMs: number | null;
  language: string | null;
  creatorHandle: string;
  creatorDisplayName: string;
  creatorCreatedAtMs: number;
  creatorRegion: string;
};

/** One source's proposal of a candidate. */
export type CandidateProposal = {
  videoId: string;
  source:
    | 'co-watched'
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

export function toVideoFacts(row: VideoFactsRow): VideoFacts {
  return {
    videoId: row.id,
    creatorId: row.accountId,
    creatorName: row.creatorDisplayName || `@${row.creatorHandle}`,
    hashtags: row.hashtags,
    durationMs: row.durationMs ?? 0,
    publishedAt: row.readyAtMs ?? 0,
    ...(row.language ? { language: row.language } : {}),
    region: row.creatorRegion,
    creatorJoinedAt: row.creatorCreatedAtMs,
  };
}

/**
 * A candidate's facts as the page's cache reads them: one JSON array, so node-postgres parses one
 * value per read instead of thousands of fields and there are no keys to camelCase. `stats` holds
 * the model's counters, null when the video has no stats row yet; the last three are what the
 * visibility rule needs beyond the viewer's own relations (isVideoVisible).
 */
export type CandidateTuple = [
  id: string,
  accountId: string,
  hashtags: string[],
  durationMs: number | null,
  readyAtMs: number | null,
  language: string | null,
  creatorHandle: string,
  creatorDisplayName: string,
  creatorCreatedAtMs: number,
  creatorRegion: string,
  stats: StatsTuple | null,
  visibility: 'public' | 'followers' | 'private',
  isPrivateAccount: boolean,
  /** Ready, not removed, its creator not suspended: some viewer may see it. */
  isShown: boolean,
];

export type StatsTuple = [
  impressions: number,
  views: number,
  watchRatioSum: number,
  completions: number,
  quickSkips: number,
  likes: number,
  comments: number,
  shares: number,
  saves: number,
  follows: number,
  notInterested: number,
  popularity: number,
  coWatchTotal: number,
  trendingValue: number,
  trendingUpdatedAt: number,
];

/** The SQL building a StatsTuple from the video_stats row `alias`. */
export const statsTupleSql = (alias: string) => `json_build_array(${alias}.feed_impressions,
  ${alias}.feed_views, ${alias}.feed_watch_ratio_sum, ${alias}.feed_completions,
  ${alias}.feed_quick_skips, ${alias}.feed_likes, ${alias}.feed_comments, ${alias}.feed_shares,
  ${alias}.feed_saves, ${alias}.feed_follows, ${alias}.feed_not_interested, ${alias}.popularity,
  ${alias}.co_watch_total, ${alias}.trending_value, ${alias}.trending_updated_at)`;

/** The SQL building a CandidateTuple, `videos`, `accounts` and the stats row `s` in scope. */
export const CANDIDATE_TUPLE_SQL = `json_build_array(videos.id, videos.account_id, videos.hashtags,
  videos.duration_ms, extract(epoch from videos.ready_at) * 1000, videos.language,
  accounts.handle, accounts.display_name, extract(epoch from accounts.created_at) * 1000,
  accounts.home_region,
  case when s.video_id is null then null else ${statsTupleSql('s')} end,
  videos.visibility, accounts.is_private,
  videos.removed_at is null and videos.state = 'ready' and accounts.suspended_at is null)`;

/** What the visibility rule reads of a candidate, besides the viewer's relations. */
export type CandidateAudience = {
  visibility: 'public' | 'followers' | 'private';
  isPrivateAccount: boolean;
  isShown: boolean;
};

export type CandidateFacts = {
  video: VideoFacts;
  stats: VideoStatsRecord | undefined;
  audience: CandidateAudience;
};

export function toCandidate(tuple: CandidateTuple): CandidateFacts {
  const [
    id,
    accountId,
    hashtags,
    durationMs,
    readyAtMs,
    language,
    creatorHandle,
    creatorDisplayName,
    creatorCreatedAtMs,
    creatorRegion,
    stats,
    visibility,
    isPrivateAccount,
    isShown,
  ] = tuple;
  const video = toVideoFacts({
    id,
    accountId,
    hashtags,
    durationMs,
    readyAtMs,
    language,
    creatorHandle,
    creatorDisplayName,
    creatorCreatedAtMs,
    creatorRegion,
  });
  return {
    video,
    stats: stats === null ? undefined : toStatsRecord(id, stats),
    audience: { visibility, isPrivateAccount, isShown },
  };
}

export function toStatsRecord(videoId: string, tuple: StatsTuple): VideoStatsRecord {
  const [
    impressions,
    views,
    watchRatioSum,
    completions,
    quickSkips,
    likes,
    comments,
    shares,
    saves,
    follows,
    notInterested,
    popularity,
    coWatchTotal,
    trendingValue,
    trendingUpdatedAt,
  ] = tuple;
  return {
    videoId,
    impressions,
    views,
    watchRatioSum,
    completions,
    quickSkips,
    likes,
    comments,
    shares,
    saves,
    follows,
    notInterested,
    popularity,
    coWatchTotal,
    trending: { value: trendingValue, updatedAt: trendingUpdatedAt },
  };
}

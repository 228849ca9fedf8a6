// Row <-> record mapping for the For You tables, in one place: the ranking package's records
// (camelCase, ms numbers) and the rows PostgreSQL returns (camelCased by the Kysely plugin).
import type {
  AffinityRecord,
  VideoFacts,
  VideoStatsRecord,
  ViewerVideoRecord,
} from '@shortwave/ranking';

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

export type AffinityRow = {
  viewerId: string;
  kind: 'creator' | 'hashtag';
  key: string;
  value: number;
  updatedAt: number;
};

export const toAffinityRecord = (row: AffinityRow): AffinityRecord => ({ ...row });

/** A candidate's catalogue facts and model counters, as the page query returns them. */
export type CandidateRow = {
  id: string;
  accountId: string;
  hashtags: string[];
  durationMs: number | null;
  readyAt: Date | null;
  language: string | null;
  creatorHandle: string;
  creatorDisplayName: string;
  creatorCreatedAt: Date;
  creatorRegion: string;
  feedImpressions: number | null;
  feedViews: number | null;
  feedWatchRatioSum: number | null;
  feedCompletions: number | null;
  feedQuickSkips: number | null;
  feedLikes: number | null;
  feedComments: number | null;
  feedShares: number | null;
  feedSaves: number | null;
  feedFollows: number | null;
  feedNotInterested: number | null;
  popularity: number | null;
  coWatchTotal: number | null;
  trendingValue: number | null;
  trendingUpdatedAt: number | null;
};

/** The catalogue columns of a candidate row (what learning needs). */
export type VideoFactsRow = Pick<
  CandidateRow,
  | 'id'
  | 'accountId'
  | 'hashtags'
  | 'durationMs'
  | 'readyAt'
  | 'language'
  | 'creatorHandle'
  | 'creatorDisplayName'
  | 'creatorCreatedAt'
  | 'creatorRegion'
>;

export function toVideoFacts(row: VideoFactsRow): VideoFacts {
  return {
    videoId: row.id,
    creatorId: row.accountId,
    creatorName: row.creatorDisplayName || `@${row.creatorHandle}`,
    hashtags: row.hashtags,
    durationMs: row.durationMs ?? 0,
    publishedAt: row.readyAt?.getTime() ?? 0,
    ...(row.language ? { language: row.language } : {}),
    region: row.creatorRegion,
    creatorJoinedAt: row.creatorCreatedAt.getTime(),
  };
}

export function toVideoStats(row: CandidateRow): VideoStatsRecord | undefined {
  if (row.feedImpressions === null) return undefined;
  return {
    videoId: row.id,
    impressions: row.feedImpressions,
    views: row.feedViews ?? 0,
    watchRatioSum: row.feedWatchRatioSum ?? 0,
    completions: row.feedCompletions ?? 0,
    quickSkips: row.feedQuickSkips ?? 0,
    likes: row.feedLikes ?? 0,
    comments: row.feedComments ?? 0,
    shares: row.feedShares ?? 0,
    saves: row.feedSaves ?? 0,
    follows: row.feedFollows ?? 0,
    notInterested: row.feedNotInterested ?? 0,
    popularity: row.popularity ?? 0,
    coWatchTotal: row.coWatchTotal ?? 0,
    trending: { value: row.trendingValue ?? 0, updatedAt: row.trendingUpdatedAt ?? 0 },
  };
}

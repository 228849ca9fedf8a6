// The plain records the For You model is made of. The server persists each as a table row
// (docs/recommendation.md lists the tables); the benchmark keeps them in memory.
import type { DecayedCounter } from './decay.js';

/** Catalogue facts about a video, owned by the videos capability. */
export interface VideoFacts {
  videoId: string;
  creatorId: string;
  /** Shown in reasons ("You follow @ana"); falls back to the id. */
  creatorName?: string;
  /** Lower-case, without '#'. */
  hashtags: readonly string[];
  durationMs: number;
  publishedAt: number;
  language?: string;
  region?: string;
  /** When the creator joined (for the "new creator" reason). */
  creatorJoinedAt?: number;
  /** Videos sharing this key are near-duplicates (same perceptual hash bucket, re-upload, ...). */
  nearDuplicateKey?: string;
}

/** What the feed knows about the viewer asking (anonymous viewers have a session id). */
export interface ViewerFacts {
  viewerId: string;
  language?: string;
  region?: string;
}

/** One viewer's relation to one video: table viewer_video_signals, one row per pair. */
export interface ViewerVideoRecord {
  viewerId: string;
  videoId: string;
  creatorId: string;
  hashtags: readonly string[];
  impressions: number;
  /** Best fraction of the video watched in one view, 0..1. */
  watchRatio: number;
  replays: number;
  isQuickSkipped: boolean;
  isLiked: boolean;
  isCommented: boolean;
  isShared: boolean;
  isSaved: boolean;
  isCreatorFollowed: boolean;
  isNotInterested: boolean;
  /** weighViewerVideo(record) as last propagated to the model; signed. */
  signal: number;
  firstSeenAt: number;
  lastEventAt: number;
}

export type AffinityKind = 'creator' | 'hashtag';

/** A viewer's decayed taste for a creator or hashtag: table viewer_affinities. */
export interface AffinityRecord extends DecayedCounter {
  viewerId: string;
  kind: AffinityKind;
  key: string;
}

/** Increment of an affinity counter (decay the stored value to `at`, then add). */
export interface AffinityDelta {
  viewerId: string;
  kind: AffinityKind;
  key: string;
  delta: number;
  at: number;
}

/** Per-video counters: table video_stats, one row per video, updated by increments only. */
export interface VideoStatsRecord {
  videoId: string;
  impressions: number;
  views: number;
  /** Sum over viewers of their best watch ratio (predicted watch ratio = sum / views). */
  watchRatioSum: number;
  completions: number;
  quickSkips: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  follows: number;
  notInterested: number;
  /** Sum of viewers' positive signals: all-time popularity. */
  popularity: number;
  /** Sum of this video's outgoing co-watch weights (normaliser of its neighbour row). */
  coWatchTotal: number;
  /** Positive signal with a half-life of params.trendingHalfLifeMs (global scope). */
  trending: DecayedCounter;
}

/** Increments to video_stats; counters absent stay as they are. */
export type VideoStatsDelta = { videoId: string; at: number } & Partial<
  Omit<VideoStatsRecord, 'videoId' | 'trending'>
> & { trending?: number };

/** Directed co-watch weight "viewers who watched videoId went on to watch neighbourId". */
export interface NeighbourRecord {
  videoId: string;
  neighbourId: string;
  weight: number;
}

/** What the feed reads for its co-watch source: a neighbour row and its source's total. */
export interface CoWatchRow extends NeighbourRecord {
  videoCoWatchTotal: number;
}

/** Trending in one scope ('global', 'region:fr', 'language:pt'): table video_trending. */
export interface TrendingRecord extends DecayedCounter {
  scope: string;
  videoId: string;
}

export interface TrendingDelta {
  scope: string;
  videoId: string;
  delta: number;
  at: number;
}

/** "Hide this creator": table viewer_hidden_creators. */
export interface HiddenCreatorRecord {
  viewerId: string;
  creatorId: string;
  at: number;
}

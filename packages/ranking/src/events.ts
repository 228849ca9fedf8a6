// The event-signal model: how each thing a viewer does to a video changes their record of that
// video, and how that record weighs as an implicit signal (watch time first, negatives included).
import type { SignalWeights } from './params.js';
import type { VideoFacts, ViewerVideoRecord } from './records.js';

export const VIEWER_EVENT_KINDS = [
  'impression',
  'play',
  'watch-progress',
  'completion',
  'replay',
  'quick-skip',
  'like',
  'comment',
  'share',
  'save',
  'follow-from-video',
  'not-interested',
  'hide-creator',
] as const;

export type ViewerEventKind = (typeof VIEWER_EVENT_KINDS)[number];

export interface ViewerEvent {
  kind: ViewerEventKind;
  viewerId: string;
  videoId: string;
  at: number;
  /** For 'watch-progress': milliseconds of this view so far (of the video's durationMs). */
  watchedMs?: number;
}

/** The record of a pair nobody has touched yet. */
export function makeViewerVideoRecord(
  viewerId: string,
  video: VideoFacts,
  at: number,
): ViewerVideoRecord {
  return {
    viewerId,
    videoId: video.videoId,
    creatorId: video.creatorId,
    hashtags: video.hashtags,
    impressions: 0,
    watchRatio: 0,
    replays: 0,
    isQuickSkipped: false,
    isLiked: false,
    isCommented: false,
    isShared: false,
    isSaved: false,
    isCreatorFollowed: false,
    isNotInterested: false,
    signal: 0,
    firstSeenAt: at,
    lastEventAt: at,
  };
}

/** Applies one event to the viewer's record of the video (the signal is left to the caller). */
export function recordViewerEvent(
  previous: ViewerVideoRecord | undefined,
  event: ViewerEvent,
  video: VideoFacts,
): ViewerVideoRecord {
  const base = previous ?? makeViewerVideoRecord(event.viewerId, video, event.at);
  const next: ViewerVideoRecord = { ...base, lastEventAt: Math.max(base.lastEventAt, event.at) };
  switch (event.kind) {
    case 'impression':
      next.impressions += 1;
      break;
    case 'play':
      next.impressions = Math.max(next.impressions, 1);
      break;
    case 'watch-progress':
      next.watchRatio = Math.max(next.watchRatio, measureWatchRatio(event.watchedMs, video));
      break;
    case 'completion':
      next.watchRatio = 1;
      break;
    case 'replay':
      next.watchRatio = 1;
      next.replays += 1;
      break;
    case 'quick-skip':
      next.isQuickSkipped = true;
      break;
    case 'like':
      next.isLiked = true;
      break;
    case 'comment':
      next.isCommented = true;
      break;
    case 'share':
      next.isShared = true;
      break;
    case 'save':
      next.isSaved = true;
      break;
    case 'follow-from-video':
      next.isCreatorFollowed = true;
      break;
    case 'not-interested':
    case 'hide-creator':
      next.isNotInterested = true;
      break;
  }
  return next;
}

/** Fraction of the video watched, 0..1 (a zero or unknown duration counts as fully watched). */
export function measureWatchRatio(watchedMs: number | undefined, video: VideoFacts): number {
  if (watchedMs === undefined || !(watchedMs > 0)) return 0;
  if (!(video.durationMs > 0)) return 1;
  return Math.min(1, watchedMs / video.durationMs);
}

/**
 * The implicit signal of a viewer-video record: watch time is the main term (a completion is
 * worth `watch`), replays and explicit engagement add, a quick skip and "not interested" subtract.
 */
export function weighViewerVideo(record: ViewerVideoRecord, weights: SignalWeights): number {
  let signal = 0;
  if (record.watchRatio >= weights.minWatchRatio) signal += weights.watch * record.watchRatio;
  signal += weights.replay * Math.min(record.replays, weights.maxReplays);
  if (record.isLiked) signal += weights.like;
  if (record.isCommented) signal += weights.comment;
  if (record.isShared) signal += weights.share;
  if (record.isSaved) signal += weights.save;
  if (record.isCreatorFollowed) signal += weights.follow;
  if (record.isQuickSkipped && record.watchRatio < 0.5) signal += weights.quickSkip;
  if (record.isNotInterested) signal = Math.min(signal, 0) + weights.notInterested;
  return signal;
}

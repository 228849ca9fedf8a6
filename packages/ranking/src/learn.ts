// Real-time learning: one viewer event becomes a bounded set of row updates (the viewer's record
// of the video, increments to counters and co-watch weights), as data the caller persists.
import { recordViewerEvent, weighViewerVideo } from './events.js';
import type { ViewerEvent } from './events.js';
import type { ForYouParams } from './params.js';
import type {
  AffinityDelta,
  HiddenCreatorRecord,
  NeighbourRecord,
  TrendingDelta,
  VideoFacts,
  VideoStatsDelta,
  ViewerFacts,
  ViewerVideoRecord,
} from './records.js';

/** What the caller reads before applying an event (two indexed lookups in PostgreSQL). */
export interface ViewerEventContext {
  event: ViewerEvent;
  video: VideoFacts;
  viewer: ViewerFacts;
  /** The viewer's record of this video, if any. */
  previous: ViewerVideoRecord | undefined;
  /** The viewer's latest records with a positive signal, newest first (coWatchWindow of them). */
  recent: readonly ViewerVideoRecord[];
}

/** What the caller writes, in one transaction. Everything but `viewerVideo` is an increment. */
export interface ViewerEventUpdates {
  viewerVideo: ViewerVideoRecord;
  videoStats: VideoStatsDelta[];
  affinities: AffinityDelta[];
  /** `weight` is the increment of the directed pair's weight. */
  neighbours: NeighbourRecord[];
  trending: TrendingDelta[];
  hiddenCreator: HiddenCreatorRecord | undefined;
}

/** Turns one event into the updates of every record it touches; work is O(coWatchWindow). */
export function learnFromEvent(
  context: ViewerEventContext,
  params: ForYouParams,
): ViewerEventUpdates {
  const { event, video, viewer, previous } = context;
  const recorded = recordViewerEvent(previous, event, video);
  const signal = weighViewerVideo(recorded, params.signals);
  const viewerVideo: ViewerVideoRecord = { ...recorded, signal };
  const oldSignal = previous?.signal ?? 0;
  const signalDelta = signal - oldSignal;
  const positiveDelta = Math.max(signal, 0) - Math.max(oldSignal, 0);

  const ownStats = countVideoStatsDelta(previous, viewerVideo, event);
  ownStats.popularity = positiveDelta;
  const updates: ViewerEventUpdates = {
    viewerVideo,
    videoStats: [ownStats],
    affinities: planAffinityDeltas(previous, viewerVideo, signalDelta, event.at, params),
    neighbours: [],
    trending: [],
    hiddenCreator:
      event.kind === 'hide-creator'
        ? { viewerId: event.viewerId, creatorId: video.creatorId, at: event.at }
        : undefined,
  };
  if (positiveDelta > 0) {
    ownStats.trending = positiveDelta;
    updates.trending = planTrendingDeltas(video, viewer, positiveDelta, event.at);
    pairWithRecentVideos(context.recent, viewerVideo, positiveDelta, params, updates, ownStats);
  }
  return updates;
}

function countVideoStatsDelta(
  previous: ViewerVideoRecord | undefined,
  next: ViewerVideoRecord,
  event: ViewerEvent,
): VideoStatsDelta {
  const before = previous;
  const becomes = (flag: (record: ViewerVideoRecord) => boolean): number =>
    flag(next) && !(before !== undefined && flag(before)) ? 1 : 0;
  return {
    videoId: next.videoId,
    at: event.at,
    impressions: event.kind === 'impression' ? 1 : 0,
    views: becomes((record) => record.watchRatio > 0),
    watchRatioSum: next.watchRatio - (before?.watchRatio ?? 0),
    completions: becomes((record) => record.watchRatio >= 1),
    quickSkips: becomes((record) => record.isQuickSkipped),
    likes: becomes((record) => record.isLiked),
    comments: becomes((record) => record.isCommented),
    shares: becomes((record) => record.isShared),
    saves: becomes((record) => record.isSaved),
    follows: becomes((record) => record.isCreatorFollowed),
    notInterested: becomes((record) => record.isNotInterested),
  };
}

function planAffinityDeltas(
  previous: ViewerVideoRecord | undefined,
  next: ViewerVideoRecord,
  signalDelta: number,
  at: number,
  params: ForYouParams,
): AffinityDelta[] {
  let creatorDelta = signalDelta;
  if (next.isNotInterested && previous?.isNotInterested !== true) {
    creatorDelta += params.notInterestedCreatorAffinity;
  }
  if (next.isCreatorFollowed && previous?.isCreatorFollowed !== true) {
    creatorDelta += params.followCreatorAffinity;
  }
  const deltas: AffinityDelta[] = [];
  const viewerId = next.viewerId;
  if (creatorDelta !== 0) {
    deltas.push({ viewerId, kind: 'creator', key: next.creatorId, delta: creatorDelta, at });
  }
  if (signalDelta !== 0) {
    for (const hashtag of next.hashtags) {
      deltas.push({ viewerId, kind: 'hashtag', key: hashtag, delta: signalDelta, at });
    }
  }
  return deltas;
}

function planTrendingDeltas(
  video: VideoFacts,
  viewer: ViewerFacts,
  delta: number,
  at: number,
): TrendingDelta[] {
  const deltas: TrendingDelta[] = [];
  if (viewer.region !== undefined) {
    deltas.push({ scope: `region:${viewer.region}`, videoId: video.videoId, delta, at });
  }
  const language = video.language ?? viewer.language;
  if (language !== undefined) {
    deltas.push({ scope: `language:${language}`, videoId: video.videoId, delta, at });
  }
  return deltas;
}

/**
 * Co-watch learning: the new positive signal is paired with the viewer's latest positive ones.
 * The pair's forward direction (earlier -> later video) gets the full weight, the backward one a
 * fraction, both fading with how far apart they were watched.
 */
function pairWithRecentVideos(
  recent: readonly ViewerVideoRecord[],
  current: ViewerVideoRecord,
  positiveDelta: number,
  params: ForYouParams,
  updates: ViewerEventUpdates,
  ownStats: VideoStatsDelta,
): void {
  let gap = 0;
  let ownTotal = 0;
  for (const earlier of recent) {
    if (gap >= params.coWatchWindow) break;
    if (earlier.videoId === current.videoId || earlier.signal <= 0) continue;
    const weight =
      positiveDelta * Math.min(earlier.signal, 2) * Math.pow(params.coWatchGapDecay, gap);
    gap += 1;
    const backward = weight * params.coWatchBackwardWeight;
    const isEarlier = earlier.firstSeenAt <= current.firstSeenAt;
    const towardCurrent = isEarlier ? weight : backward;
    const towardEarlier = isEarlier ? backward : weight;
    updates.neighbours.push(
      { videoId: earlier.videoId, neighbourId: current.videoId, weight: towardCurrent },
      { videoId: current.videoId, neighbourId: earlier.videoId, weight: towardEarlier },
    );
    updates.videoStats.push({
      videoId: earlier.videoId,
      at: current.lastEventAt,
      coWatchTotal: towardCurrent,
    });
    ownTotal += towardEarlier;
  }
  ownStats.coWatchTotal = ownTotal;
}

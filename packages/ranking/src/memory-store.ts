// The For You records kept in memory behind the same reads and writes the server does in
// PostgreSQL: the benchmark runs on it, tests use it, and it documents the persistence contract.
import { addCoWatchWeights } from './co-watch-list.js';
import { addDecayed, computeDecayedRankKey } from './decay.js';
import type { ViewerEvent } from './events.js';
import { learnFromEvent } from './learn.js';
import type { ViewerEventContext, ViewerEventUpdates } from './learn.js';
import type { ForYouParams } from './params.js';
import type {
  AffinityRecord,
  CoWatchRow,
  TrendingRecord,
  VideoFacts,
  VideoStatsDelta,
  VideoStatsRecord,
  ViewerFacts,
  ViewerVideoRecord,
} from './records.js';

interface ViewerState {
  records: Map<string, ViewerVideoRecord>;
  /** Video ids in the order their records last changed (may repeat; newest last). */
  order: string[];
  affinities: Map<string, AffinityRecord>;
  hiddenCreatorIds: Set<string>;
}

export interface MemoryForYouStore {
  readonly params: ForYouParams;
  /** Reads what learnFromEvent needs, learns, and applies the updates; returns them. */
  learnFromViewerEvent(
    event: ViewerEvent,
    video: VideoFacts,
    viewer: ViewerFacts,
  ): ViewerEventUpdates;
  readEventContext(event: ViewerEvent, video: VideoFacts, viewer: ViewerFacts): ViewerEventContext;
  applyEventUpdates(updates: ViewerEventUpdates): void;
  /** The viewer's latest records, newest first; `isPositiveOnly` keeps signals > 0. */
  readRecentVideos(viewerId: string, limit: number, isPositiveOnly: boolean): ViewerVideoRecord[];
  readSeenVideoIds(viewerId: string): Set<string>;
  readAffinities(viewerId: string): AffinityRecord[];
  readHiddenCreatorIds(viewerId: string): Set<string>;
  /** The `perVideo` heaviest neighbour rows of each video. */
  readCoWatchRows(videoIds: readonly string[], perVideo: number): CoWatchRow[];
  readVideoStats(videoId: string): VideoStatsRecord | undefined;
  readVideoFacts(videoId: string): VideoFacts | undefined;
  /** Top videos of a trending scope ('global' reads video_stats.trending). */
  readTopTrending(scope: string, limit: number): TrendingRecord[];
  readTopPopular(limit: number): VideoStatsRecord[];
  readVideosByCreator(creatorId: string): readonly string[];
  readVideosByHashtag(hashtag: string): readonly string[];
}

export function createMemoryForYouStore(params: ForYouParams): MemoryForYouStore {
  const viewers = new Map<string, ViewerState>();
  const stats = new Map<string, VideoStatsRecord>();
  const neighbours = new Map<string, Map<string, number>>();
  const trending = new Map<string, Map<string, TrendingRecord>>();
  const facts = new Map<string, VideoFacts>();
  const byCreator = new Map<string, string[]>();
  const byHashtag = new Map<string, string[]>();
  // Read caches, dropped on writes: the server's equivalents are indexes and sorted lists.
  const topNeighbours = new Map<string, CoWatchRow[]>();
  let topTrending: TrendingRecord[] | undefined;
  let topPopular: VideoStatsRecord[] | undefined;

  const ensureViewer = (viewerId: string): ViewerState => {
    let state = viewers.get(viewerId);
    if (state === undefined) {
      state = {
        records: new Map(),
        order: [],
        affinities: new Map(),
        hiddenCreatorIds: new Set(),
      };
      viewers.set(viewerId, state);
    }
    return state;
  };

  const rememberVideo = (video: VideoFacts): void => {
    if (facts.has(video.videoId)) return;
    facts.set(video.videoId, video);
    appendToIndex(byCreator, video.creatorId, video.videoId);
    for (const hashtag of video.hashtags) appendToIndex(byHashtag, hashtag, video.videoId);
  };

  const applyStatsDelta = (delta: VideoStatsDelta): void => {
    let row = stats.get(delta.videoId);
    if (row === undefined)
      stats.set(delta.videoId, (row = makeEmptyVideoStats(delta.videoId, delta.at)));
    addVideoStatsDeltaInPlace(row, delta, params.trendingHalfLifeMs);
  };

  const store: MemoryForYouStore = {
    params,
    learnFromViewerEvent(event, video, viewer) {
      const updates = learnFromEvent(store.readEventContext(event, video, viewer), params);
      rememberVideo(video);
      store.applyEventUpdates(updates);
      return updates;
    },
    readEventContext(event, video, viewer) {
      return {
        event,
        video,
        viewer,
        previous: viewers.get(event.viewerId)?.records.get(event.videoId),
        recent: store.readRecentVideos(event.viewerId, params.coWatchWindow + 1, true),
      };
    },
    applyEventUpdates(updates) {
      const state = ensureViewer(updates.viewerVideo.viewerId);
      state.records.set(updates.viewerVideo.videoId, updates.viewerVideo);
      state.order.push(updates.viewerVideo.videoId);
      for (const delta of updates.affinities) {
        const key = `${delta.kind}:${delta.key}`;
        const counter = addDecayed(
          state.affinities.get(key),
          delta.delta,
          delta.at,
          params.affinityHalfLifeMs,
        );
        state.affinities.set(key, {
          viewerId: delta.viewerId,
          kind: delta.kind,
          key: delta.key,
          ...counter,
        });
      }
      if (updates.hiddenCreator !== undefined) {
        state.hiddenCreatorIds.add(updates.hiddenCreator.creatorId);
      }
      for (const delta of updates.videoStats) applyStatsDelta(delta);
      topTrending = undefined;
      topPopular = undefined;
      for (const pair of updates.neighbours) {
        topNeighbours.delete(pair.videoId);
        let row = neighbours.get(pair.videoId);
        if (row === undefined) neighbours.set(pair.videoId, (row = new Map<string, number>()));
        addCoWatchWeights(row, [[pair.neighbourId, pair.weight]], params.coWatchCapacity);
      }
      for (const delta of updates.trending) {
        let scope = trending.get(delta.scope);
        if (scope === undefined)
          trending.set(delta.scope, (scope = new Map<string, TrendingRecord>()));
        const counter = addDecayed(
          scope.get(delta.videoId),
          delta.delta,
          delta.at,
          params.trendingHalfLifeMs,
        );
        scope.set(delta.videoId, { scope: delta.scope, videoId: delta.videoId, ...counter });
      }
    },
    readRecentVideos(viewerId, limit, isPositiveOnly) {
      const state = viewers.get(viewerId);
      if (state === undefined) return [];
      const seen = new Set<string>();
      const recent: ViewerVideoRecord[] = [];
      for (let index = state.order.length - 1; index >= 0 && recent.length < limit; index -= 1) {
        const videoId = state.order[index];
        if (videoId === undefined || seen.has(videoId)) continue;
        seen.add(videoId);
        const record = state.records.get(videoId);
        if (record !== undefined && (!isPositiveOnly || record.signal > 0)) recent.push(record);
      }
      return recent;
    },
    readSeenVideoIds(viewerId) {
      return new Set(viewers.get(viewerId)?.records.keys() ?? []);
    },
    readAffinities(viewerId) {
      return [...(viewers.get(viewerId)?.affinities.values() ?? [])];
    },
    readHiddenCreatorIds(viewerId) {
      return new Set(viewers.get(viewerId)?.hiddenCreatorIds ?? []);
    },
    readCoWatchRows(videoIds, perVideo) {
      const rows: CoWatchRow[] = [];
      for (const videoId of videoIds) {
        const row = neighbours.get(videoId);
        if (row === undefined) continue;
        let heaviest = topNeighbours.get(videoId);
        if (heaviest === undefined || heaviest.length < Math.min(perVideo, row.size)) {
          const videoCoWatchTotal = stats.get(videoId)?.coWatchTotal ?? 0;
          heaviest = selectTop([...row], perVideo, ([, weight]) => weight).map(
            ([neighbourId, weight]) => ({ videoId, neighbourId, weight, videoCoWatchTotal }),
          );
          topNeighbours.set(videoId, heaviest);
        }
        const count = Math.min(perVideo, heaviest.length);
        for (let index = 0; index < count; index += 1) rows.push(heaviest[index]!);
      }
      return rows;
    },
    readVideoStats: (videoId) => stats.get(videoId),
    readVideoFacts: (videoId) => facts.get(videoId),
    readTopTrending(scope, limit) {
      const halfLife = params.trendingHalfLifeMs;
      if (scope === 'global') {
        if (topTrending === undefined || topTrending.length < Math.min(limit, stats.size)) {
          const rows = [...stats.values()].map((row) => ({
            scope,
            videoId: row.videoId,
            ...row.trending,
          }));
          topTrending = selectTop(rows, limit, (row) => computeDecayedRankKey(row, halfLife));
        }
        return topTrending.slice(0, limit);
      }
      const rows = [...(trending.get(scope)?.values() ?? [])];
      return selectTop(rows, limit, (row) => computeDecayedRankKey(row, halfLife));
    },
    readTopPopular(limit) {
      if (topPopular === undefined || topPopular.length < Math.min(limit, stats.size)) {
        topPopular = selectTop([...stats.values()], limit, (row) => row.popularity);
      }
      return topPopular.slice(0, limit);
    },
    readVideosByCreator: (creatorId) => byCreator.get(creatorId) ?? [],
    readVideosByHashtag: (hashtag) => byHashtag.get(hashtag) ?? [],
  };
  return store;
}

export function makeEmptyVideoStats(videoId: string, at: number): VideoStatsRecord {
  return {
    videoId,
    impressions: 0,
    views: 0,
    watchRatioSum: 0,
    completions: 0,
    quickSkips: 0,
    likes: 0,
    comments: 0,
    shares: 0,
    saves: 0,
    follows: 0,
    notInterested: 0,
    popularity: 0,
    coWatchTotal: 0,
    trending: { value: 0, updatedAt: at },
  };
}

/** The row after an increment (what `UPDATE video_stats SET x = x + $x ...` does). */
export function addVideoStatsDelta(
  row: VideoStatsRecord,
  delta: VideoStatsDelta,
  trendingHalfLifeMs: number,
): VideoStatsRecord {
  const copy = { ...row };
  addVideoStatsDeltaInPlace(copy, delta, trendingHalfLifeMs);
  return copy;
}

/** addVideoStatsDelta on the store's own row: learning allocates nothing per counter. */
function addVideoStatsDeltaInPlace(
  row: VideoStatsRecord,
  delta: VideoStatsDelta,
  trendingHalfLifeMs: number,
): void {
  if (delta.impressions !== undefined) row.impressions += delta.impressions;
  if (delta.views !== undefined) row.views += delta.views;
  if (delta.watchRatioSum !== undefined) row.watchRatioSum += delta.watchRatioSum;
  if (delta.completions !== undefined) row.completions += delta.completions;
  if (delta.quickSkips !== undefined) row.quickSkips += delta.quickSkips;
  if (delta.likes !== undefined) row.likes += delta.likes;
  if (delta.comments !== undefined) row.comments += delta.comments;
  if (delta.shares !== undefined) row.shares += delta.shares;
  if (delta.saves !== undefined) row.saves += delta.saves;
  if (delta.follows !== undefined) row.follows += delta.follows;
  if (delta.notInterested !== undefined) row.notInterested += delta.notInterested;
  if (delta.popularity !== undefined) row.popularity += delta.popularity;
  if (delta.coWatchTotal !== undefined) row.coWatchTotal += delta.coWatchTotal;
  if (delta.trending !== undefined && delta.trending !== 0) {
    row.trending = addDecayed(row.trending, delta.trending, delta.at, trendingHalfLifeMs);
  }
}

function appendToIndex(index: Map<string, string[]>, key: string, videoId: string): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [videoId]);
  else list.push(videoId);
}

/** The `limit` entries with the largest key, largest first. */
export function selectTop<T>(
  entries: readonly T[],
  limit: number,
  keyOf: (entry: T) => number,
): T[] {
  if (entries.length <= limit) return [...entries].sort((a, b) => keyOf(b) - keyOf(a));
  const keyed = entries.map((entry) => ({ entry, key: keyOf(entry) }));
  keyed.sort((a, b) => b.key - a.key);
  return keyed.slice(0, limit).map((item) => item.entry);
}

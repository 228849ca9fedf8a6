// Candidate gathering over the in-memory store, source by source, exactly as the server does it
// with SQL: co-watched neighbours of recent videos, followed creators, creator and hashtag tastes,
// trending in the viewer's region and language, popular (cold start), and fresh uploads.
import { mergeForYouCandidates } from './candidates.js';
import type { CandidateSource, ForYouCandidate, ForYouPageRequest } from './candidates.js';
import { readDecayed } from './decay.js';
import type { MemoryForYouStore } from './memory-store.js';
import type { VideoFacts, ViewerFacts } from './records.js';

export interface CollectOptions {
  viewer: ViewerFacts;
  now: number;
  seed: number;
  pageSize: number;
  followedCreatorIds?: ReadonlySet<string>;
  /** Recent uploads (the server lists those published in the last days, fewest views first). */
  freshVideos?: readonly VideoFacts[];
  /** Per-source limits. */
  trendingLimit?: number;
  popularLimit?: number;
  videosPerTaste?: number;
}

/** Builds the page request for `viewer` from the store's records. */
export function collectForYouPageRequest(
  store: MemoryForYouStore,
  options: CollectOptions,
): ForYouPageRequest {
  const { params } = store;
  const { viewer, now } = options;
  const viewerId = viewer.viewerId;
  const recent = store.readRecentVideos(viewerId, params.historyWindow, false);
  const coWatchRows = store.readCoWatchRows(
    recent.map((record) => record.videoId),
    params.neighboursPerVideo,
  );
  const affinities = store.readAffinities(viewerId);
  const followedCreatorIds = options.followedCreatorIds ?? new Set<string>();
  const perTaste = options.videosPerTaste ?? 20;

  const propose = (videoIds: Iterable<string>, source: CandidateSource): ForYouCandidate[] => {
    const found: ForYouCandidate[] = [];
    for (const videoId of videoIds) {
      const video = store.readVideoFacts(videoId);
      if (video !== undefined)
        found.push({ video, stats: store.readVideoStats(videoId), sources: [source] });
    }
    return found;
  };

  const lists: ForYouCandidate[][] = [];
  const coWatched = new Map<string, string>();
  for (const row of coWatchRows)
    if (!coWatched.has(row.neighbourId)) coWatched.set(row.neighbourId, row.videoId);
  for (const [videoId, via] of coWatched)
    lists.push(propose([videoId], { kind: 'co-watched', viaVideoId: via }));
  for (const creatorId of followedCreatorIds) {
    lists.push(
      propose(store.readVideosByCreator(creatorId).slice(-perTaste), {
        kind: 'followed-creator',
        creatorId,
      }),
    );
  }
  const tastes = affinities
    .map((affinity) => ({ affinity, value: readDecayed(affinity, now, params.affinityHalfLifeMs) }))
    .filter(({ value }) => value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, 10);
  for (const { affinity } of tastes) {
    const source: CandidateSource =
      affinity.kind === 'creator'
        ? { kind: 'creator-affinity', creatorId: affinity.key }
        : { kind: 'hashtag-affinity', hashtag: affinity.key };
    const videoIds =
      affinity.kind === 'creator'
        ? store.readVideosByCreator(affinity.key)
        : store.readVideosByHashtag(affinity.key);
    lists.push(propose(videoIds.slice(-perTaste), source));
  }
  const trendingLimit = options.trendingLimit ?? 200;
  const scopes: [string, 'region' | 'language' | 'global'][] = [['global', 'global']];
  if (viewer.region !== undefined) scopes.push([`region:${viewer.region}`, 'region']);
  if (viewer.language !== undefined) scopes.push([`language:${viewer.language}`, 'language']);
  for (const [scope, kind] of scopes) {
    for (const row of store.readTopTrending(scope, trendingLimit)) {
      const value = readDecayed(row, now, params.trendingHalfLifeMs);
      lists.push(propose([row.videoId], { kind: 'trending', scope: kind, value }));
    }
  }
  const popular = store.readTopPopular(options.popularLimit ?? 200).map((row) => row.videoId);
  lists.push(propose(popular, { kind: 'popular' }));
  const fresh = (options.freshVideos ?? []).map((video): ForYouCandidate => ({
    video,
    stats: store.readVideoStats(video.videoId),
    sources: [{ kind: 'fresh' }],
  }));
  lists.push(fresh);

  return {
    viewer,
    now,
    seed: options.seed,
    pageSize: options.pageSize,
    recent,
    seenVideoIds: store.readSeenVideoIds(viewerId),
    affinities,
    followedCreatorIds,
    hiddenCreatorIds: store.readHiddenCreatorIds(viewerId),
    coWatchRows,
    candidates: mergeForYouCandidates(lists),
  };
}

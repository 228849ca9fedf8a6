// Our method in the bench: every interaction becomes viewer events fed through @shortwave/ranking's
// learnFromEvent into its in-memory store, and every ranking is a rankForYouPage call: the same
// code the server runs, with the store in memory instead of PostgreSQL.
import {
  collectForYouPageRequest,
  createMemoryForYouStore,
  rankForYouPage,
} from '@shortwave/ranking';
import type { ForYouPageRequest, ForYouParams, VideoFacts, ViewerEvent } from '@shortwave/ranking';
import type { Interaction } from './interactions.js';
import type { BenchMethod } from './method.js';

const VIDEO_DURATION_MS = 15_000;

export interface ShortwaveMethod extends BenchMethod {
  /** The page request for a user (candidates gathered from the store), for tuning reuse. */
  collect(user: number, now: number, k: number, exclude: ReadonlySet<number>): ForYouPageRequest;
  /** Ranks a collected request with the given params. */
  rankRequest(request: ForYouPageRequest, params: ForYouParams): number[];
  params: ForYouParams;
}

/**
 * Interactions map to events: without weights, a row is a completed view; with a weight w, a
 * view of min(w, 1) of the video plus round(w - 1) replays when w > 1. The datasets have no
 * creators or hashtags: each video is its own creator, so diversity rules never bind here.
 */
export function createShortwaveMethod(params: ForYouParams, seed: number): ShortwaveMethod {
  // The server keeps 4 x the 50 neighbours it reads per video; this bench reads
  // neighboursPerVideo (200), so it keeps 4 x that (docs/recommendation.md, "Co-watch lists").
  const store = createMemoryForYouStore({
    ...params,
    coWatchCapacity: Math.max(params.coWatchCapacity, 4 * params.neighboursPerVideo),
  });
  const facts = new Map<number, VideoFacts>();
  const videoOf = (item: number, at: number): VideoFacts => {
    let video = facts.get(item);
    if (video === undefined) {
      video = {
        videoId: String(item),
        creatorId: `creator-${item}`,
        hashtags: [],
        durationMs: VIDEO_DURATION_MS,
        publishedAt: at,
      };
      facts.set(item, video);
    }
    return video;
  };
  const method: ShortwaveMethod = {
    name: 'shortwave',
    params,
    get settings() {
      const { weights } = method.params;
      return {
        coWatch: weights.coWatch,
        popularity: weights.popularity,
        trending: weights.trending,
        sourceExponent: method.params.sourceExponent,
        candidateExponent: method.params.candidateExponent,
        trendingHalfLifeDays: Number(
          (method.params.trendingHalfLifeMs / 86_400_000).toPrecision(3),
        ),
        recencyDecay: method.params.recencyDecay,
        coWatchWindow: method.params.coWatchWindow,
        coWatchBackwardWeight: method.params.coWatchBackwardWeight,
      };
    },
    observe(interaction: Interaction) {
      const at = interaction.timestamp * 1000;
      const video = videoOf(interaction.item, at);
      const viewer = { viewerId: String(interaction.user) };
      for (const event of convertToEvents(interaction, at))
        store.learnFromViewerEvent(event, video, viewer);
    },
    refit: () => undefined,
    collect(user, now, k, exclude) {
      const request = collectForYouPageRequest(store, {
        viewer: { viewerId: String(user) },
        now: now * 1000,
        seed,
        pageSize: k,
      });
      const seen = new Set(request.seenVideoIds);
      for (const item of exclude) seen.add(String(item));
      return { ...request, seenVideoIds: seen };
    },
    rankRequest(request, rankParams) {
      return rankForYouPage(request, rankParams).items.map((item) => Number(item.videoId));
    },
    recommend(user, now, k, exclude) {
      return method.rankRequest(method.collect(user, now, k, exclude), method.params);
    },
  };
  return method;
}

function convertToEvents(interaction: Interaction, at: number): ViewerEvent[] {
  const base = { viewerId: String(interaction.user), videoId: String(interaction.item), at };
  const weight = interaction.weight;
  if (weight === 1) return [{ ...base, kind: 'completion' }];
  const events: ViewerEvent[] = [
    { ...base, kind: 'watch-progress', watchedMs: Math.min(weight, 1) * VIDEO_DURATION_MS },
  ];
  for (let replay = 0; replay < Math.round(weight - 1); replay += 1)
    events.push({ ...base, kind: 'replay' });
  return events;
}

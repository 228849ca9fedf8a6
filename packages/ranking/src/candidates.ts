// What a For You page request carries: the viewer's state and candidates gathered from several
// sources, each candidate remembering which sources proposed it.
import type {
  AffinityRecord,
  CoWatchRow,
  VideoFacts,
  VideoStatsRecord,
  ViewerFacts,
  ViewerVideoRecord,
} from './records.js';

export type TrendingScope = 'region' | 'language' | 'global';

export type CandidateSource =
  | { kind: 'co-watched'; viaVideoId: string }
  | { kind: 'followed-creator'; creatorId: string }
  | { kind: 'creator-affinity'; creatorId: string }
  | { kind: 'hashtag-affinity'; hashtag: string }
  | { kind: 'trending'; scope: TrendingScope; value: number }
  | { kind: 'fresh' }
  | { kind: 'popular' };

export interface ForYouCandidate {
  video: VideoFacts;
  stats: VideoStatsRecord | undefined;
  sources: readonly CandidateSource[];
}

export interface ForYouPageRequest {
  viewer: ViewerFacts;
  now: number;
  seed: number;
  pageSize: number;
  /** The viewer's latest records, newest first (params.historyWindow of them), any sign. */
  recent: readonly ViewerVideoRecord[];
  /** Videos the viewer saw recently: never shown again. */
  seenVideoIds: ReadonlySet<string>;
  affinities: readonly AffinityRecord[];
  followedCreatorIds: ReadonlySet<string>;
  hiddenCreatorIds: ReadonlySet<string>;
  /** Neighbour rows of the recent videos (params.neighboursPerVideo heaviest per video). */
  coWatchRows: readonly CoWatchRow[];
  candidates: readonly ForYouCandidate[];
}

/** Merges candidates proposed by several sources into one per video, sources concatenated. */
export function mergeForYouCandidates(
  lists: readonly (readonly ForYouCandidate[])[],
): ForYouCandidate[] {
  const merged = new Map<string, ForYouCandidate>();
  for (const list of lists) {
    for (const candidate of list) {
      const existing = merged.get(candidate.video.videoId);
      merged.set(
        candidate.video.videoId,
        existing === undefined
          ? candidate
          : { ...existing, sources: [...existing.sources, ...candidate.sources] },
      );
    }
  }
  return [...merged.values()];
}

/** The narrowest trending source of a candidate (region before language before global). */
export function findTrendingSource(
  candidate: ForYouCandidate,
): Extract<CandidateSource, { kind: 'trending' }> | undefined {
  const order: Record<TrendingScope, number> = { region: 0, language: 1, global: 2 };
  let best: Extract<CandidateSource, { kind: 'trending' }> | undefined;
  for (const source of candidate.sources) {
    if (source.kind !== 'trending') continue;
    if (best === undefined || order[source.scope] < order[best.scope]) best = source;
  }
  return best;
}

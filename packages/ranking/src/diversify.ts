// Re-ranking for variety: never the same creator twice in a row, no near-duplicate runs, a cap
// per creator, and a seeded share of slots for fresh uploads still in their first exposure.
import type { ForYouParams } from './params.js';
import type { VideoFacts } from './records.js';
import type { ScoredCandidate } from './score.js';

export interface PlacedCandidate {
  scored: ScoredCandidate;
  isExploration: boolean;
}

/**
 * Fills up to `pageSize` slots from `ranked` (best first). Each slot takes the best candidate
 * that keeps the page varied; with probability explorationRate it takes the best fresh upload
 * instead. When no candidate fits, the page ends short rather than break the rules.
 */
export function diversifyForYouPage(
  ranked: readonly ScoredCandidate[],
  pageSize: number,
  params: ForYouParams,
  random: () => number,
): PlacedCandidate[] {
  const explorable = ranked.filter((scored) => isExplorable(scored, params));
  const used = new Set<string>();
  const perCreator = new Map<string, number>();
  const page: PlacedCandidate[] = [];
  while (page.length < pageSize) {
    const previous = page[page.length - 1]?.scored.candidate.video;
    const fits = (scored: ScoredCandidate): boolean => {
      const video = scored.candidate.video;
      if (used.has(video.videoId)) return false;
      if ((perCreator.get(video.creatorId) ?? 0) >= params.maxVideosPerCreator) return false;
      return previous === undefined || !isTooSimilar(previous, video, params);
    };
    const wantsExploration = explorable.length > 0 && random() < params.explorationRate;
    const explored = wantsExploration ? explorable.find(fits) : undefined;
    const chosen = explored ?? ranked.find(fits) ?? explorable.find(fits);
    if (chosen === undefined) break;
    const video = chosen.candidate.video;
    used.add(video.videoId);
    perCreator.set(video.creatorId, (perCreator.get(video.creatorId) ?? 0) + 1);
    page.push({ scored: chosen, isExploration: explored !== undefined });
  }
  return page;
}

/** A fresh upload proposed by the fresh source that has not used up its first exposure. */
function isExplorable(scored: ScoredCandidate, params: ForYouParams): boolean {
  const { candidate } = scored;
  return (
    candidate.sources.some((source) => source.kind === 'fresh') &&
    (candidate.stats?.impressions ?? 0) < params.freshImpressionCap
  );
}

/** Same creator, or near-duplicates: one may not follow the other. */
export function isTooSimilar(
  previous: VideoFacts,
  next: VideoFacts,
  params: ForYouParams,
): boolean {
  if (previous.creatorId === next.creatorId) return true;
  return isNearDuplicate(previous, next, params.nearDuplicateJaccard);
}

/** Same near-duplicate key, or hashtag sets of 3+ tags overlapping at least `minJaccard`. */
export function isNearDuplicate(a: VideoFacts, b: VideoFacts, minJaccard: number): boolean {
  if (a.nearDuplicateKey !== undefined && a.nearDuplicateKey === b.nearDuplicateKey) return true;
  if (a.hashtags.length < 3 || b.hashtags.length < 3) return false;
  const tags = new Set(a.hashtags);
  let shared = 0;
  for (const tag of new Set(b.hashtags)) if (tags.has(tag)) shared += 1;
  const union = tags.size + new Set(b.hashtags).size - shared;
  return union > 0 && shared / union >= minJaccard;
}

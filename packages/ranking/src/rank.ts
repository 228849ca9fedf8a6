// The For You page: drop what must not be shown, score, re-rank for variety and exploration,
// and attach the reasons.
import type { ForYouPageRequest } from './candidates.js';
import { readDecayed } from './decay.js';
import { diversifyForYouPage } from './diversify.js';
import type { ForYouParams } from './params.js';
import { createSeededRandom, mixSeed } from './random.js';
import { explainForYouCandidate } from './reasons.js';
import type { ForYouReason } from './reasons.js';
import { scoreForYouCandidates } from './score.js';
import type { ScoreParts } from './score.js';

export interface ForYouPageItem {
  videoId: string;
  creatorId: string;
  score: number;
  parts: ScoreParts;
  predictedWatchRatio: number;
  isExploration: boolean;
  reasons: ForYouReason[];
}

export interface ForYouPage {
  items: ForYouPageItem[];
}

/** Ranks one page. Pure: the same request, params and seed give the same page. */
export function rankForYouPage(request: ForYouPageRequest, params: ForYouParams): ForYouPage {
  const hiddenCreators = new Set(request.hiddenCreatorIds);
  // Creators the viewer's signals turned against: left out while there is anything else.
  const dislikedCreators = new Map<string, number>();
  for (const affinity of request.affinities) {
    if (affinity.kind !== 'creator') continue;
    const value = readDecayed(affinity, request.now, params.affinityHalfLifeMs);
    if (value < params.excludedCreatorAffinity) dislikedCreators.set(affinity.key, value);
  }
  const recentIds = new Set(request.recent.map((record) => record.videoId));
  const unseen = request.candidates.filter(
    ({ video }) =>
      !request.seenVideoIds.has(video.videoId) &&
      !recentIds.has(video.videoId) &&
      !hiddenCreators.has(video.creatorId),
  );
  const rank = (candidates: typeof unseen) => {
    const scored = scoreForYouCandidates({ ...request, candidates }, params);
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        (b.candidate.stats?.popularity ?? 0) - (a.candidate.stats?.popularity ?? 0) ||
        (a.candidate.video.videoId < b.candidate.video.videoId ? -1 : 1),
    );
    return scored;
  };
  const random = () => createSeededRandom(mixSeed(request.seed, request.viewer.viewerId));
  const liked = rank(unseen.filter(({ video }) => !dislikedCreators.has(video.creatorId)));
  let placed = diversifyForYouPage(liked, request.pageSize, params, random());
  if (placed.length < request.pageSize) {
    // Nothing else left: rather than end the feed, creators merely skipped a lot come last.
    // Never one dismissed outright ("not interested" puts them below that line).
    const skipped = unseen.filter(({ video }) => {
      const value = dislikedCreators.get(video.creatorId);
      return value !== undefined && value > params.notInterestedCreatorAffinity;
    });
    if (skipped.length > 0)
      placed = diversifyForYouPage(
        [...liked, ...rank(skipped)],
        request.pageSize,
        params,
        random(),
      );
  }
  const context = {
    region: request.viewer.region,
    language: request.viewer.language,
    now: request.now,
  };
  return {
    items: placed.map(({ scored: item, isExploration }) => ({
      videoId: item.candidate.video.videoId,
      creatorId: item.candidate.video.creatorId,
      score: item.score,
      parts: item.parts,
      predictedWatchRatio: item.predictedWatchRatio,
      isExploration,
      reasons: explainForYouCandidate(item, { ...context, isExploration }),
    })),
  };
}

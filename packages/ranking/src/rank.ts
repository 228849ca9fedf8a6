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
  const rejectedCreators = new Set(request.hiddenCreatorIds);
  for (const affinity of request.affinities) {
    if (
      affinity.kind === 'creator' &&
      readDecayed(affinity, request.now, params.affinityHalfLifeMs) < params.excludedCreatorAffinity
    ) {
      rejectedCreators.add(affinity.key);
    }
  }
  const recentIds = new Set(request.recent.map((record) => record.videoId));
  const showable = request.candidates.filter(
    ({ video }) =>
      !request.seenVideoIds.has(video.videoId) &&
      !recentIds.has(video.videoId) &&
      !rejectedCreators.has(video.creatorId),
  );
  const scored = scoreForYouCandidates({ ...request, candidates: showable }, params);
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (b.candidate.stats?.popularity ?? 0) - (a.candidate.stats?.popularity ?? 0) ||
      (a.candidate.video.videoId < b.candidate.video.videoId ? -1 : 1),
  );
  const random = createSeededRandom(mixSeed(request.seed, request.viewer.viewerId));
  const placed = diversifyForYouPage(scored, request.pageSize, params, random);
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

// Candidate scoring: predicted engagement from co-watch neighbours of what the viewer just
// watched, their creator and hashtag tastes, follows and popularity, scaled by predicted watch time.
import { findTrendingSource } from './candidates.js';
import type { ForYouCandidate, ForYouPageRequest, TrendingScope } from './candidates.js';
import { readDecayed } from './decay.js';
import type { ForYouParams } from './params.js';

/** Each term's weighted contribution to the score (before the watch-quality multiplier). */
export interface ScoreParts {
  coWatch: number;
  popularity: number;
  trending: number;
  creatorAffinity: number;
  hashtagAffinity: number;
  followed: number;
}

export interface ScoredCandidate {
  candidate: ForYouCandidate;
  score: number;
  parts: ScoreParts;
  /** Predicted watch ratio (Beta-smoothed mean of viewers' best watch ratios). */
  predictedWatchRatio: number;
  /** The recent video that contributed most to `coWatch`. */
  coWatchVia: string | undefined;
  /** The viewer's strongest hashtag on this video, if any. */
  topHashtag: string | undefined;
  trendingScope: TrendingScope | undefined;
}

/** Scores every candidate; exclusions and ordering are the caller's (rankForYouPage). */
export function scoreForYouCandidates(
  request: ForYouPageRequest,
  params: ForYouParams,
): ScoredCandidate[] {
  const { now } = request;
  const creatorTaste = new Map<string, number>();
  const hashtagTaste = new Map<string, number>();
  for (const affinity of request.affinities) {
    const value = squash(readDecayed(affinity, now, params.affinityHalfLifeMs));
    (affinity.kind === 'creator' ? creatorTaste : hashtagTaste).set(affinity.key, value);
  }
  const coWatch = sumCoWatch(request, params);

  let maxCoWatch = 0;
  let maxPopularity = 0;
  let maxTrending = 0;
  const maxScoped = new Map<TrendingScope, number>();
  for (const candidate of request.candidates) {
    const stats = candidate.stats;
    maxCoWatch = Math.max(maxCoWatch, coWatch.get(candidate.video.videoId)?.value ?? 0);
    maxPopularity = Math.max(maxPopularity, stats?.popularity ?? 0);
    maxTrending = Math.max(
      maxTrending,
      readDecayed(stats?.trending, now, params.trendingHalfLifeMs),
    );
    const source = findTrendingSource(candidate);
    if (source !== undefined) {
      maxScoped.set(source.scope, Math.max(maxScoped.get(source.scope) ?? 0, source.value));
    }
  }

  const weights = params.weights;
  return request.candidates.map((candidate) => {
    const { video, stats } = candidate;
    const coWatched = coWatch.get(video.videoId);
    let trending = ratio(readDecayed(stats?.trending, now, params.trendingHalfLifeMs), maxTrending);
    const source = findTrendingSource(candidate);
    let trendingScope: TrendingScope | undefined = trending > 0 ? 'global' : undefined;
    const scoped = source === undefined ? 0 : ratio(source.value, maxScoped.get(source.scope) ?? 0);
    if (source !== undefined && scoped >= trending) {
      trending = scoped;
      trendingScope = source.scope;
    }
    let topHashtag: string | undefined;
    let hashtagSum = 0;
    for (const hashtag of video.hashtags) {
      const taste = hashtagTaste.get(hashtag) ?? 0;
      hashtagSum += taste;
      if (taste > 0 && (topHashtag === undefined || taste > (hashtagTaste.get(topHashtag) ?? 0))) {
        topHashtag = hashtag;
      }
    }
    const parts: ScoreParts = {
      coWatch: weights.coWatch * ratio(coWatched?.value ?? 0, maxCoWatch),
      popularity: weights.popularity * ratio(stats?.popularity ?? 0, maxPopularity),
      trending: weights.trending * trending,
      creatorAffinity: weights.creatorAffinity * (creatorTaste.get(video.creatorId) ?? 0),
      hashtagAffinity:
        video.hashtags.length === 0
          ? 0
          : (weights.hashtagAffinity * hashtagSum) / Math.sqrt(video.hashtags.length),
      followed: request.followedCreatorIds.has(video.creatorId) ? weights.followed : 0,
    };
    const predictedWatchRatio =
      ((stats?.watchRatioSum ?? 0) + params.watchRatioPrior * params.watchRatioPriorViews) /
      ((stats?.views ?? 0) + params.watchRatioPriorViews);
    const sum =
      parts.coWatch +
      parts.popularity +
      parts.trending +
      parts.creatorAffinity +
      parts.hashtagAffinity +
      parts.followed;
    const quality = Math.max(
      0.1,
      1 + weights.watchQuality * (predictedWatchRatio - params.watchRatioPrior),
    );
    return {
      candidate,
      score: sum > 0 ? sum * quality : sum,
      parts,
      predictedWatchRatio,
      coWatchVia: coWatched?.via,
      topHashtag,
      trendingScope,
    };
  });
}

/**
 * Co-watch relevance of each neighbour: sum over the viewer's recent videos h (the k-th newest
 * weighing recencyDecay^k times its signal) of weight(h -> c) / (total_h^a * total_c^b).
 */
function sumCoWatch(
  request: ForYouPageRequest,
  params: ForYouParams,
): Map<string, { value: number; via: string; best: number }> {
  const recentWeight = new Map<string, number>();
  let rank = 0;
  for (const record of request.recent) {
    if (rank >= params.historyWindow) break;
    if (!recentWeight.has(record.videoId) && record.signal !== 0) {
      recentWeight.set(record.videoId, Math.pow(params.recencyDecay, rank) * record.signal);
    }
    rank += 1;
  }
  const candidateTotals = new Map<string, number>();
  for (const candidate of request.candidates) {
    candidateTotals.set(candidate.video.videoId, candidate.stats?.coWatchTotal ?? 0);
  }
  const sums = new Map<string, { value: number; via: string; best: number }>();
  for (const row of request.coWatchRows) {
    const weight = recentWeight.get(row.videoId);
    if (weight === undefined || row.videoCoWatchTotal <= 0) continue;
    const contribution =
      (weight * row.weight) / Math.pow(row.videoCoWatchTotal, params.sourceExponent);
    const entry = sums.get(row.neighbourId);
    if (entry === undefined) {
      sums.set(row.neighbourId, { value: contribution, via: row.videoId, best: contribution });
    } else {
      entry.value += contribution;
      if (contribution > entry.best) {
        entry.best = contribution;
        entry.via = row.videoId;
      }
    }
  }
  for (const [videoId, entry] of sums) {
    const total = candidateTotals.get(videoId) ?? 0;
    if (total > 0) entry.value /= Math.pow(total, params.candidateExponent);
  }
  return sums;
}

/** Maps an unbounded signed taste to (-1, 1). */
function squash(value: number): number {
  return value / (1 + Math.abs(value));
}

function ratio(value: number, max: number): number {
  return max > 0 ? value / max : 0;
}

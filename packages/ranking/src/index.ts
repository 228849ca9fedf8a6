// @shortwave/ranking: the For You model (pure; `now` and seeds passed in), used by the server's
// feed capability and by bench/recommend.
export { addCoWatchWeights, coWatchListOf } from './co-watch-list.js';
export type { CoWatchList } from './co-watch-list.js';
export { addDecayed, computeDecayFactor, computeDecayedRankKey, readDecayed } from './decay.js';
export type { DecayedCounter } from './decay.js';
export {
  VIEWER_EVENT_KINDS,
  makeViewerVideoRecord,
  measureWatchRatio,
  recordViewerEvent,
  weighViewerVideo,
} from './events.js';
export type { ViewerEvent, ViewerEventKind } from './events.js';
export { DEFAULT_FOR_YOU_PARAMS, makeForYouParams } from './params.js';
export type { ForYouParams, PartialForYouParams, SignalWeights } from './params.js';
export type {
  AffinityDelta,
  AffinityKind,
  AffinityRecord,
  CoWatchRow,
  HiddenCreatorRecord,
  NeighbourRecord,
  TrendingDelta,
  TrendingRecord,
  VideoFacts,
  VideoStatsDelta,
  VideoStatsRecord,
  ViewerFacts,
  ViewerVideoRecord,
} from './records.js';
export { learnFromEvent } from './learn.js';
export type { ViewerEventContext, ViewerEventUpdates } from './learn.js';
export {
  addVideoStatsDelta,
  createMemoryForYouStore,
  makeEmptyVideoStats,
  selectTop,
} from './memory-store.js';
export type { MemoryForYouStore } from './memory-store.js';
export { findTrendingSource, mergeForYouCandidates } from './candidates.js';
export type {
  CandidateSource,
  ForYouCandidate,
  ForYouPageRequest,
  TrendingScope,
} from './candidates.js';
export { collectForYouPageRequest } from './collect.js';
export type { CollectOptions } from './collect.js';
export { scoreForYouCandidates } from './score.js';
export type { ScoreParts, ScoredCandidate } from './score.js';
export { diversifyForYouPage, isNearDuplicate, isTooSimilar } from './diversify.js';
export type { PlacedCandidate } from './diversify.js';
export { describeReason, explainForYouCandidate } from './reasons.js';
export type { ForYouReason } from './reasons.js';
export { rankForYouPage } from './rank.js';
export type { ForYouPage, ForYouPageItem } from './rank.js';
export { createSeededRandom, mixSeed } from './random.js';

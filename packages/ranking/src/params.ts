// Every weight and window of the For You model in one place, with the defaults the server uses.

export interface SignalWeights {
  /** Multiplies the best watch ratio (a completion is worth `watch`). */
  watch: number;
  /** Views below this ratio earn no watch credit. */
  minWatchRatio: number;
  replay: number;
  maxReplays: number;
  like: number;
  comment: number;
  share: number;
  save: number;
  follow: number;
  /** Negative: a quick skip (unless the viewer later watched half of it). */
  quickSkip: number;
  /** Negative: "not interested" on the video. */
  notInterested: number;
}

export interface ForYouParams {
  signals: SignalWeights;
  /** How many of the viewer's latest signals each new signal is paired with (bounded work). */
  coWatchWindow: number;
  /** A pair `gap` positions apart gets gapDecay^(gap-1). */
  coWatchGapDecay: number;
  /** Weight of the reverse direction (watched after -> before) relative to forward. */
  coWatchBackwardWeight: number;
  /**
   * Neighbours kept per video (a bounded list; see co-watch-list.ts): 4 x the 50 the server
   * reads. A list 4 x its read measured as an unbounded one on ml-100k; 2 x lost a little, 1 x a
   * quarter of the NDCG (the churning tail is read).
   */
  coWatchCapacity: number;
  /** Neighbours read per recent video (the server reads the top ones by weight). */
  neighboursPerVideo: number;
  /** How many recent videos seed the co-watch source; the k-th newest weighs recencyDecay^k. */
  historyWindow: number;
  recencyDecay: number;
  /** Co-watch similarity = weight / (sourceTotal^sourceExponent * candidateTotal^candidateExponent). */
  sourceExponent: number;
  candidateExponent: number;
  affinityHalfLifeMs: number;
  trendingHalfLifeMs: number;
  /** Creator affinity added by "not interested" (strongly negative) and by a follow. */
  notInterestedCreatorAffinity: number;
  followCreatorAffinity: number;
  /** A creator whose affinity is below this is left out of the page. */
  excludedCreatorAffinity: number;
  weights: {
    coWatch: number;
    popularity: number;
    trending: number;
    creatorAffinity: number;
    hashtagAffinity: number;
    followed: number;
    /** Multiplier slope on (predicted watch ratio - prior). */
    watchQuality: number;
  };
  /** Beta prior of the predicted watch ratio: mean and strength in views. */
  watchRatioPrior: number;
  watchRatioPriorViews: number;
  /** Share of slots given to fresh uploads still in their bounded first exposure. */
  explorationRate: number;
  /** Impressions after which a fresh upload stops being explored. */
  freshImpressionCap: number;
  /** Hashtag-set Jaccard at or above which two videos count as near-duplicates (>= 3 tags). */
  nearDuplicateJaccard: number;
  maxVideosPerCreator: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const DEFAULT_FOR_YOU_PARAMS: ForYouParams = {
  signals: {
    watch: 1,
    minWatchRatio: 0.2,
    replay: 0.5,
    maxReplays: 3,
    like: 1,
    comment: 1,
    share: 1.5,
    save: 1.5,
    follow: 2,
    quickSkip: -0.5,
    notInterested: -4,
  },
  coWatchWindow: 20,
  coWatchGapDecay: 0.95,
  coWatchBackwardWeight: 0.3,
  coWatchCapacity: 200,
  neighboursPerVideo: 200,
  historyWindow: 30,
  recencyDecay: 0.7,
  sourceExponent: 0.5,
  candidateExponent: 0.5,
  affinityHalfLifeMs: 14 * DAY_MS,
  trendingHalfLifeMs: 2 * DAY_MS,
  notInterestedCreatorAffinity: -10,
  followCreatorAffinity: 3,
  excludedCreatorAffinity: -3,
  weights: {
    coWatch: 1,
    popularity: 0.1,
    trending: 0.3,
    creatorAffinity: 0.4,
    hashtagAffinity: 0.4,
    followed: 0.3,
    watchQuality: 0.5,
  },
  watchRatioPrior: 0.5,
  watchRatioPriorViews: 10,
  explorationRate: 0.1,
  freshImpressionCap: 500,
  nearDuplicateJaccard: 0.8,
  maxVideosPerCreator: 3,
};

/** Defaults with some fields replaced (nested `signals` and `weights` merge too). */
export function makeForYouParams(overrides: PartialForYouParams = {}): ForYouParams {
  return {
    ...DEFAULT_FOR_YOU_PARAMS,
    ...overrides,
    signals: { ...DEFAULT_FOR_YOU_PARAMS.signals, ...overrides.signals },
    weights: { ...DEFAULT_FOR_YOU_PARAMS.weights, ...overrides.weights },
  };
}

export type PartialForYouParams = Partial<Omit<ForYouParams, 'signals' | 'weights'>> & {
  signals?: Partial<SignalWeights>;
  weights?: Partial<ForYouParams['weights']>;
};

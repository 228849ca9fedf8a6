// Hyper-parameters of every method, ours included, chosen on a validation split carved from the
// training log (each user's latest interactions), never on the test data. Criterion: NDCG@k.
import { makeForYouParams } from '@shortwave/ranking';
import type { ForYouPageRequest, PartialForYouParams } from '@shortwave/ranking';
import { createEase } from './baselines/ease.js';
import { createItemKnn } from './baselines/item-knn.js';
import { createRecentlyPopular } from './baselines/popular.js';
import { buildTestUsers, evaluateUsers, fitAndEvaluate, sampleUsers } from './evaluate.js';
import type { TestUser } from './evaluate.js';
import { holdOutLatest } from './interactions.js';
import type { Interaction } from './interactions.js';
import type { BenchMethod } from './method.js';
import type { RankingMetrics } from './metrics.js';
import { runReplay } from './replay.js';
import { createShortwaveMethod } from './shortwave.js';

export interface TuningGrids {
  easeLambdas: number[];
  knnSizes: number[];
  /** Recently-popular half-lives as fractions of the training log's time span. */
  halfLifeFractions: number[];
}

export interface TunedSettings {
  easeLambda: number;
  knnSize: number;
  halfLifeSeconds: number;
  shortwave: PartialForYouParams;
  /** Validation NDCG of every setting tried, for the report. */
  trials: { method: string; setting: string; ndcg: number; recall: number }[];
}

export const DEFAULT_GRIDS: TuningGrids = {
  easeLambdas: [20, 100, 500],
  knnSizes: [20, 100, 400],
  halfLifeFractions: [0.02, 0.1, 0.5],
};

/** Learning settings of ours tried on validation: how much the reverse direction of a pair counts. */
export const SHORTWAVE_LEARNING: PartialForYouParams[] = [0.1, 0.3, 1].map(
  (coWatchBackwardWeight) => ({
    coWatchBackwardWeight,
  }),
);

/**
 * Scoring-only settings of ours tried on validation. (a, b) = (0, 0) scores raw co-watch weight,
 * which carries the candidate's popularity; recencyDecay 0.9 lets older recent videos count more.
 */
export const SHORTWAVE_GRID: PartialForYouParams[] = [0.7, 0.9].flatMap((recencyDecay) =>
  [0.03, 0.3, 1, 3, 10].flatMap((popularity) =>
    [
      { sourceExponent: 0.5, candidateExponent: 0.5 },
      { sourceExponent: 1, candidateExponent: 0 },
      { sourceExponent: 0, candidateExponent: 0 },
    ].flatMap((exponents) =>
      [0, 0.3, 1].map((trending) => ({
        recencyDecay,
        ...exponents,
        weights: { popularity, trending },
      })),
    ),
  ),
);

export type TuningProtocol = 'replay' | 'train-test';

export interface TuneOptions {
  k: number;
  fraction: number;
  seed: number;
  maxUsers: number;
  grids: TuningGrids;
  /**
   * The protocol the settings are for. Incremental methods (recently popular, ours) are validated
   * under it: in a replay each validation user is ranked at the instant of their first held-out
   * interaction, where "trending now" means something else than at the end of the log. Batch
   * methods are validated train/test either way (a replay of their refits costs a fit per refit).
   */
  protocol: TuningProtocol;
  log: (line: string) => void;
}

type Trial = TunedSettings['trials'][number];

export function tuneOnValidation(
  train: readonly Interaction[],
  options: TuneOptions,
): TunedSettings {
  const { kept, heldOut } = holdOutLatest(train, options.fraction);
  const now = kept.reduce((latest, interaction) => Math.max(latest, interaction.timestamp), 0);
  const users = sampleUsers(buildTestUsers(kept, heldOut, now), options.maxUsers, options.seed);
  const trials: Trial[] = [];
  const record = (method: string, value: unknown, metrics: RankingMetrics): void => {
    const setting = JSON.stringify(value);
    trials.push({ method, setting, ndcg: metrics.ndcg, recall: metrics.recall });
    options.log(`  tune ${method} ${setting}: ndcg ${metrics.ndcg.toFixed(4)}`);
  };
  /** The value with the best validation NDCG, given every value's metrics in order. */
  const choose = <T>(method: string, values: T[], metrics: RankingMetrics[]): T => {
    let best = 0;
    values.forEach((value, index) => {
      const measured = metrics[index] ?? metrics[0]!;
      record(method, value, measured);
      if (measured.ndcg > (metrics[best]?.ndcg ?? -1)) best = index;
    });
    return values[best] as T;
  };
  const trainTest = (method: BenchMethod): RankingMetrics =>
    fitAndEvaluate(method, kept, users, options.k, false).metrics;
  const replay = (methods: BenchMethod[]): RankingMetrics[] =>
    runReplay(train, methods, {
      fraction: options.fraction,
      refitEvery: 1,
      k: options.k,
      hasWeights: false,
      maxUsers: options.maxUsers,
      seed: options.seed,
    }).results.map((result) => result.metrics);

  const span = Math.max(1, now - (kept[0]?.timestamp ?? 0));
  const halfLives = options.grids.halfLifeFractions.map((fraction) => fraction * span);
  const popularMethods = halfLives.map((halfLife) => createRecentlyPopular(halfLife));
  const halfLifeSeconds = choose(
    'recently-popular',
    halfLives,
    options.protocol === 'replay' ? replay(popularMethods) : popularMethods.map(trainTest),
  );
  const knnSize = choose(
    'item-knn',
    options.grids.knnSizes,
    options.grids.knnSizes.map((size) => trainTest(createItemKnn(size))),
  );
  const easeLambda = choose(
    'ease-r',
    options.grids.easeLambdas,
    options.grids.easeLambdas.map((lambda) => trainTest(createEase(lambda))),
  );

  // Ours learns once per learning setting; every scoring setting ranks the same collected
  // requests. Our trending counter decays with the half-life validation chose for recently
  // popular (a learning setting: the counters decay as they are stored).
  let shortwave: PartialForYouParams = {};
  let bestNdcg = -1;
  for (const backward of SHORTWAVE_LEARNING) {
    const learning: PartialForYouParams = {
      ...backward,
      trendingHalfLifeMs: halfLifeSeconds * 1000,
    };
    const metrics =
      options.protocol === 'replay'
        ? replayShortwave(learning, SHORTWAVE_GRID, replay, options.seed)
        : evaluateShortwave(kept, users, learning, SHORTWAVE_GRID, options);
    SHORTWAVE_GRID.forEach((scoring, index) => {
      const overrides: PartialForYouParams = { ...learning, ...scoring };
      const measured = metrics[index];
      if (measured === undefined) return;
      record('shortwave', overrides, measured);
      if (measured.ndcg > bestNdcg) {
        bestNdcg = measured.ndcg;
        shortwave = overrides;
      }
    });
  }
  return { easeLambda, knnSize, halfLifeSeconds, shortwave, trials };
}

/** Train/test validation of ours: learn `kept` once, rank each user's request per scoring. */
function evaluateShortwave(
  kept: readonly Interaction[],
  users: readonly TestUser[],
  learning: PartialForYouParams,
  scorings: readonly PartialForYouParams[],
  options: TuneOptions,
): RankingMetrics[] {
  const ours = createShortwaveMethod(makeForYouParams(learning), options.seed);
  for (const interaction of kept) ours.observe(interaction);
  const requests = users.map((user) => ours.collect(user.user, user.now, options.k, user.exclude));
  return scorings.map((scoring) => {
    const params = makeForYouParams({ ...learning, ...scoring });
    let index = 0;
    return evaluateUsers(
      () => ours.rankRequest(requests[index++] ?? requests[0]!, params),
      users,
      options.k,
      false,
    ).metrics;
  });
}

/**
 * Replay validation of ours: one store learns the stream, and one bench method per scoring
 * ranks the request collected for that user at that instant (collected once, by whichever
 * method is asked first).
 */
export function replayShortwave(
  learning: PartialForYouParams,
  scorings: readonly PartialForYouParams[],
  replay: (methods: BenchMethod[]) => RankingMetrics[],
  seed: number,
): RankingMetrics[] {
  const ours = createShortwaveMethod(makeForYouParams(learning), seed);
  let asked: { key: string; request: ForYouPageRequest } | undefined;
  const methods = scorings.map((scoring, position): BenchMethod => {
    const params = makeForYouParams({ ...learning, ...scoring });
    return {
      name: `shortwave-${position}`,
      settings: {},
      observe: position === 0 ? (interaction) => ours.observe(interaction) : () => undefined,
      refit: () => undefined,
      recommend(user, now, k, exclude) {
        const key = `${user}@${now}`;
        if (asked?.key !== key) asked = { key, request: ours.collect(user, now, k, exclude) };
        return ours.rankRequest(asked.request, params);
      },
    };
  });
  return replay(methods);
}

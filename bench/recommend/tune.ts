// Hyper-parameters of every method, ours included, chosen on a validation split carved from the
// training log (each user's latest interactions), never on the test data. Criterion: NDCG@k.
import { makeForYouParams } from '@shortwave/ranking';
import type { PartialForYouParams } from '@shortwave/ranking';
import { createEase } from './baselines/ease.js';
import { createItemKnn } from './baselines/item-knn.js';
import { createRecentlyPopular } from './baselines/popular.js';
import { buildTestUsers, evaluateUsers, fitAndEvaluate, sampleUsers } from './evaluate.js';
import { holdOutLatest } from './interactions.js';
import type { Interaction } from './interactions.js';
import type { BenchMethod } from './method.js';
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

/** Scoring-only settings of ours tried on validation (learning settings stay the defaults). */
export const SHORTWAVE_GRID: PartialForYouParams[] = [0.03, 0.3, 1, 3, 10].flatMap((popularity) =>
  [
    { sourceExponent: 0.5, candidateExponent: 0.5 },
    { sourceExponent: 1, candidateExponent: 0 },
  ].flatMap((exponents) =>
    [0, 0.3].map((trending) => ({ ...exponents, weights: { popularity, trending } })),
  ),
);

export interface TuneOptions {
  k: number;
  fraction: number;
  seed: number;
  maxUsers: number;
  grids: TuningGrids;
  log: (line: string) => void;
}

export function tuneOnValidation(
  train: readonly Interaction[],
  options: TuneOptions,
): TunedSettings {
  const { kept, heldOut } = holdOutLatest(train, options.fraction);
  const now = kept.reduce((latest, interaction) => Math.max(latest, interaction.timestamp), 0);
  const users = sampleUsers(buildTestUsers(kept, heldOut, now), options.maxUsers, options.seed);
  const trials: TunedSettings['trials'] = [];
  const pick = <T>(method: string, values: T[], build: (value: T) => BenchMethod): T => {
    let best = values[0] as T;
    let bestNdcg = -1;
    for (const value of values) {
      const result = fitAndEvaluate(build(value), kept, users, options.k, false);
      const setting = JSON.stringify(value);
      trials.push({ method, setting, ndcg: result.metrics.ndcg, recall: result.metrics.recall });
      options.log(
        `  tune ${method} ${setting}: ndcg ${result.metrics.ndcg.toFixed(4)} (${Math.round(result.refitMs)} ms fit)`,
      );
      if (result.metrics.ndcg > bestNdcg) {
        bestNdcg = result.metrics.ndcg;
        best = value;
      }
    }
    return best;
  };
  const span = Math.max(1, now - (kept[0]?.timestamp ?? 0));
  const halfLifeSeconds = pick(
    'recently-popular',
    options.grids.halfLifeFractions.map((fraction) => fraction * span),
    (halfLife) => createRecentlyPopular(halfLife),
  );
  const knnSize = pick('item-knn', options.grids.knnSizes, (size) => createItemKnn(size));
  const easeLambda = pick('ease-r', options.grids.easeLambdas, (lambda) => createEase(lambda));

  // Ours learns once per learning setting; scoring settings reuse each user's collected request.
  let shortwave: PartialForYouParams = {};
  let bestNdcg = -1;
  for (const learning of SHORTWAVE_LEARNING) {
    const ours = createShortwaveMethod(makeForYouParams(learning), options.seed);
    for (const interaction of kept) ours.observe(interaction);
    const requests = users.map((user) =>
      ours.collect(user.user, user.now, options.k, user.exclude),
    );
    for (const scoring of SHORTWAVE_GRID) {
      const overrides: PartialForYouParams = { ...learning, ...scoring };
      const params = makeForYouParams(overrides);
      let index = 0;
      const { metrics } = evaluateUsers(
        () => ours.rankRequest(requests[index++] ?? requests[0]!, params),
        users,
        options.k,
        false,
      );
      const setting = JSON.stringify(overrides);
      trials.push({ method: 'shortwave', setting, ndcg: metrics.ndcg, recall: metrics.recall });
      options.log(`  tune shortwave ${setting}: ndcg ${metrics.ndcg.toFixed(4)}`);
      if (metrics.ndcg > bestNdcg) {
        bestNdcg = metrics.ndcg;
        shortwave = overrides;
      }
    }
  }
  return { easeLambda, knnSize, halfLifeSeconds, shortwave, trials };
}

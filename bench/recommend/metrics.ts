// Top-k accuracy metrics, per user then averaged over users (docs/recommendation.md defines each).

export interface RankingMetrics {
  recall: number;
  ndcg: number;
  map: number;
  /** Recall with each test item counted by its weight (watch ratio); null without weights. */
  weightedRecall: number | null;
}

/**
 * Metrics of one ranked list against a user's test items (item -> weight).
 * Recall@k = hits / |test|; NDCG@k = DCG / ideal DCG with binary gains and log2(rank + 1)
 * discounts; MAP@k = (sum over hit ranks r of precision@r) / min(k, |test|).
 */
export function measureRanking(
  ranked: readonly number[],
  test: ReadonlyMap<number, number>,
  k: number,
): RankingMetrics {
  if (test.size === 0) throw new Error('a user without test items has no metrics');
  let hits = 0;
  let dcg = 0;
  let precisionSum = 0;
  let weightHit = 0;
  const top = ranked.slice(0, k);
  top.forEach((item, index) => {
    const weight = test.get(item);
    if (weight === undefined) return;
    hits += 1;
    dcg += 1 / Math.log2(index + 2);
    precisionSum += hits / (index + 1);
    weightHit += weight;
  });
  let idealDcg = 0;
  for (let index = 0; index < Math.min(k, test.size); index += 1)
    idealDcg += 1 / Math.log2(index + 2);
  let weightTotal = 0;
  for (const weight of test.values()) weightTotal += weight;
  return {
    recall: hits / test.size,
    ndcg: dcg / idealDcg,
    map: precisionSum / Math.min(k, test.size),
    weightedRecall: weightTotal > 0 ? weightHit / weightTotal : 0,
  };
}

/** Mean of each metric over users; weightedRecall stays null unless asked for. */
export function averageMetrics(
  perUser: readonly RankingMetrics[],
  hasWeights: boolean,
): RankingMetrics {
  const count = Math.max(1, perUser.length);
  const sum = (pick: (metrics: RankingMetrics) => number): number =>
    perUser.reduce((total, metrics) => total + pick(metrics), 0) / count;
  return {
    recall: sum((metrics) => metrics.recall),
    ndcg: sum((metrics) => metrics.ndcg),
    map: sum((metrics) => metrics.map),
    weightedRecall: hasWeights ? sum((metrics) => metrics.weightedRecall ?? 0) : null,
  };
}

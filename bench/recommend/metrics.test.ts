import { describe, expect, it } from 'vitest';
import { averageMetrics, measureRanking } from './metrics.js';

describe('ranking metrics', () => {
  // ranked 1,2,3 against test {2,4,9}: one hit, at rank 2.
  const metrics = measureRanking(
    [1, 2, 3, 4],
    new Map([
      [2, 1],
      [4, 1],
      [9, 1],
    ]),
    3,
  );

  it('counts recall as hits in the top k over all of the user test items', () => {
    expect(metrics.recall).toBeCloseTo(1 / 3);
  });

  it('discounts a hit at rank r by log2(r + 1) and divides by the ideal DCG', () => {
    const ideal = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(metrics.ndcg).toBeCloseTo(1 / Math.log2(3) / ideal);
  });

  it('averages the precision at each hit over min(k, test items)', () => {
    expect(metrics.map).toBeCloseTo(0.5 / 3);
  });

  it('gives a perfect list 1 on every metric', () => {
    const perfect = measureRanking(
      [5, 6],
      new Map([
        [5, 1],
        [6, 1],
      ]),
      20,
    );
    expect(perfect).toEqual({ recall: 1, ndcg: 1, map: 1, weightedRecall: 1 });
  });

  it('weights recall by watch ratio when the data has weights', () => {
    const weighted = measureRanking(
      [1],
      new Map([
        [1, 0.9],
        [2, 0.1],
      ]),
      20,
    );
    expect(weighted.weightedRecall).toBeCloseTo(0.9);
    expect(averageMetrics([weighted], false).weightedRecall).toBeNull();
  });

  it('averages over users, not over items', () => {
    const a = measureRanking([1], new Map([[1, 1]]), 20);
    const b = measureRanking(
      [1],
      new Map([
        [2, 1],
        [3, 1],
        [4, 1],
      ]),
      20,
    );
    expect(averageMetrics([a, b], false).recall).toBeCloseTo(0.5);
  });
});

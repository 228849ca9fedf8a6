import { describe, expect, it } from 'vitest';
import { computeEaseWeights, createEase } from './baselines/ease.js';
import { invertSymmetricPositiveDefinite } from './linear-algebra.js';

// Users {0,1}, {1,2}, {0,1,2}: G = X^T X = [[2,2,1],[2,3,2],[1,2,2]]. With lambda = 1,
// G + I = [[3,2,1],[2,4,2],[1,2,3]], determinant 16, inverse (adjugate / 16)
// P = [[.5,-.25,0],[-.25,.5,-.25],[0,-.25,.5]], so B = -P / diag(P) off the diagonal.
const gram = Float64Array.from([2, 2, 1, 2, 3, 2, 1, 2, 2]);

describe('EASE-R', () => {
  it('inverts a symmetric positive-definite matrix exactly on a 3x3 example', () => {
    const inverse = invertSymmetricPositiveDefinite(
      Float64Array.from([3, 2, 1, 2, 4, 2, 1, 2, 3]),
      3,
    );
    [0.5, -0.25, 0, -0.25, 0.5, -0.25, 0, -0.25, 0.5].forEach((value, index) =>
      expect(inverse[index]).toBeCloseTo(value, 12),
    );
  });

  it('computes B = I - P / diag(P) with a zero diagonal', () => {
    const weights = computeEaseWeights(gram, 3, 1);
    [0, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0].forEach((value, index) =>
      expect(weights[index]).toBeCloseTo(value, 12),
    );
  });

  it('recommends the only unseen item a user co-occurs with', () => {
    const ease = createEase(1);
    const rows = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
      [2, 2],
    ];
    rows.forEach(([user, item], line) =>
      ease.observe({ user: user!, item: item!, timestamp: line, weight: 1, line }),
    );
    ease.refit();
    expect(ease.recommend(0, 10, 5, new Set([0, 1]))).toEqual([2]);
  });
});

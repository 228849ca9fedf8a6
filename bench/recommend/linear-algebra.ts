// Dense symmetric positive-definite inversion for EASE-R in Float64Array (row-major). Inner
// loops run over contiguous rows and work on four rows at once, so each row streamed from
// memory feeds four multiply-adds: the matrices here (thousands of items) do not fit in cache.

export class NotPositiveDefiniteError extends Error {}

/**
 * Returns A^-1 for a symmetric positive-definite n x n matrix (`a` is not changed):
 * A = L L^T (Cholesky), W = L^-1, A^-1 = W^T W, about n^3 / 2 multiply-adds in all.
 */
export function invertSymmetricPositiveDefinite(a: Float64Array, n: number): Float64Array {
  const lower = factorCholesky(a, n);
  const inverseLower = invertLowerTriangular(lower, n);
  return multiplyTransposeBySelf(inverseLower, n);
}

/** Cholesky-Banachiewicz: L[i][j] = (A[i][j] - L[i][:j] . L[j][:j]) / L[j][j], rows in fours. */
export function factorCholesky(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    // Columns left of the block: four dot products share each streamed row j.
    for (let j = 0; j < i0; j += 1) {
      const rj = j * n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const r0 = i0 * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      if (rows === 4) {
        for (let k = 0; k < j; k += 1) {
          const v = l[rj + k]!;
          s0 += l[r0 + k]! * v;
          s1 += l[r1 + k]! * v;
          s2 += l[r2 + k]! * v;
          s3 += l[r3 + k]! * v;
        }
      } else {
        for (let k = 0; k < j; k += 1) {
          const v = l[rj + k]!;
          s0 += l[r0 + k]! * v;
          if (rows > 1) s1 += l[r1 + k]! * v;
          if (rows > 2) s2 += l[r2 + k]! * v;
        }
      }
      const d = l[rj + j]!;
      const sums = [s0, s1, s2, s3];
      for (let r = 0; r < rows; r += 1) {
        const ri = (i0 + r) * n;
        l[ri + j] = (a[ri + j]! - sums[r]!) / d;
      }
    }
    // The block's own triangle.
    for (let r = 0; r < rows; r += 1) {
      const i = i0 + r;
      const ri = i * n;
      for (let j = i0; j <= i; j += 1) {
        const rj = j * n;
        let sum = a[ri + j]!;
        for (let k = 0; k < j; k += 1) sum -= l[ri + k]! * l[rj + k]!;
        if (i === j) {
          if (!(sum > 0)) throw new NotPositiveDefiniteError(`pivot ${i} is ${sum}`);
          l[ri + i] = Math.sqrt(sum);
        } else {
          l[ri + j] = sum / l[rj + j]!;
        }
      }
    }
  }
  return l;
}

/** W = L^-1 row by row: W[i] = (e_i - sum_{k<i} L[i][k] W[k]) / L[i][i], rows in fours. */
export function invertLowerTriangular(l: Float64Array, n: number): Float64Array {
  const w = new Float64Array(n * n);
  const scratch = new Float64Array(4 * n);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    scratch.fill(0);
    for (let k = 0; k < i0; k += 1) {
      const rk = k * n;
      const f0 = l[i0 * n + k]!;
      const f1 = rows > 1 ? l[(i0 + 1) * n + k]! : 0;
      const f2 = rows > 2 ? l[(i0 + 2) * n + k]! : 0;
      const f3 = rows > 3 ? l[(i0 + 3) * n + k]! : 0;
      for (let j = 0; j <= k; j += 1) {
        const v = w[rk + j]!;
        scratch[j] = scratch[j]! + f0 * v;
        scratch[n + j] = scratch[n + j]! + f1 * v;
        scratch[2 * n + j] = scratch[2 * n + j]! + f2 * v;
        scratch[3 * n + j] = scratch[3 * n + j]! + f3 * v;
      }
    }
    for (let r = 0; r < rows; r += 1) {
      const i = i0 + r;
      const ri = i * n;
      const sr = r * n;
      for (let k = i0; k < i; k += 1) {
        const factor = l[ri + k]!;
        const rk = k * n;
        for (let j = 0; j <= k; j += 1) scratch[sr + j] = scratch[sr + j]! + factor * w[rk + j]!;
      }
      const diagonal = l[ri + i]!;
      for (let j = 0; j < i; j += 1) w[ri + j] = -scratch[sr + j]! / diagonal;
      w[ri + i] = 1 / diagonal;
    }
  }
  return w;
}

/** W^T W for lower-triangular W: P[i][:i] += W[k][i] W[k][:i] over k >= i, four k at a time. */
export function multiplyTransposeBySelf(w: Float64Array, n: number): Float64Array {
  const p = new Float64Array(n * n);
  for (let k0 = 0; k0 < n; k0 += 4) {
    const count = Math.min(4, n - k0);
    const r0 = k0 * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    for (let i = 0; i < k0 + count; i += 1) {
      const f0 = w[r0 + i]!;
      const f1 = count > 1 ? w[r1 + i]! : 0;
      const f2 = count > 2 ? w[r2 + i]! : 0;
      const f3 = count > 3 ? w[r3 + i]! : 0;
      if (f0 === 0 && f1 === 0 && f2 === 0 && f3 === 0) continue;
      const ri = i * n;
      if (count === 4) {
        for (let j = 0; j <= i; j += 1) {
          p[ri + j] =
            p[ri + j]! + f0 * w[r0 + j]! + f1 * w[r1 + j]! + f2 * w[r2 + j]! + f3 * w[r3 + j]!;
        }
      } else {
        for (let j = 0; j <= i; j += 1) {
          let sum = p[ri + j]! + f0 * w[r0 + j]!;
          if (count > 1) sum += f1 * w[r1 + j]!;
          if (count > 2) sum += f2 * w[r2 + j]!;
          p[ri + j] = sum;
        }
      }
    }
  }
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < i; j += 1) p[j * n + i] = p[i * n + j]!;
  }
  return p;
}

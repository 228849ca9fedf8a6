// EASE-R (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): B = I - P /
// diag(P) with P = (X^T X + lambda I)^-1, diag(B) = 0; a user's scores are x_u B. The Gram matrix
// is block-diagonal over connected groups of co-occurring items, so each group is inverted alone.
import type { Interaction } from '../interactions.js';
import { invertSymmetricPositiveDefinite } from '../linear-algebra.js';
import { selectTopItems, UserHistories } from '../method.js';
import type { BenchMethod } from '../method.js';

interface ItemGroup {
  items: number[];
  /** Row-major weights among the group's items, `items.length` squared. */
  weights: Float64Array;
}

export function createEase(lambda: number): BenchMethod {
  const histories = new UserHistories();
  let groupOf = new Int32Array(0);
  let positionOf = new Int32Array(0);
  let groups: ItemGroup[] = [];
  let scores = new Float64Array(0);
  let lastFitMs = 0;
  let largestGroup = 0;
  const method: BenchMethod & { settings: Record<string, number> } = {
    name: 'ease-r',
    settings: { lambda },
    observe: (interaction: Interaction) => void histories.add(interaction),
    refit() {
      const started = performance.now();
      const n = histories.itemCount;
      const itemGroups = groupCooccurringItems(histories, n);
      groupOf = new Int32Array(n).fill(-1);
      positionOf = new Int32Array(n);
      groups = [];
      for (const items of itemGroups) {
        if (items.length < 2) continue;
        const index = groups.length;
        items.forEach((item, position) => {
          groupOf[item] = index;
          positionOf[item] = position;
        });
        groups.push({ items, weights: new Float64Array(0) });
      }
      const grams = groups.map(
        (group) => new Float64Array(group.items.length * group.items.length),
      );
      for (const items of histories.items.values()) {
        const first = items[0];
        if (first === undefined) continue;
        const gram = grams[groupOf[first] ?? -1];
        if (gram === undefined) continue;
        const size = Math.sqrt(gram.length);
        for (const a of items) {
          const row = (positionOf[a] ?? 0) * size;
          for (const b of items)
            gram[row + (positionOf[b] ?? 0)] = (gram[row + (positionOf[b] ?? 0)] ?? 0) + 1;
        }
      }
      largestGroup = 0;
      groups.forEach((group, index) => {
        const size = group.items.length;
        largestGroup = Math.max(largestGroup, size);
        group.weights = computeEaseWeights(grams[index] ?? new Float64Array(0), size, lambda);
      });
      scores = new Float64Array(n);
      lastFitMs = performance.now() - started;
      method.settings.lastFitMs = Math.round(lastFitMs);
      method.settings.largestItemGroup = largestGroup;
    },
    recommend(user, _now, k, exclude) {
      scores.fill(0);
      for (const item of histories.historyOf(user)) {
        const group = groups[groupOf[item] ?? -1];
        if (group === undefined) continue;
        const size = group.items.length;
        const row = (positionOf[item] ?? 0) * size;
        for (let position = 0; position < size; position += 1) {
          const target = group.items[position] ?? 0;
          scores[target] = (scores[target] ?? 0) + (group.weights[row + position] ?? 0);
        }
      }
      return selectTopItems(scores, histories.counts, k, exclude);
    },
  };
  return method;
}

/** B = I - P / diag(P), P = (G + lambda I)^-1, zero diagonal (row i: item i's weights). */
export function computeEaseWeights(gram: Float64Array, size: number, lambda: number): Float64Array {
  const regularised = Float64Array.from(gram);
  for (let i = 0; i < size; i += 1)
    regularised[i * size + i] = (regularised[i * size + i] ?? 0) + lambda;
  const weights = invertSymmetricPositiveDefinite(regularised, size);
  for (let j = 0; j < size; j += 1) {
    const diagonal = weights[j * size + j] ?? 1;
    for (let i = 0; i < size; i += 1)
      weights[i * size + j] = -(weights[i * size + j] ?? 0) / diagonal;
  }
  for (let i = 0; i < size; i += 1) weights[i * size + i] = 0;
  return weights;
}

/** Connected components of the "seen by the same user" graph (union-find over histories). */
function groupCooccurringItems(histories: UserHistories, n: number): number[][] {
  const parent = Int32Array.from({ length: n }, (_, index) => index);
  const find = (item: number): number => {
    let root = item;
    while ((parent[root] ?? root) !== root) root = parent[root] ?? root;
    while ((parent[item] ?? item) !== root) {
      const next = parent[item] ?? item;
      parent[item] = root;
      item = next;
    }
    return root;
  };
  for (const items of histories.items.values()) {
    const first = items[0];
    if (first === undefined) continue;
    for (const item of items) {
      const a = find(first);
      const b = find(item);
      if (a !== b) parent[b] = a;
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let item = 0; item < n; item += 1) {
    if ((histories.counts[item] ?? 0) === 0) continue;
    const root = find(item);
    const list = byRoot.get(root);
    if (list === undefined) byRoot.set(root, [item]);
    else list.push(item);
  }
  return [...byRoot.values()];
}

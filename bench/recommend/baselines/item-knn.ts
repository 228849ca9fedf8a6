// Item-kNN baseline: cosine similarity of items' user sets, the k nearest kept per item, a
// user's score for an item the sum of its similarities to the user's items. Batch: refit() rebuilds.
import type { Interaction } from '../interactions.js';
import { selectTopItems, UserHistories } from '../method.js';
import type { BenchMethod } from '../method.js';

export function createItemKnn(neighbourCount: number): BenchMethod {
  const histories = new UserHistories();
  let itemCount = 0;
  let neighbourIds = new Int32Array(0);
  let neighbourWeights = new Float64Array(0);
  let scores = new Float64Array(0);
  return {
    name: 'item-knn',
    settings: { k: neighbourCount },
    observe: (interaction: Interaction) => void histories.add(interaction),
    refit() {
      itemCount = histories.itemCount;
      const n = itemCount;
      const cooccurrence = new Float32Array(n * n);
      for (const items of histories.items.values()) {
        for (const a of items) {
          const row = a * n;
          for (const b of items)
            if (a !== b) cooccurrence[row + b] = (cooccurrence[row + b] ?? 0) + 1;
        }
      }
      const counts = histories.counts;
      neighbourIds = new Int32Array(n * neighbourCount).fill(-1);
      neighbourWeights = new Float64Array(n * neighbourCount);
      const candidates: { item: number; similarity: number }[] = [];
      for (let a = 0; a < n; a += 1) {
        candidates.length = 0;
        const row = a * n;
        const countA = counts[a] ?? 0;
        for (let b = 0; b < n; b += 1) {
          const together = cooccurrence[row + b] ?? 0;
          if (together === 0) continue;
          candidates.push({ item: b, similarity: together / Math.sqrt(countA * (counts[b] ?? 1)) });
        }
        candidates.sort((x, y) => y.similarity - x.similarity || x.item - y.item);
        const kept = Math.min(neighbourCount, candidates.length);
        for (let index = 0; index < kept; index += 1) {
          const candidate = candidates[index];
          if (candidate === undefined) break;
          neighbourIds[a * neighbourCount + index] = candidate.item;
          neighbourWeights[a * neighbourCount + index] = candidate.similarity;
        }
      }
      scores = new Float64Array(n);
    },
    recommend(user, _now, k, exclude) {
      scores.fill(0);
      for (const item of histories.historyOf(user)) {
        if (item >= itemCount) continue;
        for (let index = 0; index < neighbourCount; index += 1) {
          const neighbour = neighbourIds[item * neighbourCount + index] ?? -1;
          if (neighbour < 0) break;
          scores[neighbour] =
            (scores[neighbour] ?? 0) + (neighbourWeights[item * neighbourCount + index] ?? 0);
        }
      }
      return selectTopItems(scores, histories.counts, k, exclude);
    },
  };
}

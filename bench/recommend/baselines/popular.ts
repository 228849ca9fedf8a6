// Non-personalised baselines: most popular (all-time interaction counts) and recently popular
// (counts decayed with a half-life, so last week's hits outrank last year's).
import type { Interaction } from '../interactions.js';
import { selectTopItems, UserHistories } from '../method.js';
import type { BenchMethod } from '../method.js';

export function createMostPopular(): BenchMethod {
  const histories = new UserHistories();
  const none = new Float64Array(0);
  return {
    name: 'most-popular',
    settings: {},
    observe: (interaction) => void histories.add(interaction),
    refit: () => undefined,
    recommend: (_user, _now, k, exclude) => selectTopItems(histories.counts, none, k, exclude),
  };
}

/** Decayed counts stored as log-keys (log2 count + t / halfLife), which never need rescaling. */
export function createRecentlyPopular(halfLifeSeconds: number): BenchMethod {
  const histories = new UserHistories();
  let keys = new Float64Array(0);
  let scores = new Float64Array(0);
  const addAt = (item: number, timestamp: number): void => {
    if (item >= keys.length) {
      const grown = new Float64Array(Math.max(item + 1, keys.length * 2)).fill(
        Number.NEGATIVE_INFINITY,
      );
      grown.set(keys);
      keys = grown;
    }
    const key = keys[item] ?? Number.NEGATIVE_INFINITY;
    const add = timestamp / halfLifeSeconds;
    // log2(2^key + 2^add) without overflow
    const high = Math.max(key, add);
    keys[item] = high + Math.log2(Math.pow(2, key - high) + Math.pow(2, add - high));
  };
  return {
    name: 'recently-popular',
    settings: { halfLifeDays: Number((halfLifeSeconds / 86_400).toPrecision(3)) },
    observe(interaction: Interaction) {
      if (histories.add(interaction)) addAt(interaction.item, interaction.timestamp);
    },
    refit: () => undefined,
    recommend(_user, _now, k, exclude) {
      if (scores.length !== keys.length) scores = new Float64Array(keys.length);
      let max = Number.NEGATIVE_INFINITY;
      for (const key of keys) max = Math.max(max, key);
      for (let item = 0; item < keys.length; item += 1) {
        scores[item] = Math.pow(2, (keys[item] ?? Number.NEGATIVE_INFINITY) - max);
      }
      return selectTopItems(scores, histories.counts, k, exclude);
    },
  };
}

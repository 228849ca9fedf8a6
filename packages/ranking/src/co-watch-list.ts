// A video's co-watch neighbours as one bounded list, heaviest first: what the feed reads (the
// heaviest few) and what learning rewrites (one row per video touched, not one per pair).
// Bounded by weighted Space-Saving (Metwally, Agrawal, El Abbadi 2005): when the list is full, a
// new neighbour takes the lightest entry's place with that entry's weight plus its own, so a
// neighbour whose true weight exceeds total / capacity is always kept, however late it comes.

export interface CoWatchList {
  neighbourIds: string[];
  weights: number[];
}

/** Adds increments (neighbour id, weight) to a video's weights in place, keeping `capacity`. */
export function addCoWatchWeights(
  weights: Map<string, number>,
  increments: Iterable<readonly [string, number]>,
  capacity: number,
): void {
  const newcomers: [string, number][] = [];
  for (const [id, increment] of increments) {
    const weight = weights.get(id);
    if (weight !== undefined) weights.set(id, weight + increment);
    else newcomers.push([id, increment]);
  }
  // Lightest first: a newcomer displaces the lightest entry, which may be an earlier newcomer,
  // so the heavier newcomers of a batch come last and stay.
  newcomers.sort((a, b) => byWeightThenId(b, a));
  for (const [id, increment] of newcomers) {
    if (weights.size < capacity) {
      weights.set(id, increment);
      continue;
    }
    const [lightestId, lightestWeight] = findLightest(weights);
    weights.delete(lightestId);
    weights.set(id, lightestWeight + increment);
  }
}

/** A stored list with increments added, as stored again: heaviest first, ties by id. */
export function addToCoWatchList(
  list: CoWatchList | undefined,
  increments: Iterable<readonly [string, number]>,
  capacity: number,
): CoWatchList {
  const weights = new Map<string, number>();
  list?.neighbourIds.forEach((id, index) => weights.set(id, list.weights[index]!));
  addCoWatchWeights(weights, increments, capacity);
  const sorted = [...weights].sort(byWeightThenId);
  return { neighbourIds: sorted.map(([id]) => id), weights: sorted.map(([, weight]) => weight) };
}

function byWeightThenId(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

function findLightest(weights: ReadonlyMap<string, number>): [string, number] {
  let lightest: [string, number] | undefined;
  for (const entry of weights) {
    if (lightest === undefined || entry[1] < lightest[1]) lightest = entry;
  }
  return lightest!;
}

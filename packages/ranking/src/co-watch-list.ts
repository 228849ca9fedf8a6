// A video's co-watch neighbours as one bounded list, heaviest first: what the feed reads (the
// heaviest few) and what learning rewrites (one row per video touched, not one per pair).
// Bounded by weighted Space-Saving (Metwally, Agrawal, El Abbadi 2005): when the list is full, a
// new neighbour takes the lightest entry's place with that entry's weight plus its own, so a
// neighbour whose true weight exceeds total / capacity is always kept, however late it comes.
// Two forms of one rule: this Map for the memory store, and the server's co_watch_merge in SQL
// (migration 0015), which merges a group's increments into the stored arrays; the server's
// recommendation.co-watch.test.ts checks they agree.

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
  for (const [id, increment] of newcomers.sort(lightestFirst)) {
    if (weights.size < capacity) {
      weights.set(id, increment);
      continue;
    }
    let lightest: [string, number] | undefined;
    for (const entry of weights) {
      if (lightest === undefined || isLighter(entry[0], entry[1], lightest[0], lightest[1])) {
        lightest = entry;
      }
    }
    weights.delete(lightest![0]);
    weights.set(id, lightest![1] + increment);
  }
}

/** A map of weights as the server stores it: heaviest first, ties by id. */
export function coWatchListOf(weights: ReadonlyMap<string, number>): CoWatchList {
  const entries = [...weights].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]));
  return {
    neighbourIds: entries.map(([id]) => id),
    weights: entries.map(([, weight]) => weight),
  };
}

/** The entry displaced first: the lightest, and of equal ones the greatest id (the last stored). */
function isLighter(id: string, weight: number, thanId: string, thanWeight: number): boolean {
  return weight < thanWeight || (weight === thanWeight && id > thanId);
}

/** Newcomers lightest first: each displaces the lightest entry, maybe an earlier newcomer, so
 * the heavier newcomers of a batch come last and stay. */
function lightestFirst(a: readonly [string, number], b: readonly [string, number]): number {
  return a[1] - b[1] || compareIds(b[0], a[0]);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { describe, expect, it } from 'vitest';
import { makeForYouParams } from '@shortwave/ranking';
import { createItemKnn } from './baselines/item-knn.js';
import { createMostPopular } from './baselines/popular.js';
import type { Interaction } from './interactions.js';
import { holdOutLatest } from './interactions.js';
import { runReplay } from './replay.js';
import { createShortwaveMethod } from './shortwave.js';

/** User u watches two videos of their own, then the hit (item 0) last, ten seconds after u - 1. */
function makeHitLog(users: number): Interaction[] {
  const log: Interaction[] = [];
  let line = 1;
  for (let user = 0; user < users; user += 1) {
    const at = user * 10;
    log.push({ user, item: 1 + 2 * user, timestamp: at, weight: 1, line: line++ });
    log.push({ user, item: 2 + 2 * user, timestamp: at + 1, weight: 1, line: line++ });
    log.push({ user, item: 0, timestamp: at + 2, weight: 1, line: line++ });
  }
  return log;
}

const options = {
  fraction: 0.2,
  refitEvery: 0.5,
  k: 20,
  hasWeights: false,
  maxUsers: undefined,
  seed: 1,
};

describe('the replay protocol', () => {
  it('holds out each user latest interactions', () => {
    const { heldOut } = holdOutLatest(makeHitLog(3), 0.2);
    expect(heldOut.map((row) => row.item)).toEqual([0, 0, 0]);
  });

  it('ranks before learning, so only the first user misses the video everyone watches last', () => {
    const users = 10;
    const run = runReplay(
      makeHitLog(users),
      [createMostPopular(), createShortwaveMethod(makeForYouParams(), 1)],
      options,
    );
    expect(run.users).toBe(users);
    for (const result of run.results)
      expect(result.metrics.recall).toBeCloseTo((users - 1) / users);
  });

  it('keeps a batch method on its last fit between refits', () => {
    // Refit at half the log: the first five users are asked before item-kNN has any neighbours,
    // and it falls back to popularity, which already knows the hit from the second user on.
    const run = runReplay(makeHitLog(10), [createItemKnn(10)], options);
    expect(run.results[0]?.metrics.recall).toBeCloseTo(0.9);
  });
});

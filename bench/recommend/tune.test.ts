import { describe, expect, it } from 'vitest';
import { createSeededRandom, makeForYouParams } from '@shortwave/ranking';
import { createRecentlyPopular } from './baselines/popular.js';
import type { Interaction } from './interactions.js';
import type { BenchMethod } from './method.js';
import { runReplay } from './replay.js';
import { createShortwaveMethod } from './shortwave.js';
import { DEFAULT_GRIDS, replayShortwave, tuneOnValidation } from './tune.js';

/** 60 users arriving a minute apart, each watching 3-6 of 40 videos (popular ones more often). */
function makeLog(): Interaction[] {
  const random = createSeededRandom(3);
  const log: Interaction[] = [];
  let line = 1;
  for (let user = 0; user < 60; user += 1) {
    const count = 3 + Math.floor(random() * 4);
    for (let row = 0; row < count; row += 1) {
      const item = Math.floor(40 * random() * random());
      log.push({ user, item, timestamp: user * 60 + row * 10, weight: 1, line: line++ });
    }
  }
  return log;
}

const replayOptions = {
  fraction: 0.2,
  refitEvery: 1,
  k: 10,
  hasWeights: false,
  maxUsers: undefined,
  seed: 1,
};

const replay = (log: Interaction[], methods: BenchMethod[]) =>
  runReplay(log, methods, replayOptions).results.map((result) => result.metrics);

describe('tuning on validation', () => {
  it('scores every setting of ours on one learning store as its own replay would', () => {
    const log = makeLog();
    const learning = { coWatchBackwardWeight: 0.1 };
    const scorings = [
      { weights: { popularity: 0.03, trending: 0 } },
      { sourceExponent: 0, candidateExponent: 0, weights: { popularity: 3, trending: 1 } },
    ];
    const shared = replayShortwave(learning, scorings, (methods) => replay(log, methods), 1);
    const separate = replay(
      log,
      scorings.map((scoring) =>
        createShortwaveMethod(makeForYouParams({ ...learning, ...scoring }), 1),
      ),
    );
    expect(shared).toEqual(separate);
    expect(shared[0]).not.toEqual(shared[1]);
  });

  it('validates recently popular by a replay of the training log when tuning for a replay', () => {
    const log = makeLog();
    const tuned = tuneOnValidation(log, {
      k: 10,
      fraction: 0.2,
      seed: 1,
      maxUsers: 2000,
      grids: { ...DEFAULT_GRIDS, easeLambdas: [100], knnSizes: [20] },
      protocol: 'replay',
      log: () => undefined,
    });
    const trials = tuned.trials.filter((trial) => trial.method === 'recently-popular');
    const halfLives = trials.map((trial) => Number(trial.setting));
    const replayed = replay(
      log,
      halfLives.map((halfLife) => createRecentlyPopular(halfLife)),
    );
    expect(trials.map((trial) => trial.ndcg)).toEqual(replayed.map((metrics) => metrics.ndcg));
  });
});

import { describe, expect, it } from 'vitest';
import { addCoWatchWeights, coWatchListOf } from './co-watch-list.js';

describe('co-watch lists', () => {
  it('sum increments and store heaviest first, ties by id', () => {
    const weights = new Map([
      ['a', 3],
      ['b', 1],
    ]);
    addCoWatchWeights(
      weights,
      [
        ['b', 4],
        ['d', 2],
        ['c', 2],
      ],
      10,
    );
    expect(coWatchListOf(weights)).toEqual({
      neighbourIds: ['b', 'a', 'c', 'd'],
      weights: [5, 3, 2, 2],
    });
  });

  it('never hold more than their capacity', () => {
    const weights = new Map<string, number>();
    for (let index = 0; index < 1_000; index += 1)
      addCoWatchWeights(weights, [[`v${index}`, 1]], 50);
    expect(weights.size).toBe(50);
  });

  it('keep a neighbour that turns heavy after the list is full of light ones', () => {
    // A newcomer that only dropped in when full could never enter here: every entry already
    // weighs more than any one increment. Space-Saving lets it in on the lightest's weight.
    const weights = new Map<string, number>();
    for (let round = 0; round < 20; round += 1) {
      for (let index = 0; index < 10; index += 1)
        addCoWatchWeights(weights, [[`old${index}`, 1]], 10);
    }
    for (let index = 0; index < 200; index += 1) {
      addCoWatchWeights(weights, [[`once${index}`, 1]], 10);
      if (index % 2 === 0) addCoWatchWeights(weights, [['rising', 3]], 10);
    }
    expect(coWatchListOf(weights).neighbourIds[0]).toBe('rising');
  });

  it('let the heavier of two newcomers in when only one fits', () => {
    const weights = new Map([
      ['a', 5],
      ['b', 4],
    ]);
    addCoWatchWeights(
      weights,
      [
        ['light', 1],
        ['heavy', 2],
      ],
      3,
    );
    expect([...weights.keys()]).toContain('heavy');
    expect(weights.size).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { addCoWatchWeights, addToCoWatchList, type CoWatchList } from './co-watch-list.js';
import { createSeededRandom } from './random.js';

describe('co-watch lists', () => {
  it('sum increments and store heaviest first, ties by id', () => {
    const list = addToCoWatchList(
      { neighbourIds: ['a', 'b'], weights: [3, 1] },
      [
        ['b', 4],
        ['d', 2],
        ['c', 2],
      ],
      10,
    );
    expect(list).toEqual({ neighbourIds: ['b', 'a', 'c', 'd'], weights: [5, 3, 2, 2] });
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
    const list = addToCoWatchList(undefined, weights, 10);
    expect(list.neighbourIds[0]).toBe('rising');
  });

  it('let the heavier of two newcomers in when only one fits', () => {
    const list = addToCoWatchList(
      { neighbourIds: ['a', 'b'], weights: [5, 4] },
      [
        ['light', 1],
        ['heavy', 2],
      ],
      3,
    );
    expect(list.neighbourIds).toContain('heavy');
    expect(list.neighbourIds).toHaveLength(3);
  });

  it('come out the same from the server’s arrays and the memory store’s map', () => {
    const random = createSeededRandom(7);
    const pick = (n: number) => Math.floor(random() * n);
    // Few distinct ids and weights in halves, so that ties (equal weights) are common.
    const id = () => `v${pick(40)}`;
    const weight = () => (1 + pick(6)) / 2;
    for (let round = 0; round < 500; round += 1) {
      const capacity = 1 + pick(12);
      const map = new Map<string, number>();
      addCoWatchWeights(
        map,
        Array.from({ length: pick(20) }, () => [id(), weight()] as const),
        capacity,
      );
      let list: CoWatchList | undefined = addToCoWatchList(undefined, map, capacity);
      const increments = new Map<string, number>();
      for (let index = pick(15); index > 0; index -= 1) increments.set(id(), weight());

      addCoWatchWeights(map, increments, capacity);
      list = addToCoWatchList(list, increments, capacity);
      expect(list).toEqual(addToCoWatchList(undefined, map, Infinity));
    }
  });
});

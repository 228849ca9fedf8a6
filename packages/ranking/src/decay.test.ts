import { describe, expect, it } from 'vitest';
import { addDecayed, computeDecayedRankKey, readDecayed } from './decay.js';

const DAY = 86_400_000;

describe('decayed counters', () => {
  it('halve every half-life', () => {
    expect(readDecayed({ value: 8, updatedAt: 0 }, 2 * DAY, DAY)).toBeCloseTo(2);
  });

  it('decay a late increment to the counter instant instead of moving back in time', () => {
    const counter = addDecayed({ value: 1, updatedAt: 2 * DAY }, 4, DAY, DAY);
    expect(counter).toEqual({ value: 3, updatedAt: 2 * DAY });
  });

  it('order by rank key the same way as by value at a common instant', () => {
    const older = { value: 10, updatedAt: 0 };
    const newer = { value: 3, updatedAt: 2 * DAY };
    expect(readDecayed(older, 3 * DAY, DAY) < readDecayed(newer, 3 * DAY, DAY)).toBe(
      computeDecayedRankKey(older, DAY) < computeDecayedRankKey(newer, DAY),
    );
  });
});

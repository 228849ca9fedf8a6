// Decayed counters: a number that halves every half-life, stored with the instant it was last
// brought up to date, so one PostgreSQL row can be incremented in one statement and read later.

/** A time-decayed number as persisted: `value` was exact at `updatedAt` (ms since the epoch). */
export interface DecayedCounter {
  value: number;
  updatedAt: number;
}

/** Multiplier that carries a value from `fromMs` to `toMs` (1 when the half-life is infinite). */
export function computeDecayFactor(fromMs: number, toMs: number, halfLifeMs: number): number {
  if (!Number.isFinite(halfLifeMs) || toMs === fromMs) return 1;
  return Math.pow(2, -(toMs - fromMs) / halfLifeMs);
}

/** The counter's value at `now`. */
export function readDecayed(
  counter: DecayedCounter | undefined,
  now: number,
  halfLifeMs: number,
): number {
  if (counter === undefined) return 0;
  return counter.value * computeDecayFactor(counter.updatedAt, now, halfLifeMs);
}

/**
 * Adds `delta` happening at `at`. A late delta (older than the counter) is decayed to the
 * counter's instant instead, so the result never moves back in time. The SQL equivalent is
 * `value = value * 2^(-(at - updated_at) / half_life) + delta, updated_at = at`.
 */
export function addDecayed(
  counter: DecayedCounter | undefined,
  delta: number,
  at: number,
  halfLifeMs: number,
): DecayedCounter {
  if (counter === undefined) return { value: delta, updatedAt: at };
  if (at >= counter.updatedAt) {
    return {
      value: counter.value * computeDecayFactor(counter.updatedAt, at, halfLifeMs) + delta,
      updatedAt: at,
    };
  }
  return {
    value: counter.value + delta * computeDecayFactor(at, counter.updatedAt, halfLifeMs),
    updatedAt: counter.updatedAt,
  };
}

/**
 * A time-invariant ordering key for positive decayed counters: ordering rows by
 * `log2(value) + updatedAt / halfLife` orders them by their value at any common instant, so a
 * B-tree index on it serves "top trending now" without rewriting every row as time passes.
 */
export function computeDecayedRankKey(counter: DecayedCounter, halfLifeMs: number): number {
  if (counter.value <= 0) return Number.NEGATIVE_INFINITY;
  return Math.log2(counter.value) + counter.updatedAt / halfLifeMs;
}

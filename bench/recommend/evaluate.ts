// Scoring methods on test users: each user's ranking at an instant against their test items.
import type { Interaction } from './interactions.js';
import type { BenchMethod } from './method.js';
import { averageMetrics, measureRanking } from './metrics.js';
import type { RankingMetrics } from './metrics.js';
import { createSeededRandom } from '@shortwave/ranking';

export interface TestUser {
  user: number;
  /** Seconds: when the ranking is asked for. */
  now: number;
  /** Test items (not already in the user's history) -> weight. */
  truth: Map<number, number>;
  /** The user's history at `now`: never recommended. */
  exclude: Set<number>;
}

export interface MethodResult {
  name: string;
  settings: Record<string, number | string>;
  metrics: RankingMetrics;
  learnMs: number;
  refitMs: number;
  recommendMs: number;
}

/** Test users of a train/test pair: truth = test items minus the user's train items. */
export function buildTestUsers(
  train: readonly Interaction[],
  test: readonly Interaction[],
  now: number,
): TestUser[] {
  const history = new Map<number, Set<number>>();
  for (const interaction of train) {
    let items = history.get(interaction.user);
    if (items === undefined) history.set(interaction.user, (items = new Set()));
    items.add(interaction.item);
  }
  const users = new Map<number, TestUser>();
  for (const interaction of test) {
    const exclude = history.get(interaction.user) ?? new Set<number>();
    if (exclude.has(interaction.item)) continue;
    let testUser = users.get(interaction.user);
    if (testUser === undefined) {
      testUser = { user: interaction.user, now, truth: new Map(), exclude };
      users.set(interaction.user, testUser);
    }
    if (!testUser.truth.has(interaction.item))
      testUser.truth.set(interaction.item, interaction.weight);
  }
  return [...users.values()].sort((a, b) => a.user - b.user);
}

/** At most `limit` users, a seeded sample (all of them when limit is undefined). */
export function sampleUsers<T>(users: readonly T[], limit: number | undefined, seed: number): T[] {
  if (limit === undefined || users.length <= limit) return [...users];
  const random = createSeededRandom(seed);
  const shuffled = [...users];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const held = shuffled[index] as T;
    shuffled[index] = shuffled[other] as T;
    shuffled[other] = held;
  }
  return shuffled.slice(0, limit);
}

/** Ranks for every test user and averages the metrics. */
export function evaluateUsers(
  rank: (testUser: TestUser) => number[],
  users: readonly TestUser[],
  k: number,
  hasWeights: boolean,
): { metrics: RankingMetrics; elapsedMs: number } {
  const started = performance.now();
  const perUser = users.map((testUser) => measureRanking(rank(testUser), testUser.truth, k));
  return { metrics: averageMetrics(perUser, hasWeights), elapsedMs: performance.now() - started };
}

/** Protocol (b) for one method: learn the train log in time order, refit once, rank each user. */
export function fitAndEvaluate(
  method: BenchMethod,
  train: readonly Interaction[],
  users: readonly TestUser[],
  k: number,
  hasWeights: boolean,
): MethodResult {
  let started = performance.now();
  for (const interaction of train) method.observe(interaction);
  const learnMs = performance.now() - started;
  started = performance.now();
  method.refit();
  const refitMs = performance.now() - started;
  const { metrics, elapsedMs } = evaluateUsers(
    (testUser) => method.recommend(testUser.user, testUser.now, k, testUser.exclude),
    users,
    k,
    hasWeights,
  );
  return {
    name: method.name,
    settings: { ...method.settings },
    metrics,
    learnMs,
    refitMs,
    recommendMs: elapsedMs,
  };
}

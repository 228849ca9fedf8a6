// Protocol (a), replay: the log is processed once in global time order and every method learns
// as it goes. Each user's latest interactions (the same hold-out as the split helper) are their
// test items; when the stream reaches the first of them, every method ranks for that user at
// that instant, before learning it. Batch methods refit every `refitEvery` of the log.
import type { MethodResult, TestUser } from './evaluate.js';
import { sampleUsers } from './evaluate.js';
import { holdOutLatest, sortByTime } from './interactions.js';
import type { Interaction } from './interactions.js';
import type { BenchMethod } from './method.js';
import { averageMetrics, measureRanking } from './metrics.js';
import type { RankingMetrics } from './metrics.js';

export interface ReplayOptions {
  fraction: number;
  refitEvery: number;
  k: number;
  hasWeights: boolean;
  maxUsers: number | undefined;
  seed: number;
}

export interface ReplayRun {
  results: MethodResult[];
  users: number;
  testItems: number;
}

export function runReplay(
  log: readonly Interaction[],
  methods: BenchMethod[],
  options: ReplayOptions,
): ReplayRun {
  const ordered = sortByTime(log);
  const { heldOut } = holdOutLatest(log, options.fraction);
  const heldOutLines = new Set(heldOut.map((interaction) => interaction.line));
  const heldOutByUser = new Map<number, Interaction[]>();
  for (const interaction of heldOut) {
    const list = heldOutByUser.get(interaction.user);
    if (list === undefined) heldOutByUser.set(interaction.user, [interaction]);
    else list.push(interaction);
  }
  const chosen = new Set(
    sampleUsers(
      [...heldOutByUser.keys()].sort((a, b) => a - b),
      options.maxUsers,
      options.seed,
    ),
  );
  const history = new Map<number, Set<number>>();
  const asked = new Set<number>();
  const perMethod = methods.map(() => ({
    metrics: [] as RankingMetrics[],
    learnMs: 0,
    refitMs: 0,
    recommendMs: 0,
  }));
  let users = 0;
  let testItems = 0;
  const step = Math.max(1, Math.ceil(ordered.length * options.refitEvery));
  ordered.forEach((interaction, index) => {
    if (index > 0 && index % step === 0) {
      methods.forEach((method, position) => {
        const started = performance.now();
        method.refit();
        const timing = perMethod[position];
        if (timing !== undefined) timing.refitMs += performance.now() - started;
      });
    }
    const user = interaction.user;
    const seen = history.get(user) ?? new Set<number>();
    if (heldOutLines.has(interaction.line) && chosen.has(user) && !asked.has(user)) {
      asked.add(user);
      const testUser = makeReplayTestUser(
        user,
        interaction.timestamp,
        heldOutByUser.get(user) ?? [],
        seen,
      );
      if (testUser !== undefined) {
        users += 1;
        testItems += testUser.truth.size;
        methods.forEach((method, position) => {
          const started = performance.now();
          const ranked = method.recommend(user, testUser.now, options.k, testUser.exclude);
          const timing = perMethod[position];
          if (timing === undefined) return;
          timing.recommendMs += performance.now() - started;
          timing.metrics.push(measureRanking(ranked, testUser.truth, options.k));
        });
      }
    }
    methods.forEach((method, position) => {
      const started = performance.now();
      method.observe(interaction);
      const timing = perMethod[position];
      if (timing !== undefined) timing.learnMs += performance.now() - started;
    });
    seen.add(interaction.item);
    history.set(user, seen);
  });
  const results = methods.map((method, position): MethodResult => {
    const timing = perMethod[position] ?? { metrics: [], learnMs: 0, refitMs: 0, recommendMs: 0 };
    return {
      name: method.name,
      settings: { ...method.settings },
      metrics: averageMetrics(timing.metrics, options.hasWeights),
      learnMs: timing.learnMs,
      refitMs: timing.refitMs,
      recommendMs: timing.recommendMs,
    };
  });
  return { results, users, testItems };
}

function makeReplayTestUser(
  user: number,
  now: number,
  heldOut: readonly Interaction[],
  seen: ReadonlySet<number>,
): TestUser | undefined {
  const truth = new Map<number, number>();
  for (const interaction of heldOut) {
    if (!seen.has(interaction.item) && !truth.has(interaction.item))
      truth.set(interaction.item, interaction.weight);
  }
  return truth.size === 0 ? undefined : { user, now, truth, exclude: new Set(seen) };
}

// npm run bench:recommend -- --data <csv> | --train <csv> --test <csv> | split ...
// Offline evaluation of the For You model next to baselines computed in the same run; prints a
// table, then one JSON line with every figure. docs/recommendation.md describes the protocols.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeProblems, loadInteractionsCsv } from './csv.js';
import type { ParsedLog } from './csv.js';
import { buildTestUsers, fitAndEvaluate, sampleUsers } from './evaluate.js';
import type { MethodResult } from './evaluate.js';
import { holdOutLatest, makeCatalogue, sortByTime } from './interactions.js';
import type { Catalogue, Interaction } from './interactions.js';
import { BASELINE_NAMES, createMethods } from './methods.js';
import { runReplay } from './replay.js';
import { writeTemporalSplit } from './split.js';
import { DEFAULT_GRIDS, SHORTWAVE_GRID, SHORTWAVE_LEARNING, tuneOnValidation } from './tune.js';
import type { TunedSettings, TuningGrids, TuningProtocol } from './tune.js';

const USAGE = `usage:
  bench:recommend --data <csv>                 protocol (a): replay in time order
  bench:recommend --train <csv> --test <csv>   protocol (b): fit on train, rank for test users
  bench:recommend split --data <csv> --train-out <csv> --test-out <csv>
options: --k 20 --seed 1 --max-users N --min-rating R --test-fraction 0.2 --refit-every 0.1
         --tune-users 2000 --ease-lambdas 20,100,500 --knn-sizes 20,100,400 --no-cache`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    train: { type: 'string' },
    test: { type: 'string' },
    'train-out': { type: 'string' },
    'test-out': { type: 'string' },
    k: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    'max-users': { type: 'string' },
    'min-rating': { type: 'string' },
    'test-fraction': { type: 'string', default: '0.2' },
    'refit-every': { type: 'string', default: '0.1' },
    'tune-users': { type: 'string', default: '2000' },
    'ease-lambdas': { type: 'string' },
    'knn-sizes': { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const toNumber = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got '${text}'`);
  return value;
};
const toList = (text: string | undefined, fallback: number[]): number[] =>
  text === undefined ? fallback : text.split(',').map((part) => Number(part));

function main(): void {
  if (values.help) return void console.log(USAGE);
  const k = toNumber('k', values.k) ?? 20;
  const seed = toNumber('seed', values.seed) ?? 1;
  const fraction = toNumber('test-fraction', values['test-fraction']) ?? 0.2;
  const minRating = toNumber('min-rating', values['min-rating']);
  if (positionals[0] === 'split') {
    if (
      values.data === undefined ||
      values['train-out'] === undefined ||
      values['test-out'] === undefined
    ) {
      throw new Error(USAGE);
    }
    const counts = writeTemporalSplit({
      data: values.data,
      trainOut: values['train-out'],
      testOut: values['test-out'],
      fraction,
      minRating,
    });
    return void console.log(
      JSON.stringify({ split: values.data, fraction, minRating: minRating ?? null, ...counts }),
    );
  }
  const grids: TuningGrids = {
    ...DEFAULT_GRIDS,
    easeLambdas: toList(values['ease-lambdas'], DEFAULT_GRIDS.easeLambdas),
    knnSizes: toList(values['knn-sizes'], DEFAULT_GRIDS.knnSizes),
  };
  const maxUsers = toNumber('max-users', values['max-users']);
  const tuneUsers = toNumber('tune-users', values['tune-users']) ?? 2000;
  const started = performance.now();
  const catalogue = makeCatalogue();
  const load = (path: string): ParsedLog => {
    const parsed = loadInteractionsCsv(path, { minRating, catalogue });
    for (const line of describeProblems(path, parsed.problems)) log(line);
    if (parsed.filteredOut > 0)
      log(`${path}: ${parsed.filteredOut} rows rated below ${minRating} left out`);
    return parsed;
  };
  const tune = (train: readonly Interaction[], protocol: TuningProtocol): TunedSettings =>
    tuneWithCache(
      train,
      catalogue,
      { k, fraction, seed, maxUsers: tuneUsers, grids, protocol, log },
      !values['no-cache'],
    );

  let protocol: 'replay' | 'train-test';
  let dataset: string;
  let results: MethodResult[];
  let users: number;
  let testItems: number;
  let hasWeights: boolean;
  let rows: number;
  if (values.data !== undefined) {
    protocol = 'replay';
    dataset = basename(values.data);
    const parsed = load(values.data);
    hasWeights = parsed.hasWeight;
    rows = parsed.interactions.length;
    const tuned = tune(holdOutLatest(parsed.interactions, fraction).kept, 'replay');
    const run = runReplay(parsed.interactions, createMethods(tuned, seed), {
      fraction,
      refitEvery: toNumber('refit-every', values['refit-every']) ?? 0.1,
      k,
      hasWeights,
      maxUsers,
      seed,
    });
    ({ results, users, testItems } = run);
  } else if (values.train !== undefined && values.test !== undefined) {
    protocol = 'train-test';
    dataset = `${basename(values.train)}+${basename(values.test)}`;
    const train = load(values.train);
    const test = load(values.test);
    hasWeights = train.hasWeight && test.hasWeight;
    rows = train.interactions.length + test.interactions.length;
    const trainLog = sortByTime(train.interactions);
    const tuned = tune(trainLog, 'train-test');
    const now = trainLog.reduce(
      (latest, interaction) => Math.max(latest, interaction.timestamp),
      0,
    );
    const testUsers = sampleUsers(buildTestUsers(trainLog, test.interactions, now), maxUsers, seed);
    results = createMethods(tuned, seed).map((method) => {
      const result = fitAndEvaluate(method, trainLog, testUsers, k, hasWeights);
      log(`  ${method.name}: done`);
      return result;
    });
    users = testUsers.length;
    testItems = testUsers.reduce((sum, testUser) => sum + testUser.truth.size, 0);
  } else {
    throw new Error(USAGE);
  }
  report({
    dataset,
    protocol,
    k,
    rows,
    users,
    testItems,
    hasWeights,
    minRating,
    results,
    runtimeMs: performance.now() - started,
  });
}

function report(run: {
  dataset: string;
  protocol: string;
  k: number;
  rows: number;
  users: number;
  testItems: number;
  hasWeights: boolean;
  minRating: number | undefined;
  results: MethodResult[];
  runtimeMs: number;
}): void {
  const { k } = run;
  const baselines = run.results.filter((result) =>
    (BASELINE_NAMES as readonly string[]).includes(result.name),
  );
  const ours = run.results.find((result) => result.name === 'shortwave');
  const best = (pick: (result: MethodResult) => number): MethodResult | undefined =>
    baselines.reduce<MethodResult | undefined>(
      (top, result) => (top === undefined || pick(result) > pick(top) ? result : top),
      undefined,
    );
  const bestRecall = best((result) => result.metrics.recall);
  const bestNdcg = best((result) => result.metrics.ndcg);
  const gain = (ourValue: number | undefined, theirs: number | undefined): number | null =>
    ourValue === undefined || theirs === undefined || theirs === 0
      ? null
      : Number(((ourValue / theirs - 1) * 100).toFixed(1));
  console.log(
    `${run.dataset} ${run.protocol}: ${run.users} test users, ${run.testItems} test items, k=${k}`,
  );
  console.log(`method            Recall@${k}  NDCG@${k}  MAP@${k}  wRecall  learn+fit ms  rank ms`);
  for (const result of run.results) {
    const { metrics } = result;
    console.log(
      `${result.name.padEnd(17)} ${metrics.recall.toFixed(4).padStart(9)} ${metrics.ndcg.toFixed(4).padStart(8)} ${metrics.map.toFixed(4).padStart(7)} ${
        metrics.weightedRecall === null ? '    n/a' : metrics.weightedRecall.toFixed(4).padStart(7)
      } ${String(Math.round(result.learnMs + result.refitMs)).padStart(13)} ${String(Math.round(result.recommendMs)).padStart(8)}  ${JSON.stringify(result.settings)}`,
    );
  }
  const recallGain = gain(ours?.metrics.recall, bestRecall?.metrics.recall);
  const ndcgGain = gain(ours?.metrics.ndcg, bestNdcg?.metrics.ndcg);
  console.log(
    `shortwave vs best baseline: Recall ${recallGain}% (${bestRecall?.name}), NDCG ${ndcgGain}% (${bestNdcg?.name})`,
  );
  const methods: Record<string, unknown> = {};
  for (const result of run.results) {
    methods[result.name] = {
      recall: round(result.metrics.recall),
      ndcg: round(result.metrics.ndcg),
      map: round(result.metrics.map),
      weightedRecall:
        result.metrics.weightedRecall === null ? null : round(result.metrics.weightedRecall),
      learnMs: Math.round(result.learnMs),
      refitMs: Math.round(result.refitMs),
      recommendMs: Math.round(result.recommendMs),
      settings: result.settings,
    };
  }
  console.log(
    JSON.stringify({
      bench: 'recommend',
      dataset: run.dataset,
      protocol: run.protocol,
      k,
      rows: run.rows,
      minRating: run.minRating ?? null,
      users: run.users,
      testItems: run.testItems,
      watchWeighted: run.hasWeights,
      methods,
      bestBaseline: { recall: bestRecall?.name ?? null, ndcg: bestNdcg?.name ?? null },
      gainPercent: { recall: recallGain, ndcg: ndcgGain },
      runtimeMs: Math.round(run.runtimeMs),
    }),
  );
}

const round = (value: number): number => Number(value.toFixed(5));

/**
 * Tuning is the slow part (EASE-R fits); its result is cached by the hash of its inputs. A replay
 * validates ours and recently popular by a replay, so it no longer shares a train/test run's cache.
 */
function tuneWithCache(
  train: readonly Interaction[],
  catalogue: Catalogue,
  options: Parameters<typeof tuneOnValidation>[1],
  isCached: boolean,
): TunedSettings {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      // Bumped when the model changes, as the hash covers inputs, not code (5: co-watch lists).
      v: 5,
      protocol: options.protocol,
      grid: SHORTWAVE_GRID,
      learning: SHORTWAVE_LEARNING,
      k: options.k,
      f: options.fraction,
      s: options.seed,
      u: options.maxUsers,
      g: options.grids,
    }),
  );
  for (const interaction of train) {
    // Names, not indices: a replay's training rows and the split's train file hash alike.
    const user = catalogue.userNames[interaction.user] ?? '';
    const item = catalogue.itemNames[interaction.item] ?? '';
    hash.update(`${user},${item},${interaction.timestamp},${interaction.weight};`);
  }
  const directory = join(tmpdir(), 'shortwave-bench-recommend');
  const path = join(directory, `${hash.digest('hex').slice(0, 24)}.json`);
  if (isCached && existsSync(path)) {
    log(`tuning: cached ${path}`);
    return JSON.parse(readFileSync(path, 'utf8')) as TunedSettings;
  }
  log('tuning on a validation split of the training log...');
  const tuned = tuneOnValidation(train, options);
  mkdirSync(directory, { recursive: true });
  writeFileSync(path, JSON.stringify(tuned));
  return tuned;
}

try {
  main();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

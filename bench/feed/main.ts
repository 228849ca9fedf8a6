// `npm run bench:feed`: For You serving on a synthetic instance (100k videos, 50k accounts, 5M
// events at --scale 1), through the real server: `shortwave serve` in its own process, with
// --server-processes HTTP processes (SHORTWAVE_HTTP_PROCESSES, default 1: on two cores shared with
// PostgreSQL, two cost more CPU a page and were slower), asked over HTTP by this process's
// clients, as production clients would: page latency for 10 items with 20 concurrent viewers,
// alone and while viewing events arrive. Progress to stderr; the table and, last, one JSON line
// to stdout.
//
//   npm run bench:feed -- [--scale 0.1] [--seconds 20] [--viewers 20] [--think-ms 1000]
//                         [--events-per-second 6000] [--ingesters 16] [--seed 1] [--data-dir DIR]
//                         [--phases 1,2,3,4] [--warm-up-seconds 5] [--server-processes N]
//
// Each of the 20 viewers asks for a page, "watches" it for a while, and asks again: independent
// viewers, so each starts at a random instant of the first --think-ms and watches for a time
// drawn from an exponential distribution of mean --think-ms (a real viewer watches ten videos,
// minutes; 1 s keeps the load at ~20 pages/s). With a fixed think time from one start, the 20
// would ask in step, in bursts of 20 pages at once, for the whole run. --think-ms 0 turns them
// into a closed loop measuring capacity instead (latency is then queueing).
//
// First --warm-up-seconds of phase 2's load, not measured (printed for information): as on a
// server that has been running, every pool connection is open with its statements planned and
// the code is compiled. Without it phase 1 began with the cold start: its seven slowest pages
// (55-123 ms) were all asked for in its first half second, while the pool opened connections.
//
// Then four phases of --seconds: (1) pages only; (2) pages while events are offered at
// --events-per-second in 100-event batches due at even intervals (open loop, as many viewers'
// apps send them: the targets are read here); (3) pages while --ingesters clients post batches
// back to back (closed loop: the most the server takes while serving, with the machine full);
// (4) those clients alone (CPU per event). --phases runs some of them (an experiment's quick look);
// the figures of the others then read n/a, and null in the JSON line.
//
// Where a page's time went: each page's Server-Timing header names its stages (auth: routing and
// the session's lookup; state, propose, candidates, rank, describe); "outside" is the rest
// (serialising, HTTP both ways, waiting for the server's thread or for this process's). Each phase prints every stage's p50 / p99 and the five slowest pages
// stage by stage; the JSON line holds the stages' p50 / p99 (stagesMs).
//
// The database is the server's own embedded PostgreSQL in a temporary data directory, or
// DATABASE_URL (an empty database: the bench migrates and fills it). --data-dir DIR keeps the
// cluster in DIR and, when DIR already holds an instance of the same shape, measures on it as the
// last run left it (its ingest included) instead of loading anew.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../../server/src/config.js';
import { createContext } from '../../server/src/context.js';
import { cpuMeter } from './cpu.js';
import { BATCH_SIZE, createEventLoad, type EventLoadResult } from './event-load.js';
import { generateInstance, type Instance } from './generate.js';
import { readSavedInstance, saveInstance } from './instance-file.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import {
  batchLatencies,
  describeEvents,
  describePages,
  ms,
  parseServerTiming,
  rate,
  round,
  summarise,
  summarisePages,
  type PageRead,
  type PageSeen,
  type Pages,
} from './report.js';
import { createSeededRandom } from '@shortwave/ranking';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '20' },
    viewers: { type: 'string', default: '20' },
    ingesters: { type: 'string', default: '16' },
    'think-ms': { type: 'string', default: '1000' },
    'events-per-second': { type: 'string', default: '6000' },
    seed: { type: 'string', default: '1' },
    'keep-data': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    phases: { type: 'string', default: '1,2,3,4' },
    'warm-up-seconds': { type: 'string', default: '5' },
    'server-processes': { type: 'string', default: '1' },
  },
});
const scale = Number(values.scale);
const seconds = Number(values.seconds);
const concurrentViewers = Number(values.viewers);
const ingesters = Number(values.ingesters);
const seed = Number(values.seed);
const thinkMs = Number(values['think-ms']);
const offeredEventsPerSecond = Number(values['events-per-second']);
const phases = new Set(values.phases.split(',').map(Number));
const warmUpSeconds = Number(values['warm-up-seconds']);
const serverProcesses = Number(values['server-processes']);
if (
  !(scale > 0) ||
  !(Number.isInteger(serverProcesses) && serverProcesses >= 1) ||
  !(warmUpSeconds >= 0) ||
  !(seconds > 0) ||
  !(concurrentViewers > 0) ||
  !(ingesters > 0) ||
  !(offeredEventsPerSecond > 0) ||
  ![...phases].every((phase) => [1, 2, 3, 4].includes(phase))
) {
  console.error(
    'usage: bench:feed [--scale 0.1] [--seconds 20] [--viewers 20] [--events-per-second 6000] [--ingesters 16] [--phases 1,2,3,4] [--warm-up-seconds 5] [--server-processes 1]',
  );
  process.exit(2);
}

const TARGET_P99_MS = 50;
const TARGET_EVENTS_PER_SECOND = 5_000;
const PAGE_SIZE = 10;
const progress = (message: string) => process.stderr.write(`[bench:feed] ${message}\n`);

const dataDir = values['data-dir']
  ? path.resolve(values['data-dir'])
  : await mkdtemp(path.join(os.tmpdir(), 'sw-bench-feed-'));
await mkdir(dataDir, { recursive: true });
await chmod(dataDir, 0o755);
const config = loadConfig({
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  SHORTWAVE_DATA_DIR: dataDir,
  SHORTWAVE_WEB_DIST: path.join(dataDir, 'no-web'),
  SHORTWAVE_DATABASE_POOL_SIZE: '24',
  LOG_LEVEL: 'warn',
});
// Warnings to stderr with the progress: stdout ends with the JSON line, whatever is logged after.
const log = pino({ level: 'warn' }, pino.destination(2));
progress(`starting PostgreSQL (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'})`);
// This process's own context loads the instance and signs the viewers in; the server's is its own.
const ctx = await createContext(config, log, 'cli');
let server: ServerProcess | undefined;

try {
  const shape = {
    accounts: Math.round(50_000 * scale),
    videos: Math.round(100_000 * scale),
    events: Math.round(5_000_000 * scale),
    communities: Math.max(5, Math.round(40 * Math.sqrt(scale))),
    seed,
  };
  const loadStarted = performance.now();
  const saved = values['data-dir'] ? await readSavedInstance(dataDir, shape) : undefined;
  if (saved) progress(`reusing the instance in ${dataDir}`);
  else progress(`generating ${JSON.stringify(shape)}`);
  const instance =
    saved ?? (await generateInstance(ctx.database.pool, shape, Date.now(), progress));
  if (values['data-dir'] && !saved) await saveInstance(dataDir, instance);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  progress(`instance ${saved ? 'reused' : 'loaded'} in ${loadSeconds.toFixed(1)} s`);

  // Signed-in viewers with a history (the busiest fifth and a sample of the rest), and cold
  // visitors: a realistic mix for the page load.
  const random = createSeededRandom(seed + 1);
  const sample = pickViewers(instance, 400, random);
  const cookies = await Promise.all(
    sample.map(async (accountId) => {
      const session = await ctx.sessions.startSession(accountId, 'bench:feed');
      return `sw_session=${session.secret}`;
    }),
  );

  progress(`starting the server: ${serverProcesses} HTTP process(es)`);
  server = await startServerProcess({
    dataDir,
    databaseUrl: process.env.DATABASE_URL,
    httpProcesses: serverProcesses,
    poolSize: 24,
    log: (line) => progress(`  server: ${line}`),
  });
  const { http } = server;
  const measureCpu = cpuMeter(dataDir, !process.env.DATABASE_URL, server.pid);

  const readPage = async (index: number): Promise<PageRead> => {
    const isCold = index % 10 === 9;
    const started = performance.now();
    const response = await http.request({
      method: 'GET',
      path: isCold
        ? `/api/v1/feed/for-you?limit=${PAGE_SIZE}&anonymousId=${randomBytes(12).toString('base64url')}`
        : `/api/v1/feed/for-you?limit=${PAGE_SIZE}`,
      headers: isCold ? {} : { cookie: cookies[index % cookies.length]! },
    });
    const body = await response.body.text();
    const elapsed = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`page: ${response.statusCode} ${body}`);
    return {
      ms: elapsed,
      items: (JSON.parse(body) as { items: unknown[] }).items.length,
      stages: parseServerTiming(String(response.headers['server-timing'] ?? '')),
    };
  };

  const events = createEventLoad(http, instance, random);
  progress(
    `warm-up (not measured): pages and ${offeredEventsPerSecond} events/s offered, ${warmUpSeconds} s`,
  );
  const warmUp =
    warmUpSeconds > 0
      ? await withEvents((until) => events.openLoop(offeredEventsPerSecond, until), warmUpSeconds)
      : undefined;
  if (warmUp) progress(`  ${describePages(warmUp.pages)}; ${describeEvents(warmUp.events)}`);
  const afterPhase = () => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

  /** Runs phase `n` unless --phases leaves it out. */
  const phase = async <T>(n: number, title: string, run: () => Promise<T>) => {
    if (!phases.has(n)) return undefined;
    progress(`phase ${n}: ${title}, ${seconds} s`);
    // How long this process's thread kept its clients' callbacks waiting: a late one would add
    // to the latencies it measures (the server's own threads are in other processes).
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const result = await run();
    delay.disable();
    const at = (q: number) => (delay.percentile(q) / 1e6).toFixed(1);
    progress(
      `  the clients' event loop delay p50 ${at(50)} / p99 ${at(99)} / max ${(delay.max / 1e6).toFixed(1)} ms`,
    );
    return result;
  };

  const aloneRun = await phase(1, `pages only, ${concurrentViewers} concurrent viewers`, () =>
    measureCpu(() => runPages(readPage, seconds)),
  );
  const alone = aloneRun?.result;
  if (alone) progress(`  ${describePages(alone)}`);
  // CPU per page (server + PostgreSQL), and what two otherwise idle cores would then serve.
  const cpuMsPerPage =
    aloneRun?.cpuSeconds === undefined
      ? undefined
      : (aloneRun.cpuSeconds * 1000) / aloneRun.result.count;
  // The server's processes alone, and this bench's clients (not in the figures above).
  const perPage = (seconds: number | undefined) =>
    aloneRun === undefined || seconds === undefined
      ? undefined
      : (seconds * 1000) / aloneRun.result.count;
  const serverMsPerPage = perPage(aloneRun?.serverCpuSeconds);
  const clientMsPerPage = perPage(aloneRun?.clientCpuSeconds);

  const steady = await phase(2, `pages and ${offeredEventsPerSecond} events/s offered`, () =>
    withEvents((until) => events.openLoop(offeredEventsPerSecond, until)),
  );
  if (steady) progress(`  ${describePages(steady.pages)}; ${describeEvents(steady.events)}`);

  const saturated = await phase(
    3,
    `pages and ${ingesters} clients posting batches back to back`,
    () => withEvents((until) => events.closedLoop(ingesters, until)),
  );
  if (saturated)
    progress(`  ${describePages(saturated.pages)}; ${describeEvents(saturated.events)}`);

  const ingestAloneRun = await phase(4, `the ${ingesters} clients alone (CPU per event)`, () =>
    measureCpu(() => events.closedLoop(ingesters, afterPhase())),
  );
  const ingestAlone = ingestAloneRun?.result;
  if (ingestAlone) progress(`  ${describeEvents(ingestAlone)}`);
  const cpuMsPerEvent =
    ingestAloneRun?.cpuSeconds === undefined || ingestAloneRun.result.accepted === 0
      ? undefined
      : (ingestAloneRun.cpuSeconds * 1000) / ingestAloneRun.result.accepted;
  const perEvent = (seconds: number | undefined) =>
    ingestAloneRun === undefined || seconds === undefined || ingestAloneRun.result.accepted === 0
      ? undefined
      : (seconds * 1000) / ingestAloneRun.result.accepted;
  const serverMsPerEvent = perEvent(ingestAloneRun?.serverCpuSeconds);
  const clientMsPerEvent = perEvent(ingestAloneRun?.clientCpuSeconds);
  const cores = os.cpus().length;
  const projectedPagesPerSecond =
    cpuMsPerPage === undefined ? undefined : (cores * 1000) / cpuMsPerPage;
  const projectedEventsPerSecond =
    cpuMsPerEvent === undefined || cpuMsPerEvent <= 0 ? undefined : (cores * 1000) / cpuMsPerEvent;

  const steadyRate = steady && steady.events.accepted / steady.events.seconds;
  const isAloneMet = alone && alone.p99 < TARGET_P99_MS;
  const isSteadyMet = steady && steady.pages.p99 < TARGET_P99_MS;
  const isP99Met = isAloneMet === true && isSteadyMet === true;
  const isIngestMet =
    steady &&
    steadyRate !== undefined &&
    steadyRate > TARGET_EVENTS_PER_SECOND &&
    steady.events.skipped === 0;
  const met = (isMet: boolean | undefined) => (isMet === undefined ? '' : isMet ? 'yes' : 'NO');
  const rows: [string, string, string, string][] = [
    ['figure', 'ours', 'target', 'met'],
    [`page p50, 10 items, ${concurrentViewers} viewers, pages only`, ms(alone?.p50), '', ''],
    [
      `page p99, 10 items, ${concurrentViewers} viewers, pages only`,
      ms(alone?.p99),
      `< ${TARGET_P99_MS} ms`,
      met(isAloneMet),
    ],
    [`page p50 while ${offeredEventsPerSecond} events/s arrive`, ms(steady?.pages.p50), '', ''],
    [
      `page p99 while ${offeredEventsPerSecond} events/s arrive`,
      ms(steady?.pages.p99),
      `< ${TARGET_P99_MS} ms`,
      met(isSteadyMet),
    ],
    [
      `events learnt while serving pages (${offeredEventsPerSecond}/s offered)`,
      steady === undefined || steadyRate === undefined
        ? 'n/a'
        : `${steadyRate.toFixed(0)} events/s${steady.events.skipped ? `, ${steady.events.skipped} batches not taken` : ''}`,
      `> ${TARGET_EVENTS_PER_SECOND} events/s`,
      met(isIngestMet),
    ],
    [
      'event batch (100) latency p50 / p99, from when due',
      steady === undefined ? 'n/a' : batchLatencies(steady.events),
      '',
      '',
    ],
    [
      `events learnt while serving pages, ${ingesters} clients back to back`,
      rate(saturated?.events),
      '',
      '',
    ],
    [
      `page p50 / p99 then (the cores full)`,
      `${ms(saturated?.pages.p50)} / ${ms(saturated?.pages.p99)}`,
      '',
      '',
    ],
    [`events learnt, ${ingesters} clients alone`, rate(ingestAlone), '', ''],
    [
      'CPU per page (server + PostgreSQL)',
      cpuMsPerPage === undefined || serverMsPerPage === undefined
        ? 'n/a'
        : `${cpuMsPerPage.toFixed(1)} ms (server ${serverMsPerPage.toFixed(1)}; clients ${clientMsPerPage?.toFixed(1)} beside)`,
      '',
      '',
    ],
    [
      `pages/s ${cores} idle cores could serve (projection)`,
      projectedPagesPerSecond === undefined ? 'n/a' : projectedPagesPerSecond.toFixed(0),
      '',
      '',
    ],
    [
      'CPU per event learnt (server + PostgreSQL)',
      cpuMsPerEvent === undefined || serverMsPerEvent === undefined
        ? 'n/a'
        : `${(cpuMsPerEvent * 1000).toFixed(0)} µs (server ${(serverMsPerEvent * 1000).toFixed(0)}; clients ${((clientMsPerEvent ?? 0) * 1000).toFixed(0)} beside)`,
      '',
      '',
    ],
    [
      `events/s ${cores} idle cores could learn (projection)`,
      projectedEventsPerSecond === undefined ? 'n/a' : projectedEventsPerSecond.toFixed(0),
      '',
      '',
    ],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(
    `\nFor You serving, scale ${scale}: ${JSON.stringify(instance.counts)}, loaded in ${loadSeconds.toFixed(1)} s, ${serverProcesses} server process(es), ${cores} cores, load average ${os
      .loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')} (other processes share the cores)\n`,
  );
  for (const [index, row] of rows.entries()) {
    console.log(`| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`);
    if (index === 0) console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  }
  const pagesJson = (pages: Pages) => ({
    pages: pages.count,
    pagesPerSecond: round(pages.pagesPerSecond),
    p50Ms: round(pages.p50),
    p99Ms: round(pages.p99),
    shortPages: pages.short,
    stagesMs: Object.fromEntries(
      [...pages.stages].map(([stage, { p50, p99 }]) => [
        stage,
        { p50: round(p50), p99: round(p99) },
      ]),
    ),
  });
  const eventsJson = (result: EventLoadResult) => {
    const batches = summarise(result.latencies);
    return {
      events: result.accepted,
      eventsPerSecond: round(result.accepted / result.seconds),
      batchesNotTaken: result.skipped,
      batchP50Ms: round(batches.p50),
      batchP99Ms: round(batches.p99),
    };
  };
  const withEventsJson = (run: { pages: Pages; events: EventLoadResult } | undefined) =>
    run === undefined ? null : { ...pagesJson(run.pages), ...eventsJson(run.events) };
  const orNull = (value: number | undefined, format: (value: number) => number) =>
    value === undefined ? null : format(value);
  console.log(
    JSON.stringify({
      bench: 'feed',
      scale,
      seconds,
      phases: [...phases].sort(),
      concurrentViewers,
      thinkMs,
      offeredEventsPerSecond,
      ingesters,
      batchSize: BATCH_SIZE,
      instance: instance.counts,
      loadSeconds: round(loadSeconds),
      cores,
      serverProcesses,
      loadAverage: os.loadavg().map(round),
      warmUpSeconds,
      warmUp: withEventsJson(warmUp),
      pagesOnly: alone === undefined ? null : pagesJson(alone),
      whileEventsArrive: withEventsJson(steady),
      whileIngestSaturates: withEventsJson(saturated),
      ingestAlone: ingestAlone === undefined ? null : eventsJson(ingestAlone),
      cpu: {
        msPerPage: orNull(cpuMsPerPage, round),
        serverMsPerPage: orNull(serverMsPerPage, round),
        clientMsPerPage: orNull(clientMsPerPage, round),
        usPerEvent: orNull(cpuMsPerEvent, (value) => Math.round(value * 1000)),
        serverUsPerEvent: orNull(serverMsPerEvent, (value) => Math.round(value * 1000)),
        clientUsPerEvent: orNull(clientMsPerEvent, (value) => Math.round(value * 1000)),
        projectedPagesPerSecond: orNull(projectedPagesPerSecond, Math.round),
        projectedEventsPerSecond: orNull(projectedEventsPerSecond, Math.round),
      },
      targets: { p99Ms: TARGET_P99_MS, eventsPerSecond: TARGET_EVENTS_PER_SECOND },
      isMet: { p99: isP99Met, ingest: isIngestMet === true },
    }),
  );

  /** Pages for `duration` seconds while `load` runs until they end. */
  async function withEvents(
    load: (until: Promise<unknown>) => Promise<EventLoadResult>,
    duration = seconds,
  ) {
    let end!: () => void;
    const until = new Promise<void>((resolve) => (end = resolve));
    const loading = load(until);
    const pages = await runPages(readPage, duration).finally(end);
    return { pages, events: await loading };
  }
} finally {
  await server?.stop();
  await ctx.close();
  if (!values['keep-data'] && !values['data-dir'])
    await rm(dataDir, { recursive: true, force: true });
}

/** 20 (--viewers) loops each reading a page after the other, for `seconds`. */
async function runPages(readPage: (index: number) => Promise<PageRead>, durationSeconds: number) {
  // Each page's latency and when it was asked for, from the start: slow pages bunched at one
  // instant are a stall (a cold start, a burst), slow pages spread over the run are the load.
  const pages: PageSeen[] = [];
  let short = 0;
  let counter = 0;
  const startedAt = performance.now();
  const endAt = startedAt + durationSeconds * 1000;
  const random = createSeededRandom(seed + 7);
  const think = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.all(
    Array.from({ length: concurrentViewers }, async () => {
      if (thinkMs > 0) await think(random() * thinkMs);
      while (performance.now() < endAt) {
        const atSeconds = (performance.now() - startedAt) / 1000;
        const result = await readPage(counter++);
        pages.push({ ms: result.ms, atSeconds, stages: result.stages });
        if (result.items < PAGE_SIZE) short += 1;
        if (thinkMs > 0) await think(-Math.log(1 - random()) * thinkMs);
      }
    }),
  );
  return summarisePages(pages, durationSeconds, short);
}

function pickViewers(instance: Instance, count: number, random: () => number): string[] {
  const active = instance.activeViewerIds;
  const picked = new Set<string>(active.slice(0, Math.min(active.length, count / 4)));
  while (picked.size < Math.min(count, active.length)) {
    picked.add(active[Math.floor(random() * active.length)]!);
  }
  return [...picked];
}

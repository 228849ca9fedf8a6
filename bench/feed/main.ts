// `npm run bench:feed`: For You serving on a synthetic instance (100k videos, 50k accounts, 5M
// events at --scale 1), through the real server (createContext + buildApp, requests by inject):
// page latency for 10 items with 20 concurrent viewers, then the same while event batches are
// ingested as fast as they are accepted. Progress to stderr; the table and, last, one JSON line
// to stdout.
//
//   npm run bench:feed -- [--scale 0.1] [--seconds 20] [--viewers 20] [--think-ms 1000]
//                         [--ingesters 16] [--seed 1] [--data-dir DIR]
//
// Each of the 20 viewers asks for a page, "watches" it for a while, and asks again: independent
// viewers, so each starts at a random instant of the first --think-ms and watches for a time
// drawn from an exponential distribution of mean --think-ms (a real viewer watches ten videos,
// minutes; 1 s keeps the load at ~20 pages/s). With a fixed think time from one start, the 20
// would ask in step, in bursts of 20 pages at once, for the whole run. --think-ms 0 turns them
// into a closed loop measuring capacity instead (latency is then queueing). Each ingester is a
// client posting 100-event batches back to back (anonymous visitors, distinct addresses).
//
// The database is the server's own embedded PostgreSQL in a temporary data directory, or
// DATABASE_URL (an empty database: the bench migrates and fills it). --data-dir DIR keeps the
// cluster in DIR and, when DIR already holds an instance of the same shape, measures on it as the
// last run left it (its ingest included) instead of loading anew.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { createContext } from '../../server/src/context.js';
import { generateInstance, makeZipf, type Instance } from './generate.js';
import { readSavedInstance, saveInstance } from './instance-file.js';
import { createSeededRandom } from '@shortwave/ranking';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '20' },
    viewers: { type: 'string', default: '20' },
    ingesters: { type: 'string', default: '16' },
    'think-ms': { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'keep-data': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
});
const scale = Number(values.scale);
const seconds = Number(values.seconds);
const concurrentViewers = Number(values.viewers);
const ingesters = Number(values.ingesters);
const seed = Number(values.seed);
const thinkMs = Number(values['think-ms']);
if (!(scale > 0) || !(seconds > 0) || !(concurrentViewers > 0) || !(ingesters >= 0)) {
  console.error('usage: bench:feed [--scale 0.1] [--seconds 20] [--viewers 20] [--ingesters 4]');
  process.exit(2);
}

const TARGET_P99_MS = 50;
const TARGET_EVENTS_PER_SECOND = 5_000;
const PAGE_SIZE = 10;
const BATCH_SIZE = 100;
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
const log = pino({ level: 'warn' });
progress(`starting PostgreSQL (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'})`);
const ctx = await createContext(config, log, 'serve');
const app = await buildApp(ctx);
await app.ready();

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

  const readPage = async (index: number): Promise<{ ms: number; items: number }> => {
    const isCold = index % 10 === 9;
    const started = performance.now();
    const response = await app.inject({
      method: 'GET',
      url: isCold
        ? `/api/v1/feed/for-you?limit=${PAGE_SIZE}&anonymousId=${randomBytes(12).toString('base64url')}`
        : `/api/v1/feed/for-you?limit=${PAGE_SIZE}`,
      headers: isCold ? {} : { cookie: cookies[index % cookies.length]! },
    });
    const ms = performance.now() - started;
    if (response.statusCode !== 200)
      throw new Error(`page: ${response.statusCode} ${response.body}`);
    return { ms, items: response.json<{ items: unknown[] }>().items.length };
  };

  // Warm-up: JIT, plans, caches.
  for (let index = 0; index < 40; index += 1) await readPage(index);

  progress(`phase 1: pages only, ${concurrentViewers} concurrent viewers, ${seconds} s`);
  const aloneRun = await measureCpu(() => runPages(readPage, seconds));
  const alone = aloneRun.result;
  // CPU per page (server + PostgreSQL), and what two otherwise idle cores would then serve.
  const cpuMsPerPage =
    aloneRun.cpuSeconds === undefined ? undefined : (aloneRun.cpuSeconds * 1000) / alone.count;
  // The Node side alone (the server and this bench's clients, which share its process).
  const nodeMsPerPage = (aloneRun.nodeCpuSeconds * 1000) / alone.count;
  progress(
    `  ${alone.count} pages, p50 ${alone.p50.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms`,
  );

  progress(
    `phase 2: pages and ${ingesters} event ingesters (batches of ${BATCH_SIZE}), ${seconds} s`,
  );
  const ingest = { events: 0, batches: 0, accepted: 0, latencies: [] as number[] };
  const publicVideos = instance.communityVideos;
  const zipfs = publicVideos.map((list) =>
    list.length ? makeZipf(list.length, 1, random) : () => 0,
  );
  const deadline = { isDone: false };
  const ingestLoop = async (worker: number) => {
    let n = 0;
    while (!deadline.isDone) {
      n += 1;
      const community = Math.floor(random() * publicVideos.length);
      const list = publicVideos[community]!;
      if (list.length === 0) continue;
      const events: object[] = [];
      while (events.length < BATCH_SIZE) {
        const video = instance.videos[list[zipfs[community]!()]!]!;
        const isWatched = random() < 0.6;
        events.push(
          { id: randomUUID(), kind: 'impression', videoId: video.videoId },
          { id: randomUUID(), kind: 'play', videoId: video.videoId },
          {
            id: randomUUID(),
            kind: 'watch-progress',
            videoId: video.videoId,
            watchedMs: isWatched ? video.durationMs : 500,
          },
          {
            id: randomUUID(),
            kind: isWatched ? 'completion' : 'quick-skip',
            videoId: video.videoId,
          },
        );
      }
      const started = performance.now();
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/feed/events',
        payload: { events, anonymousId: `bench-ingest-${worker}-${n % 500}-xxxxxx` },
        remoteAddress: `10.${worker}.${(n >> 8) & 255}.${n & 255}`,
      });
      ingest.latencies.push(performance.now() - started);
      if (response.statusCode !== 200)
        throw new Error(`events: ${response.statusCode} ${response.body}`);
      ingest.accepted += response.json<{ accepted: number }>().accepted;
      ingest.events += events.length;
      ingest.batches += 1;
    }
  };
  const ingestStarted = performance.now();
  const loadedRun = await measureCpu(async () => {
    const ingestRuns = Array.from({ length: ingesters }, (_, worker) => ingestLoop(worker));
    const pages = await runPages(readPage, seconds);
    deadline.isDone = true;
    await Promise.all(ingestRuns);
    return pages;
  });
  const loaded = loadedRun.result;
  const ingestSeconds = (performance.now() - ingestStarted) / 1000;
  const eventsPerSecond = ingest.accepted / ingestSeconds;
  const batchLatency = summarise(ingest.latencies);
  progress(`phase 3: ${ingesters} event ingesters alone, ${seconds} s (CPU per event)`);
  const alonePhase = { accepted: ingest.accepted };
  deadline.isDone = false;
  const ingestAloneStarted = performance.now();
  const ingestAloneRun = await measureCpu(async () => {
    const runs = Array.from({ length: ingesters }, (_, worker) => ingestLoop(worker + 100));
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    deadline.isDone = true;
    await Promise.all(runs);
  });
  const ingestAloneSeconds = (performance.now() - ingestAloneStarted) / 1000;
  const aloneAccepted = ingest.accepted - alonePhase.accepted;
  const eventsAlonePerSecond = aloneAccepted / ingestAloneSeconds;
  progress(`  ${aloneAccepted} events, ${eventsAlonePerSecond.toFixed(0)} events/s`);
  const cpuMsPerEvent =
    ingestAloneRun.cpuSeconds === undefined || aloneAccepted === 0
      ? undefined
      : (ingestAloneRun.cpuSeconds * 1000) / aloneAccepted;
  const cores = os.cpus().length;
  const projectedPagesPerSecond =
    cpuMsPerPage === undefined ? undefined : (cores * 1000) / cpuMsPerPage;
  const projectedEventsPerSecond =
    cpuMsPerEvent === undefined || cpuMsPerEvent <= 0 ? undefined : (cores * 1000) / cpuMsPerEvent;
  progress(
    `  ${loaded.count} pages, p50 ${loaded.p50.toFixed(1)} ms, p99 ${loaded.p99.toFixed(1)} ms; ${ingest.accepted} events, ${eventsPerSecond.toFixed(0)} events/s`,
  );

  const rows: [string, string, string, string][] = [
    ['figure', 'ours', 'target', 'met'],
    [
      `page p50, 10 items, ${concurrentViewers} viewers (pages only)`,
      `${alone.p50.toFixed(1)} ms`,
      '',
      '',
    ],
    [
      `page p99, 10 items, ${concurrentViewers} viewers (pages only)`,
      `${alone.p99.toFixed(1)} ms`,
      `< ${TARGET_P99_MS} ms`,
      alone.p99 < TARGET_P99_MS ? 'yes' : 'NO',
    ],
    ['page p50 while ingesting', `${loaded.p50.toFixed(1)} ms`, '', ''],
    [
      'page p99 while ingesting',
      `${loaded.p99.toFixed(1)} ms`,
      `< ${TARGET_P99_MS} ms`,
      loaded.p99 < TARGET_P99_MS ? 'yes' : 'NO',
    ],
    [
      'event ingest while serving pages',
      `${eventsPerSecond.toFixed(0)} events/s`,
      `> ${TARGET_EVENTS_PER_SECOND} events/s`,
      eventsPerSecond > TARGET_EVENTS_PER_SECOND ? 'yes' : 'NO',
    ],
    ['event ingest alone', `${eventsAlonePerSecond.toFixed(0)} events/s`, '', ''],
    [
      'CPU per page (server + PostgreSQL)',
      cpuMsPerPage === undefined
        ? 'n/a'
        : `${cpuMsPerPage.toFixed(1)} ms (server ${nodeMsPerPage.toFixed(1)})`,
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
      cpuMsPerEvent === undefined ? 'n/a' : `${(cpuMsPerEvent * 1000).toFixed(0)} µs`,
      '',
      '',
    ],
    [
      `events/s ${cores} idle cores could learn (projection)`,
      projectedEventsPerSecond === undefined ? 'n/a' : projectedEventsPerSecond.toFixed(0),
      `> ${TARGET_EVENTS_PER_SECOND}`,
      projectedEventsPerSecond === undefined
        ? ''
        : projectedEventsPerSecond > TARGET_EVENTS_PER_SECOND
          ? 'yes'
          : 'NO',
    ],
    [
      'event batch (100) latency p50 / p99',
      `${batchLatency.p50.toFixed(0)} / ${batchLatency.p99.toFixed(0)} ms`,
      '',
      '',
    ],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(
    `\nFor You serving, scale ${scale}: ${JSON.stringify(instance.counts)}, loaded in ${loadSeconds.toFixed(1)} s, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')} (other processes share the cores)\n`,
  );
  for (const [index, row] of rows.entries()) {
    console.log(`| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`);
    if (index === 0) console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  }
  console.log(
    JSON.stringify({
      bench: 'feed',
      scale,
      seconds,
      concurrentViewers,
      thinkMs,
      ingesters,
      instance: instance.counts,
      loadSeconds: round(loadSeconds),
      cores: os.cpus().length,
      loadAverage: os.loadavg().map(round),
      pagesOnly: {
        pages: alone.count,
        p50Ms: round(alone.p50),
        p99Ms: round(alone.p99),
        emptyPages: alone.empty,
      },
      whileIngesting: {
        pages: loaded.count,
        pagesPerSecond: round(loaded.pagesPerSecond),
        p50Ms: round(loaded.p50),
        p99Ms: round(loaded.p99),
        eventsPerSecond: round(eventsPerSecond),
        events: alonePhase.accepted,
        batchP50Ms: round(batchLatency.p50),
        batchP99Ms: round(batchLatency.p99),
      },
      ingestAlone: { events: aloneAccepted, eventsPerSecond: round(eventsAlonePerSecond) },
      cpu: {
        msPerPage: cpuMsPerPage === undefined ? null : round(cpuMsPerPage),
        serverMsPerPage: round(nodeMsPerPage),
        usPerEvent: cpuMsPerEvent === undefined ? null : Math.round(cpuMsPerEvent * 1000),
        projectedPagesPerSecond:
          projectedPagesPerSecond === undefined ? null : Math.round(projectedPagesPerSecond),
        projectedEventsPerSecond:
          projectedEventsPerSecond === undefined ? null : Math.round(projectedEventsPerSecond),
      },
      targets: { p99Ms: TARGET_P99_MS, eventsPerSecond: TARGET_EVENTS_PER_SECOND },
      isMet: {
        p99: loaded.p99 < TARGET_P99_MS,
        ingest: eventsPerSecond > TARGET_EVENTS_PER_SECOND,
      },
    }),
  );
} finally {
  await app.close();
  await ctx.close();
  if (!values['keep-data'] && !values['data-dir'])
    await rm(dataDir, { recursive: true, force: true });
}

/** 20 (--viewers) loops each reading a page after the other, for `seconds`. */
async function runPages(
  readPage: (index: number) => Promise<{ ms: number; items: number }>,
  durationSeconds: number,
) {
  const latencies: number[] = [];
  let empty = 0;
  let counter = 0;
  const endAt = performance.now() + durationSeconds * 1000;
  const random = createSeededRandom(seed + 7);
  const think = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.all(
    Array.from({ length: concurrentViewers }, async () => {
      if (thinkMs > 0) await think(random() * thinkMs);
      while (performance.now() < endAt) {
        const result = await readPage(counter++);
        latencies.push(result.ms);
        if (result.items < PAGE_SIZE) empty += 1;
        if (thinkMs > 0) await think(-Math.log(1 - random()) * thinkMs);
      }
    }),
  );
  return {
    count: latencies.length,
    pagesPerSecond: latencies.length / durationSeconds,
    empty,
    ...summarise(latencies),
  };
}

function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

function pickViewers(instance: Instance, count: number, random: () => number): string[] {
  const active = instance.activeViewerIds;
  const picked = new Set<string>(active.slice(0, Math.min(active.length, count / 4)));
  while (picked.size < Math.min(count, active.length)) {
    picked.add(active[Math.floor(random() * active.length)]!);
  }
  return [...picked];
}

/**
 * CPU seconds used so far by this process and by the embedded PostgreSQL (its postmaster and
 * every child, from /proc): the cost of the work, whatever else runs on the machine.
 */
async function readCpuSeconds(): Promise<{ node: number; postgres: number | undefined }> {
  const usage = process.cpuUsage();
  const node = (usage.user + usage.system) / 1e6;
  if (process.env.DATABASE_URL) return { node, postgres: undefined };
  try {
    const postmaster = Number(
      (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    const ticks = 100; // USER_HZ on Linux
    let total = 0;
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const parent = Number(fields[1]);
      if (pid === postmaster || parent === postmaster) {
        total += (Number(fields[11]) + Number(fields[12])) / ticks;
      }
    }
    return { node, postgres: total };
  } catch {
    return { node, postgres: undefined };
  }
}

async function measureCpu<T>(
  work: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: number | undefined; nodeCpuSeconds: number }> {
  const before = await readCpuSeconds();
  const result = await work();
  const after = await readCpuSeconds();
  const cpuSeconds =
    before.postgres === undefined || after.postgres === undefined
      ? undefined
      : after.node - before.node + (after.postgres - before.postgres);
  return { result, cpuSeconds, nodeCpuSeconds: after.node - before.node };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

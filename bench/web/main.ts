// `npm run bench:web`: the watching experience of the web client, measured in a real headless
// Chromium at phone size against a real Shortwave on loopback. Builds the web client (production),
// starts `shortwave` on a fresh data directory, seeds a feed of tiny portrait clips through the
// HTTP API (e2e/seed.ts), then measures, inside the page with performance.now():
//   - navigation → first decoded frame of the first video;
//   - swipe (ArrowDown dispatched in the page) → first frame of the next video while it plays,
//     over --swipes swipes, median and p95;
//   - JavaScript (gzip) and all bytes transferred before the first frame;
//   - the JS heap after the first frame and after every swipe.
// The same swipes are run a second time with prefers-reduced-motion, where the feed jumps
// instead of scrolling smoothly: the difference is the scroll animation. Progress to stderr; the
// table and, last, one JSON line to stdout. Missed targets do not fail the run; errors do.
//
//   npm run bench:web -- [--videos 55] [--swipes 50] [--dwell-ms 1000] [--concurrency 3]
//                        [--keep-data] [--data-dir DIR]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPhoneContext } from '../../e2e/browser.js';
import { seedCreator, seedVideo, type SeededCreator } from '../../e2e/seed.js';
import { REPO_ROOT, startShortwave } from '../../server/test/process.js';
import { PAGE_SCRIPT, type PageBytes, type SwipeResult } from './page.js';

const { values } = parseArgs({
  options: {
    videos: { type: 'string', default: '55' },
    swipes: { type: 'string', default: '50' },
    'dwell-ms': { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '3' },
    'keep-data': { type: 'boolean', default: false },
    // Kept; seeded only the first time (to iterate on the client without transcoding again).
    'data-dir': { type: 'string' },
    // Fresh lists every seeded video newest first, so 50 swipes always have a next video; For You
    // ('/') ranks and pages as it learns, which is its own test (e2e/for-you.e2e.test.ts).
    feed: { type: 'string', default: '/fresh' },
  },
});
const videoCount = Number(values.videos);
const swipeCount = Number(values.swipes);
const dwellMs = Number(values['dwell-ms']);
const concurrency = Number(values.concurrency);
if (videoCount < swipeCount + 1) throw new Error('--videos must exceed --swipes');

const TARGETS = { firstFrameMs: 1500, swipeP95Ms: 100, initialJsGzipBytes: 150 * 1024 };
const CREATORS = 5;
const FRAME_TIMEOUT_MS = 10_000;

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

async function seedFeed(baseUrl: string): Promise<void> {
  const creators: SeededCreator[] = [];
  for (let i = 0; i < CREATORS; i += 1)
    creators.push(await seedCreator(baseUrl, { prefix: 'bench', displayName: `Bench ${i + 1}` }));
  let next = 0;
  let done = 0;
  const startedAt = performance.now();
  const uploader = async () => {
    while (next < videoCount) {
      const index = next;
      next += 1;
      const creator = creators[index % creators.length]!;
      await seedVideo(baseUrl, creator, { caption: `Bench clip ${index + 1}`, durationSeconds: 3 });
      done += 1;
      if (done % 10 === 0 || done === videoCount)
        log(
          `  ${done}/${videoCount} ready (${((performance.now() - startedAt) / 1000).toFixed(0)} s)`,
        );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, uploader));
}

async function heapUsedBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Gzip (level 9) of each script body, fetched again from the server (it serves uncompressed). */
async function gzipBytes(urls: string[]): Promise<{ url: string; raw: number; gzip: number }[]> {
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      return { url, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    }),
  );
}

type Pass = {
  firstFrameMs: number;
  swipes: SwipeResult[];
  bytes: PageBytes;
  heapAfterFirstFrame: number;
  heapAfterSwipes: number;
  /** Heap every 10 swipes, to see whether it grows or plateaus. */
  heapSamples: { swipes: number; bytes: number }[];
  attachedPlayersAfterSwipes: number;
};

async function runPass(browser: Browser, baseUrl: string, reducedMotion: boolean): Promise<Pass> {
  const context = await newPhoneContext(browser, baseUrl);
  try {
    await context.addInitScript({ content: PAGE_SCRIPT });
    const page = await context.newPage();
    if (reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(values.feed);
    const firstFrameMs = await page.evaluate<number>(
      `window.__swBench.firstFrame(${FRAME_TIMEOUT_MS})`,
    );
    const bytes = await page.evaluate<PageBytes>('window.__swBench.bytes()');
    await sleep(dwellMs);
    const heapAfterFirstFrame = await heapUsedBytes(page);

    const heapSamples = [{ swipes: 0, bytes: heapAfterFirstFrame }];
    const swipes: SwipeResult[] = [];
    for (let i = 0; i < swipeCount; i += 1) {
      const result = await page.evaluate<SwipeResult>(
        `window.__swBench.swipe(${FRAME_TIMEOUT_MS})`,
      );
      if (result.error) throw new Error(`swipe ${i + 1}: ${result.error}`);
      swipes.push(result);
      await sleep(dwellMs);
      if ((i + 1) % 10 === 0 && i + 1 < swipeCount)
        heapSamples.push({ swipes: i + 1, bytes: await heapUsedBytes(page) });
    }
    const heapAfterSwipes = await heapUsedBytes(page);
    heapSamples.push({ swipes: swipeCount, bytes: heapAfterSwipes });
    const attachedPlayersAfterSwipes = await page.evaluate<number>(
      `[...document.querySelectorAll('video')].filter((v) => v.src.startsWith('blob:')).length`,
    );
    if (errors.length > 0) throw new Error(`errors in the page: ${errors.join('; ')}`);
    return {
      firstFrameMs,
      swipes,
      bytes,
      heapAfterFirstFrame,
      heapAfterSwipes,
      heapSamples,
      attachedPlayersAfterSwipes,
    };
  } finally {
    await context.close();
  }
}

const dataDir = values['data-dir'] ?? (await mkdtemp(path.join(os.tmpdir(), 'sw-bench-web-')));
await mkdir(dataDir, { recursive: true });
await chmod(dataDir, 0o755);
const seededMarker = path.join(dataDir, 'bench-web-seeded');
const isSeeded = values['data-dir'] !== undefined && existsSync(seededMarker);
const webDist = path.join(dataDir, 'web');
log('building the web client (production)…');
execFileSync(
  process.execPath,
  [
    path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'web/vite.config.ts',
    '--outDir',
    webDist,
    '--logLevel',
    'warn',
  ],
  {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  },
);
const server = await startShortwave([], {
  SHORTWAVE_DATA_DIR: dataDir,
  SHORTWAVE_WEB_DIST: webDist,
  PORT: '0',
  LOG_LEVEL: 'warn',
  SHORTWAVE_AUTH_RATE_LIMIT: '1000',
});
let browser: Browser | undefined;
try {
  if (isSeeded) log(`reusing the feed seeded in ${dataDir}`);
  else {
    log(`seeding ${videoCount} videos (3 s 360x640), ${concurrency} uploads at a time…`);
    await seedFeed(server.url);
    await writeFile(seededMarker, `${videoCount}\n`);
  }
  browser = await launchBrowser();
  log(`pass 1: first frame and ${swipeCount} swipes (smooth scroll, as a viewer gets it)…`);
  const smooth = await runPass(browser, server.url, false);
  log(`pass 2: the same with prefers-reduced-motion (no scroll animation)…`);
  const reduced = await runPass(browser, server.url, true);

  const scripts = await gzipBytes(smooth.bytes.scripts.map((script) => script.url));
  const initialJsGzipBytes = scripts.reduce((sum, script) => sum + script.gzip, 0);
  const initialJsRawBytes = scripts.reduce((sum, script) => sum + script.raw, 0);
  const swipe = summarise(smooth.swipes.map((s) => s.frameAt - s.startedAt));
  const swipeToCurrent = summarise(smooth.swipes.map((s) => s.currentAt - s.startedAt));
  const currentToFrame = summarise(smooth.swipes.map((s) => s.frameAt - s.currentAt));
  const reducedSwipe = summarise(reduced.swipes.map((s) => s.frameAt - s.startedAt));
  const reducedToCurrent = summarise(reduced.swipes.map((s) => s.currentAt - s.startedAt));
  const currentToPlay = summarise(smooth.swipes.map((s) => (s.playAt || s.frameAt) - s.currentAt));
  const playToFrame = summarise(smooth.swipes.map((s) => s.frameAt - (s.playAt || s.frameAt)));
  const playingToFrame = summarise(
    smooth.swipes.map((s) => s.frameAt - (s.playingAt || s.frameAt)),
  );

  // Where the tail is: the slowest swipes, with their parts.
  const slowest = smooth.swipes
    .map((s, index) => ({ index: index + 1, ...s }))
    .sort((a, b) => b.frameAt - b.startedAt - (a.frameAt - a.startedAt))
    .slice(0, 5)
    .map((s) => {
      const part = (from: number, to: number) => Math.round(to - from);
      return `#${s.index} ${part(s.startedAt, s.frameAt)} ms (to current ${part(s.startedAt, s.currentAt)}, to play ${part(s.currentAt, s.playAt || s.currentAt)}, play to frame ${part(s.playAt || s.frameAt, s.frameAt)})`;
    });
  log(`slowest swipes: ${slowest.join('; ')}`);

  const figures = {
    videos: videoCount,
    swipes: swipeCount,
    dwellMs,
    firstFrameMs: Math.round(smooth.firstFrameMs),
    swipeToFrameMedianMs: Math.round(swipe.median),
    swipeToFrameP95Ms: Math.round(swipe.p95),
    swipeToFrameMaxMs: Math.round(swipe.max),
    swipeToCurrentMedianMs: Math.round(swipeToCurrent.median),
    currentToFrameMedianMs: Math.round(currentToFrame.median),
    currentToFrameP95Ms: Math.round(currentToFrame.p95),
    currentToPlayMedianMs: Math.round(currentToPlay.median),
    playToFrameMedianMs: Math.round(playToFrame.median),
    playingToFrameMedianMs: Math.round(playingToFrame.median),
    reducedMotionFirstFrameMs: Math.round(reduced.firstFrameMs),
    reducedMotionSwipeToFrameMedianMs: Math.round(reducedSwipe.median),
    reducedMotionSwipeToFrameP95Ms: Math.round(reducedSwipe.p95),
    reducedMotionSwipeToCurrentMedianMs: Math.round(reducedToCurrent.median),
    initialJsGzipBytes,
    initialJsRawBytes,
    initialScripts: scripts.length,
    bytesBeforeFirstFrame: smooth.bytes.totalTransferBytes,
    requestsBeforeFirstFrame: smooth.bytes.requests,
    heapAfterFirstFrameBytes: smooth.heapAfterFirstFrame,
    heapAfterSwipesBytes: smooth.heapAfterSwipes,
    heapSamples: smooth.heapSamples,
    attachedPlayersAfterSwipes: smooth.attachedPlayersAfterSwipes,
  };

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rows: [string, string, string, string][] = [
    ['figure', 'value', 'target', ''],
    [
      'navigation → first frame',
      `${figures.firstFrameMs} ms`,
      `< ${TARGETS.firstFrameMs} ms`,
      verdict(figures.firstFrameMs < TARGETS.firstFrameMs),
    ],
    [
      `swipe → frame, p95 (${swipeCount})`,
      `${figures.swipeToFrameP95Ms} ms`,
      `< ${TARGETS.swipeP95Ms} ms`,
      verdict(figures.swipeToFrameP95Ms < TARGETS.swipeP95Ms),
    ],
    ['swipe → frame, median', `${figures.swipeToFrameMedianMs} ms`, '', ''],
    ['  of which swipe → current (scroll)', `${figures.swipeToCurrentMedianMs} ms`, '', ''],
    [
      '  of which current → frame (player)',
      `${figures.currentToFrameMedianMs} ms (p95 ${figures.currentToFrameP95Ms})`,
      '',
      '',
    ],
    ['    current → play() (React)', `${figures.currentToPlayMedianMs} ms`, '', ''],
    ['    play() → frame (media pipeline)', `${figures.playToFrameMedianMs} ms`, '', ''],
    [
      'reduced motion: swipe → frame, p95',
      `${figures.reducedMotionSwipeToFrameP95Ms} ms (median ${figures.reducedMotionSwipeToFrameMedianMs})`,
      `< ${TARGETS.swipeP95Ms} ms`,
      verdict(figures.reducedMotionSwipeToFrameP95Ms < TARGETS.swipeP95Ms),
    ],
    [
      `initial JS, gzip (${scripts.length} scripts)`,
      kb(initialJsGzipBytes),
      `< ${kb(TARGETS.initialJsGzipBytes)}`,
      verdict(initialJsGzipBytes < TARGETS.initialJsGzipBytes),
    ],
    ['initial JS, uncompressed', kb(initialJsRawBytes), '', ''],
    [
      'all bytes before first frame',
      `${kb(figures.bytesBeforeFirstFrame)} (${figures.requestsBeforeFirstFrame} requests)`,
      '',
      '',
    ],
    ['JS heap after first frame', mb(figures.heapAfterFirstFrameBytes), '', ''],
    [`JS heap after ${swipeCount} swipes`, mb(figures.heapAfterSwipesBytes), 'flat', ''],
    [
      'JS heap every 10 swipes',
      smooth.heapSamples.map((sample) => (sample.bytes / 1024 / 1024).toFixed(1)).join(' '),
      'MB',
      '',
    ],
    ['players attached after swipes', String(figures.attachedPlayersAfterSwipes), '≤ 4', ''],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell))
        .join('  ')
        .trimEnd(),
    );
  console.log('\nscripts before first frame (gzip):');
  for (const script of scripts)
    console.log(
      `  ${kb(script.gzip).padStart(9)} (${kb(script.raw)} raw)  ${new URL(script.url).pathname}`,
    );
  console.log('\nbefore the first frame (ms since navigation, first load):');
  console.log(
    `  ${smooth.bytes.documentEnd.toFixed(0).padStart(5)}  document received` +
      `\n  ${smooth.bytes.domContentLoaded.toFixed(0).padStart(5)}  DOMContentLoaded`,
  );
  for (const entry of smooth.bytes.waterfall) {
    const url = new URL(entry.url);
    console.log(
      `  ${entry.startTime.toFixed(0).padStart(5)} → ${entry.responseEnd.toFixed(0).padStart(5)}` +
        `  ${kb(entry.transferBytes).padStart(9)}  ${(url.pathname + url.search).slice(0, 70)}`,
    );
  }
  console.log(`  ${figures.firstFrameMs.toString().padStart(5)}  first frame\n`);
  console.log(JSON.stringify(figures));
} finally {
  await browser?.close();
  const code = await server.stop('SIGTERM');
  if (code !== 0) log(`shortwave exited with ${code}:\n${server.output()}`);
  if (values['keep-data'] || values['data-dir']) log(`data kept in ${dataDir}`);
  else await rm(dataDir, { recursive: true, force: true });
}

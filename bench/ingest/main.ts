// `npm run bench:ingest`: upload-to-playable time of a running Shortwave next to the floor, one
// plain ffmpeg command producing the same ladder from the same file, measured in the same run.
// Synthesises 1080x1920 30 fps clips with sound (30 s and 60 s by default), uploads each through
// tus-js-client, and times: upload complete; upload complete → first rendition playable;
// upload complete → every rendition ready. Last line: one JSON object.
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { locateFfmpeg, planLadder, probeMedia } from '@shortwave/ffmpeg';
import { makeClip } from '@shortwave/ffmpeg/test/corpus';
import { startShortwave, writePlaceholderWebClient } from '../../server/test/process.js';
import { uploadWithTus } from '../../server/test/tus.js';
import { measureFloorMs } from './floor.js';

const { values } = parseArgs({
  options: { durations: { type: 'string', default: '30,60' } },
});
const durations = values.durations.split(',').map(Number);
const tools = locateFfmpeg();

type Run = {
  durationSeconds: number;
  sourceBytes: number;
  uploadMs: number;
  firstPlayableMs: number;
  allReadyMs: number;
  floorMs: number;
  firstPlayableRatio: number;
  allReadyRatio: number;
};

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-bench-ingest-'));
await chmod(dataDir, 0o755);
const webDist = await writePlaceholderWebClient(path.join(dataDir, 'web'));
const server = await startShortwave([], {
  SHORTWAVE_DATA_DIR: dataDir,
  SHORTWAVE_WEB_DIST: webDist,
  PORT: '0',
  LOG_LEVEL: 'warn',
  SHORTWAVE_WORKER_CONCURRENCY: '1',
});

const runs: Run[] = [];
try {
  const signUp = await fetch(`${server.url}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle: 'bench_ingest', password: 'benchmark password' }),
  });
  const cookie = signUp.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await signUp.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };

  for (const durationSeconds of durations) {
    process.stderr.write(`synthesising a ${durationSeconds} s 1080x1920 clip…\n`);
    const clipPath = await makeClip({ width: 1080, height: 1920, fps: 30, durationSeconds });
    const clip = await readFile(clipPath);

    const draft = await fetch(`${server.url}/api/v1/videos`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ caption: `bench ${durationSeconds} s` }),
    });
    const videoId = ((await draft.json()) as { video: { id: string } }).video.id;
    const milestones = watchProgress(server.url, videoId, headers);
    await milestones.isSubscribed;

    const uploadStartedAt = performance.now();
    const upload = await uploadWithTus(clip, {
      baseUrl: server.url,
      headers,
      videoId,
      chunkSize: 8 * 1024 * 1024,
    });
    if (upload.outcome !== 'success')
      throw new Error(`upload failed: ${JSON.stringify(upload.outcome)}`);
    const uploadedAt = performance.now();
    const { playableAt, readyAt } = await milestones.done;

    process.stderr.write('running the floor: one plain ffmpeg command for the same ladder…\n');
    const plan = planLadder(await probeMedia(clipPath, tools));
    const floorMs = await measureFloorMs({
      ffmpegPath: tools.ffmpegPath,
      inputPath: clipPath,
      plan,
    });
    const run: Run = {
      durationSeconds,
      sourceBytes: clip.length,
      uploadMs: Math.round(uploadedAt - uploadStartedAt),
      firstPlayableMs: Math.round(playableAt - uploadedAt),
      allReadyMs: Math.round(readyAt - uploadedAt),
      floorMs,
      firstPlayableRatio: round((playableAt - uploadedAt) / floorMs),
      allReadyRatio: round((readyAt - uploadedAt) / floorMs),
    };
    runs.push(run);
    process.stderr.write(`${JSON.stringify(run)}\n`);
  }
} finally {
  await server.stop('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}

console.log(
  '\nIngest: upload complete → playable, next to the floor (one plain ffmpeg command, same ladder)\n',
);
console.log('clip   upload   first playable        every rendition ready   floor');
for (const run of runs) {
  console.log(
    `${String(run.durationSeconds).padStart(3)} s  ${seconds(run.uploadMs)}  ${seconds(run.firstPlayableMs)} (${run.firstPlayableRatio}x)   ${seconds(run.allReadyMs)} (${run.allReadyRatio}x)        ${seconds(run.floorMs)}`,
  );
}
console.log('\ntargets: first playable ≤ 0.2x the floor, every rendition ready ≤ 1.1x the floor');
console.log(
  JSON.stringify({
    bench: 'ingest',
    ffmpeg: tools.ffmpegPath,
    cpus: os.cpus().length,
    runs,
  }),
);

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2).padStart(6)} s`;
}

/** Follows the server-sent progress stream; resolves with when it became playable and ready. */
function watchProgress(baseUrl: string, videoId: string, headers: Record<string, string>) {
  let subscribed: () => void = () => {};
  const isSubscribed = new Promise<void>((resolve) => (subscribed = resolve));
  const done = (async () => {
    const response = await fetch(`${baseUrl}/api/v1/videos/${videoId}/progress`, { headers });
    if (!response.ok || !response.body) throw new Error(`progress stream: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let playableAt: number | undefined;
    for (;;) {
      const { value, done: isEnd } = await reader.read();
      if (isEnd) throw new Error('progress stream ended before the video was ready');
      buffer += value;
      const events = buffer.split('\n\n');
      buffer = events.pop() ?? '';
      for (const event of events) {
        const data = event.split('\n').find((line) => line.startsWith('data: '));
        if (!data) continue;
        const state = JSON.parse(data.slice(6)) as { state: string; isPlayable: boolean };
        // The first event is the state at subscription time.
        subscribed();
        if (state.isPlayable && playableAt === undefined) playableAt = performance.now();
        if (state.state === 'failed') throw new Error('the video failed to process');
        if (state.state === 'ready') {
          await reader.cancel();
          const readyAt = performance.now();
          return { playableAt: playableAt ?? readyAt, readyAt };
        }
      }
    }
  })();
  return { isSubscribed, done };
}

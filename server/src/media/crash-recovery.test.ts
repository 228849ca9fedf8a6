// Killing the process mid-transcode (SIGKILL: no cleanup of any kind) and starting it again
// finishes the video, with nothing lost, nothing duplicated, and no orphan process or file.
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeClip } from '@shortwave/ffmpeg/test/corpus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startShortwave,
  writePlaceholderWebClient,
  type RunningShortwave,
} from '../../test/process.js';
import { uploadWithTus } from '../../test/tus.js';

let dataDir: string;
let env: Record<string, string>;
let running: RunningShortwave | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-crash-'));
  await chmod(dataDir, 0o755);
  const webDist = await writePlaceholderWebClient(path.join(dataDir, 'web'));
  env = { SHORTWAVE_DATA_DIR: dataDir, SHORTWAVE_WEB_DIST: webDist, PORT: '0', LOG_LEVEL: 'info' };
});
afterAll(async () => {
  await running?.stop('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
});

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 180_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function processesUsing(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(dir)) count++;
  }
  return count;
}

describe('a crash during processing', () => {
  it('is recovered on restart: the video finishes under one revision and nothing is left over', async () => {
    running = await startShortwave([], env);
    const signUp = await fetch(`${running.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'crash_test', password: 'long enough password' }),
    });
    const cookie = signUp.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await signUp.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const draft = await fetch(`${running.url}/api/v1/videos`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    const videoId = ((await draft.json()) as { video: { id: string } }).video.id;
    const clip = await readFile(await makeClip({ width: 720, height: 1280, durationSeconds: 20 }));
    const upload = await uploadWithTus(clip, {
      baseUrl: running.url,
      headers: { cookie, 'x-csrf-token': csrfToken },
      videoId,
    });
    expect(upload.outcome).toBe('success');

    const readVideo = async () => {
      const response = await fetch(`${running!.url}/api/v1/videos/${videoId}`, {
        headers: { cookie },
      });
      return (await response.json()) as {
        state: string;
        processingPercent: number;
        isPlayable: boolean;
        playlistUrl: string | null;
      };
    };
    // Kill it once the transcode is well under way and some segments are published.
    await waitFor('processing under way', async () => {
      const video = await readVideo();
      return video.isPlayable && video.processingPercent >= 10 ? video : undefined;
    });
    const firstAttempt = (await readVideo()).playlistUrl!.split('/')[4]!;
    running.child.kill('SIGKILL');
    await new Promise((resolve) => running!.child.once('close', resolve));

    running = await startShortwave([], env);
    const ready = await waitFor('the video to be ready again', async () => {
      const video = await readVideo();
      return video.state === 'ready' ? video : undefined;
    });
    const revision = ready.playlistUrl!.split('/')[4]!;
    expect(revision).not.toBe(firstAttempt);

    // The whole video is there: every segment of every rendition, listed and served.
    const master = await (
      await fetch(`${running.url}${ready.playlistUrl!}`, { headers: { cookie } })
    ).text();
    expect(master.match(/#EXT-X-STREAM-INF/g)).toHaveLength(3); // 720p, 480p, 360p
    const media = await (
      await fetch(`${running.url}${ready.playlistUrl!.replace('master.m3u8', '360p/index.m3u8')}`, {
        headers: { cookie },
      })
    ).text();
    expect(media).toContain('#EXT-X-ENDLIST');
    expect(media.match(/#EXTINF/g)).toHaveLength(10);

    // Nothing duplicated or orphaned: one revision in the blob store, no source, no scratch,
    // no ffmpeg left running from the killed process.
    const videoDir = path.join(dataDir, 'blobs', 'accounts');
    await waitFor(
      'old revision deleted',
      async () => {
        const [account] = await readdir(videoDir);
        const revisions = await readdir(path.join(videoDir, account!, 'videos', videoId));
        return revisions.length === 1 && revisions[0] === revision ? true : undefined;
      },
      60_000,
    );
    expect(await readdir(path.join(dataDir, 'scratch')).catch(() => [])).toEqual([]);
    expect(await processesUsing(path.join(dataDir, 'scratch'))).toBe(0);
    expect(await readdir(path.join(dataDir, 'uploads')).catch(() => [])).toEqual([]);

    expect(await running.stop('SIGTERM')).toBe(0);
    running = undefined;
  }, 400_000);
});

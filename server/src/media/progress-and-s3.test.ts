// The creator's progress stream, and the whole pipeline on an S3-compatible store (s3rver).
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeLandscapeClip } from '@shortwave/ffmpeg/test/corpus';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { uploadAndProcess, uploadVideoFile } from '../../test/videos.js';

type ProgressEvent = { videoId: string; state: string; percent: number; isPlayable: boolean };

/** Reads the server-sent events of a progress stream until it closes. */
async function readProgress(response: Response): Promise<ProgressEvent[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .map((block) => block.split('\n').find((line) => line.startsWith('data: ')))
    .filter((line): line is string => line !== undefined)
    .map((line) => JSON.parse(line.slice(6)) as ProgressEvent);
}

describe('the processing progress stream', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { isListening: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('streams processing, then playable, then ready, and closes', async () => {
    const creator = await makeAccount(t.app);
    const videoId = await uploadVideoFile(t, creator, await makeLandscapeClip());
    const stream = await fetch(`${t.url}/api/v1/videos/${videoId}/progress`, {
      headers: { cookie: creator.cookie },
    });
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = readProgress(stream);
    await t.drainJobs();
    const received = await events;
    expect(received[0]).toMatchObject({ videoId, state: 'processing' });
    expect(received.at(-1)).toMatchObject({ state: 'ready', isPlayable: true });
    expect(received.some((e) => e.state === 'processing' && e.isPlayable)).toBe(true);
  });

  it('is only for the creator', async () => {
    const creator = await makeAccount(t.app);
    const stranger = await makeAccount(t.app);
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/videos',
      headers: creator.headers,
      payload: {},
    });
    const videoId = draft.json<{ video: { id: string } }>().video.id;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/videos/${videoId}/progress`,
      headers: { cookie: stranger.cookie },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('the pipeline on an S3-compatible store', () => {
  let server: S3rver;
  let t: TestApp;
  beforeAll(async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: await mkdtemp(path.join(os.tmpdir(), 'sw-s3rver-')),
      configureBuckets: [{ name: 'shortwave-media', configs: [] }],
    });
    const { port } = await server.run();
    t = await startTestApp(
      {
        SHORTWAVE_S3_BUCKET: 'shortwave-media',
        SHORTWAVE_S3_ENDPOINT: `http://127.0.0.1:${port}`,
        SHORTWAVE_S3_ACCESS_KEY_ID: 'S3RVER',
        SHORTWAVE_S3_SECRET_ACCESS_KEY: 'S3RVER',
        SHORTWAVE_S3_FORCE_PATH_STYLE: 'true',
        SHORTWAVE_S3_PREFIX: 'instance-a/',
      },
      { isListening: true },
    );
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('stores the source, the ladder and the images in the bucket, serves them, and deletes them', async () => {
    const creator = await makeAccount(t.app);
    const video = await uploadAndProcess(t, creator, await makeLandscapeClip());
    expect(video.state).toBe('ready');
    const keys = await t.ctx.blobs.list(`accounts/${creator.id}/videos/${video.id}/`);
    expect(keys.some((key) => key.endsWith('/master.m3u8'))).toBe(true);
    expect(keys.some((key) => key.includes('/source/'))).toBe(false);
    const master = await t.app.inject({
      method: 'GET',
      url: `/media/videos/${video.id}/${video.mediaRevision}/master.m3u8`,
    });
    expect(master.statusCode).toBe(200);
    const segment = await t.app.inject({
      method: 'GET',
      url: `/media/videos/${video.id}/${video.mediaRevision}/360p/init.mp4`,
      headers: { range: 'bytes=0-15' },
    });
    expect(segment.statusCode).toBe(206);
    expect(segment.rawPayload).toHaveLength(16);

    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/videos/${video.id}`,
      headers: creator.headers,
    });
    await t.drainJobs();
    expect(await t.ctx.blobs.list(`accounts/${creator.id}/`)).toEqual([]);
  });
});

// Every kind of file a person might upload, through the real pipeline: each ends `ready` with a
// correct ladder or `failed` with a clear reason; the server stays up; a failure leaves no blob.
import { makeLongClip } from '@shortwave/ffmpeg/test/corpus';
import * as corpus from '@shortwave/ffmpeg/test/corpus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, type TestAccount } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { uploadWithTus } from '../../test/tus.js';
import { uploadAndProcess, uploadVideoFile } from '../../test/videos.js';

let t: TestApp;
let creator: TestAccount;
beforeAll(async () => {
  t = await startTestApp({ SHORTWAVE_MAX_VIDEO_SECONDS: '5' }, { isListening: true });
  creator = await makeAccount(t.app);
});
afterAll(async () => {
  await t.close();
});

const cases: [
  string,
  () => Promise<string>,
  { state: 'ready'; shape?: string } | { state: 'failed'; code: string; reason: RegExp },
][] = [
  [
    'random bytes named .mp4',
    corpus.makeRandomBytesFile,
    { state: 'failed', code: 'unreadable', reason: /not a video/ },
  ],
  [
    'a PNG renamed to .mp4',
    corpus.makePngNamedMp4,
    { state: 'failed', code: 'still-image', reason: /./ },
  ],
  [
    'a truncated mp4',
    corpus.makeTruncatedClip,
    { state: 'failed', code: 'truncated', reason: /incomplete/ },
  ],
  [
    'an mp4 with its moov atom cut off',
    corpus.makeMoovCutClip,
    { state: 'failed', code: 'truncated', reason: /incomplete/ },
  ],
  [
    'audio only',
    corpus.makeAudioOnlyFile,
    { state: 'failed', code: 'no-video', reason: /sound|video/ },
  ],
  [
    'a 0.2 s clip',
    corpus.makeTinyDurationClip,
    { state: 'failed', code: 'too-short', reason: /0\.2 s/ },
  ],
  [
    'a 2x2 clip',
    corpus.makeTwoPixelClip,
    { state: 'failed', code: 'too-small', reason: /2×2|2x2/ },
  ],
  [
    'an 8000x8000 clip',
    corpus.makeHugeClip,
    { state: 'failed', code: 'too-large', reason: /8000/ },
  ],
  [
    'a clip longer than the limit',
    () => makeLongClip({ durationSeconds: 7 }),
    { state: 'failed', code: 'too-long', reason: /5 s/ },
  ],
  [
    'an encrypted (DRM) mp4',
    corpus.makeEncryptedClip,
    { state: 'failed', code: 'encrypted', reason: /encrypted/i },
  ],
  ['HEVC', corpus.makeHevcClip, { state: 'ready' }],
  ['VP9 in WebM', corpus.makeVp9Clip, { state: 'ready' }],
  ['AV1', corpus.makeAv1Clip, { state: 'ready' }],
  ['10-bit HDR (PQ)', () => corpus.makeHdrClip({ transfer: 'pq' }), { state: 'ready' }],
  ['variable frame rate', corpus.makeVariableFrameRateClip, { state: 'ready' }],
  ['odd dimensions', corpus.makeOddSizeClip, { state: 'ready', shape: 'landscape' }],
  ['no audio', corpus.makeSilentClip, { state: 'ready' }],
  ['two video tracks', corpus.makeTwoVideoTrackClip, { state: 'ready' }],
  ['an animated GIF (a silent looping video)', corpus.makeAnimatedGif, { state: 'ready' }],
  [
    'a header claiming more frames than it holds',
    corpus.makeOverclaimingClip,
    { state: 'failed', code: 'damaged', reason: /damaged or incomplete/ },
  ],
];

describe('what people upload', () => {
  it('fails an empty file at once, with the reason on the draft', async () => {
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/videos',
      headers: creator.headers,
      payload: {},
    });
    const videoId = draft.json<{ video: { id: string } }>().video.id;
    const result = await uploadWithTus(Buffer.alloc(0), {
      baseUrl: t.url,
      headers: creator.headers,
      videoId,
    });
    expect(result.outcome === 'error' && JSON.parse(result.body)).toMatchObject({
      type: '/problems/empty-file',
    });
    const video = await t.app.inject({
      method: 'GET',
      url: `/api/v1/videos/${videoId}`,
      headers: { cookie: creator.cookie },
    });
    expect(video.json()).toMatchObject({
      state: 'failed',
      failure: { code: 'empty-file', reason: 'This file is empty.' },
    });
  });

  it.each(cases)(
    '%s ends as expected, leaving nothing behind on failure',
    async (_name, make, expected) => {
      const video = await uploadAndProcess(t, creator, await make());
      if (expected.state === 'failed') {
        expect({ state: video.state, code: video.failureCode }).toEqual({
          state: 'failed',
          code: expected.code,
        });
        expect(video.failureReason).toMatch(expected.reason);
        expect(await t.ctx.blobs.list(`accounts/${creator.id}/videos/${video.id}/`)).toEqual([]);
      } else {
        expect(video.state, `${video.failureCode}: ${video.failureReason}`).toBe('ready');
        expect(video.renditions.length).toBeGreaterThan(0);
        for (const rendition of video.renditions) {
          expect(rendition.width % 2).toBe(0);
          expect(rendition.height % 2).toBe(0);
        }
        if (expected.shape === 'landscape') expect(video.width! > video.height!).toBe(true);
      }
      // The server is still answering.
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    },
  );

  it('processes two uploads of the same file at once as two independent videos', async () => {
    const file = await corpus.makeLandscapeClip();
    const ids = await Promise.all([
      uploadVideoFile(t, creator, file),
      uploadVideoFile(t, creator, file),
    ]);
    await t.drainJobs();
    const rows = await t.ctx.database.db
      .selectFrom('videos')
      .select(['id', 'state', 'mediaRevision'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.map((r) => r.state)).toEqual(['ready', 'ready']);
    expect(new Set(rows.map((r) => r.mediaRevision)).size).toBe(2);
  });
});

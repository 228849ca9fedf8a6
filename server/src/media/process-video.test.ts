// The ingest pipeline end to end on real files: tus upload, the real queue, ffmpeg, the blob
// store, and delivery through the media routes, checked with ffprobe and by reading playlists.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { locateFfmpeg, parseMediaPlaylist } from '@shortwave/ffmpeg';
import {
  makeClip,
  makeLandscapeClip,
  makePhoneClip,
  makePortraitClip,
  makeSubtitledClip,
} from '@shortwave/ffmpeg/test/corpus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { uploadAndProcess } from '../../test/videos.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { isListening: true });
});
afterAll(async () => {
  await t.close();
});

const { ffprobePath } = locateFfmpeg();

async function fetchMedia(url: string, headers: Record<string, string> = {}) {
  const response = await t.app.inject({ method: 'GET', url, headers });
  return response;
}

describe('processing an upload', () => {
  it('turns a portrait phone clip into a four-rung portrait ladder that plays through the media routes', async () => {
    const creator = await makeAccount(t.app);
    const video = await uploadAndProcess(t, creator, await makePortraitClip(), {
      caption: 'first #test',
    });
    expect(video).toMatchObject({
      state: 'ready',
      processingPercent: 100,
      width: 1080,
      height: 1920,
      sourceKey: null,
    });
    expect(video.renditions.map((r) => `${r.name} ${r.width}x${r.height}`)).toEqual([
      '1080p 1080x1920',
      '720p 720x1280',
      '480p 480x854',
      '360p 360x640',
    ]);

    const api = (await t.app.inject({ method: 'GET', url: `/api/v1/videos/${video.id}` })).json<{
      playlistUrl: string;
      progressiveUrl: string | null;
      posterUrl: string;
      thumbnailsUrl: string;
      isPlayable: boolean;
    }>();
    expect(api.isPlayable).toBe(true);
    // The single-file MP4 a browser starts with: the 480p rung, served with ranges.
    expect(api.progressiveUrl).toBe(api.playlistUrl.replace('master.m3u8', '480p/start.mp4'));
    const progressive = await fetchMedia(api.progressiveUrl!, { range: 'bytes=0-1023' });
    expect(progressive.statusCode).toBe(206);
    expect(progressive.headers['content-type']).toBe('video/mp4');
    expect(progressive.rawPayload.toString('latin1')).toContain('ftyp');
    const master = await fetchMedia(api.playlistUrl);
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(master.body).toMatch(
      /#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=360x640/,
    );

    const base = api.playlistUrl.replace(/master\.m3u8$/, '');
    const media = await fetchMedia(`${base}360p/index.m3u8`);
    const playlist = parseMediaPlaylist(media.body);
    expect(playlist.hasEnded).toBe(true);
    expect(playlist.segments.length).toBe(2);
    const segment = await fetchMedia(`${base}360p/${playlist.segments[0]!.uri}`);
    expect(segment.statusCode).toBe(200);
    expect(segment.headers['content-type']).toBe('video/iso.segment');
    expect(segment.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(segment.headers.etag).toBeDefined();
    const range = await fetchMedia(`${base}360p/${playlist.segments[0]!.uri}`, {
      range: 'bytes=0-99',
    });
    expect(range.statusCode).toBe(206);

    const poster = await fetchMedia(api.posterUrl);
    expect(poster.headers['content-type']).toBe('image/webp');
    const vtt = await fetchMedia(api.thumbnailsUrl);
    expect(vtt.body).toMatch(/^WEBVTT/);
    expect(vtt.body).toContain('thumbnails.webp#xywh=0,0,');

    // Only the published revision remains: no source, no scratch files, no upload.
    const keys = await t.ctx.blobs.list(`accounts/${creator.id}/videos/${video.id}/`);
    expect(keys.every((key) => key.includes(`/${video.mediaRevision}/`))).toBe(true);
    expect(await readdir(path.join(t.dataDir, 'scratch', video.id)).catch(() => [])).toEqual([]);
  });

  it('publishes no GPS, device or date of a phone recording, and shows it upright', async () => {
    const creator = await makeAccount(t.app);
    const video = await uploadAndProcess(t, creator, await makePhoneClip());
    expect(video.state).toBe('ready');
    expect(video.width! < video.height!).toBe(true);
    const base = `/media/videos/${video.id}/${video.mediaRevision}/`;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sw-published-'));
    const files = ['360p/init.mp4', '360p/start.mp4', 'poster.webp', 'thumbnails.webp'];
    const playlist = parseMediaPlaylist((await fetchMedia(`${base}360p/index.m3u8`)).body);
    files.push(`360p/${playlist.segments[0]!.uri}`);
    for (const file of files) {
      const response = await fetchMedia(`${base}${file}`);
      expect(response.statusCode, file).toBe(200);
      const bytes = response.rawPayload;
      const text = bytes.toString('latin1');
      for (const secret of ['37.7749', '122.4194', 'Apple', 'iPhone', '2024-05-01', 'ISO6709']) {
        expect(text.includes(secret), `${file} contains ${secret}`).toBe(false);
      }
      await writeFile(path.join(dir, path.basename(file)), bytes);
    }
    const probe = JSON.parse(
      execFileSync(
        ffprobePath,
        ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path.join(dir, 'init.mp4')],
        {
          encoding: 'utf8',
        },
      ),
    ) as {
      format: { tags?: Record<string, string> };
      streams: { side_data_list?: unknown[]; width?: number; height?: number }[];
    };
    expect(
      Object.keys(probe.format.tags ?? {}).filter((tag) =>
        /location|creation|make|model|encoder/i.test(tag),
      ),
    ).toEqual([]);
    const picture = probe.streams.find((s) => s.width);
    expect(picture?.side_data_list ?? []).toEqual([]);
    expect(picture!.height! > picture!.width!).toBe(true);
  });
});

describe('what a finished video sets off', () => {
  it('publishes the subtitles a source carried as WebVTT, and none for a source without', async () => {
    const creator = await makeAccount(t.app);
    const subtitled = await uploadAndProcess(t, creator, await makeSubtitledClip());
    const api = (
      await t.app.inject({ method: 'GET', url: `/api/v1/videos/${subtitled.id}` })
    ).json<{ subtitles: { url: string; language: string | null } | null }>();
    expect(api.subtitles).toEqual({
      url: `/media/videos/${subtitled.id}/${subtitled.mediaRevision}/subtitles.vtt`,
      language: 'eng',
    });
    const vtt = await fetchMedia(api.subtitles!.url);
    expect(vtt.statusCode).toBe(200);
    expect(vtt.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(vtt.body).toContain('00:00.200 --> 00:01.400\nHello from the kitchen');

    const plain = await uploadAndProcess(t, creator, await makeLandscapeClip());
    const plainApi = (
      await t.app.inject({ method: 'GET', url: `/api/v1/videos/${plain.id}` })
    ).json<{ subtitles: unknown }>();
    expect(plainApi.subtitles).toBeNull();
  });

  it('tells the creator it is ready and the people its caption mentions, once processing ends', async () => {
    const creator = await makeAccount(t.app);
    const friend = await makeAccount(t.app);
    await uploadAndProcess(t, creator, await makeClip({ durationSeconds: 2 }), {
      caption: `skating with @${friend.handle}`,
    });
    // The events start jobs of their own (notifications); run those too.
    await t.drainJobs();
    const kindsOf = async (who: typeof creator) =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/me/notifications',
          headers: { cookie: who.cookie },
        })
      )
        .json<{ items: { kind: string }[] }>()
        .items.map((notification) => notification.kind);
    expect(await kindsOf(creator)).toEqual(['video-ready']);
    expect(await kindsOf(friend)).toEqual(['mentioned-in-video']);
  });
});

describe('who may fetch media', () => {
  it('serves a private video only to its creator: a stranger and an anonymous visitor get nothing', async () => {
    const creator = await makeAccount(t.app);
    const stranger = await makeAccount(t.app);
    const video = await uploadAndProcess(t, creator, await makeLandscapeClip(), {
      visibility: 'private',
    });
    expect(video.state).toBe('ready');
    const base = `/media/videos/${video.id}/${video.mediaRevision}/`;
    const files = [
      'master.m3u8',
      '360p/index.m3u8',
      '360p/init.mp4',
      'poster.webp',
      'thumbnails.vtt',
    ];
    for (const file of files) {
      expect(
        (await fetchMedia(`${base}${file}`, { cookie: creator.cookie })).statusCode,
        file,
      ).toBe(200);
      expect(
        (await fetchMedia(`${base}${file}`, { cookie: stranger.cookie })).statusCode,
        file,
      ).toBe(404);
      expect((await fetchMedia(`${base}${file}`)).statusCode, file).toBe(404);
    }
    const owned = await fetchMedia(`${base}360p/init.mp4`, { cookie: creator.cookie });
    expect(owned.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/videos/${video.id}`,
          headers: { cookie: stranger.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('stops serving a video the moment it is made private, and serves nothing once deleted', async () => {
    const creator = await makeAccount(t.app);
    const video = await uploadAndProcess(t, creator, await makeLandscapeClip());
    const master = `/media/videos/${video.id}/${video.mediaRevision}/master.m3u8`;
    expect((await fetchMedia(master)).statusCode).toBe(200);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/videos/${video.id}`,
      headers: creator.headers,
      payload: { visibility: 'private' },
    });
    expect((await fetchMedia(master)).statusCode).toBe(404);

    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/videos/${video.id}`,
          headers: creator.headers,
        })
      ).statusCode,
    ).toBe(204);
    await t.drainJobs();
    expect((await fetchMedia(master, { cookie: creator.cookie })).statusCode).toBe(404);
    expect(await t.ctx.blobs.list(`accounts/${creator.id}/videos/${video.id}/`)).toEqual([]);
  });

  it('refuses paths outside a video revision', async () => {
    const creator = await makeAccount(t.app);
    const video = await uploadAndProcess(t, creator, await makeLandscapeClip());
    for (const file of ['../../../avatar/x.webp', 'source/original', '%2e%2e/x', '360p/../../x']) {
      const response = await fetchMedia(
        `/media/videos/${video.id}/${video.mediaRevision}/${file}`,
        { cookie: creator.cookie },
      );
      expect([400, 404], file).toContain(response.statusCode);
    }
  });
});

describe('deleting an account', () => {
  it('removes its videos and every media file of them', async () => {
    const creator = await makeAccount(t.app);
    const video = await uploadAndProcess(t, creator, await makeLandscapeClip());
    expect((await t.ctx.blobs.list(`accounts/${creator.id}/`)).length).toBeGreaterThan(0);
    const deletion = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: creator.headers,
      payload: { password: creator.password },
    });
    expect(deletion.statusCode).toBe(204);
    await t.drainJobs();
    expect(await t.ctx.blobs.list(`accounts/${creator.id}/`)).toEqual([]);
    expect(
      await t.ctx.database.db
        .selectFrom('videos')
        .select('id')
        .where('id', '=', video.id)
        .execute(),
    ).toEqual([]);
  });
});

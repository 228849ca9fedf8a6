// The one-pass ladder on real ffmpeg, checked the way a player and a privacy reviewer would.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeHdrClip,
  makePhoneClip,
  makePortraitClip,
  makeVariableFrameRateClip,
} from './corpus.js';
import {
  allTags,
  FORBIDDEN_BYTES,
  ffprobeJson,
  frameIntervalsMs,
  keyframeTimesMs,
  readRendition,
  sideDataTypes,
  transcodeClip,
  unexpectedTags,
  videoStream,
} from './outputs.js';
import type { RenditionOnDisk, TranscodedClip } from './outputs.js';

const outputDirs: string[] = [];
afterAll(async () => {
  await Promise.all(outputDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

type Report = { name: string; segmentCount: number; hasEnded: boolean; isInitClean: boolean };

async function transcode(
  clip: Promise<string>,
): Promise<TranscodedClip & { renditions: RenditionOnDisk[]; reports: Report[] }> {
  const reports: Report[] = [];
  const transcoded = await transcodeClip(await clip, async (update) => {
    const init = await readFile(update.paths.initPath, 'latin1');
    const { name, segmentCount, hasEnded } = update;
    reports.push({ name, segmentCount, hasEnded, isInitClean: !init.includes('Lavf') });
  });
  outputDirs.push(transcoded.outputDir);
  const renditions = await Promise.all(
    transcoded.plan.renditions.map((r) => readRendition(path.join(transcoded.outputDir, r.name))),
  );
  return { ...transcoded, renditions, reports };
}

describe('a 1080x1920 portrait clip with sound', () => {
  let clip: Awaited<ReturnType<typeof transcode>>;
  beforeAll(async () => {
    clip = await transcode(makePortraitClip());
  }, 120_000);

  it('comes out as four portrait renditions of the planned sizes', () => {
    expect(
      clip.renditions.map(
        (r) => `${String(videoStream(r.probe).width)}x${String(videoStream(r.probe).height)}`,
      ),
    ).toEqual(['1080x1920', '720x1280', '480x854', '360x640']);
  });

  it('encodes every rendition as 8-bit 4:2:0 H.264 High with AAC-LC', () => {
    for (const { probe } of clip.renditions) {
      expect(videoStream(probe)).toMatchObject({
        codec_name: 'h264',
        profile: 'High',
        pix_fmt: 'yuv420p',
      });
      expect(probe.streams.find((s) => s.codec_type === 'audio')).toMatchObject({
        codec_name: 'aac',
        profile: 'LC',
      });
    }
  });

  it('plays at a constant 30 fps', () => {
    for (const { probe } of clip.renditions) {
      expect(videoStream(probe).avg_frame_rate).toBe('30/1');
      expect(frameIntervalsMs(probe)).toEqual([33]);
    }
  });

  it('puts keyframes at the same instants in every rendition, two seconds apart', () => {
    const keyframes = clip.renditions.map((r) => keyframeTimesMs(r.probe));
    const first = keyframes[0]!;
    // B-frames shift every stream by the same few ms (an edit list says so); only gaps matter.
    expect(first.map((time) => time - first[0]!)).toEqual([0, 2000]);
    for (const times of keyframes) expect(times).toEqual(first);
  });

  it('cuts aligned segments listed in finished EVENT playlists with an init section', () => {
    for (const { playlist } of clip.renditions) {
      expect(playlist).toMatchObject({
        version: 7,
        playlistType: 'EVENT',
        initUri: 'init.mp4',
        hasEnded: true,
      });
      expect(playlist.hasIndependentSegments).toBe(true);
      expect(playlist.segments.map((s) => s.durationSeconds)).toEqual([2, 2]);
    }
    expect(clip.result.renditions.every((r) => r.hasEnded && r.segmentCount === 2)).toBe(true);
  });

  it('reports each rendition playable at its first segment, with a clean init, then ended', () => {
    for (const name of ['1080p', '720p', '480p', '360p']) {
      const reports = clip.reports.filter((report) => report.name === name);
      expect(reports.map((r) => [r.segmentCount, r.hasEnded])).toEqual([
        [1, false],
        [2, true],
      ]);
      expect(reports.every((r) => r.isInitClean)).toBe(true);
    }
  });

  it('writes a poster at the top size and a sprite of one tile per second', async () => {
    const poster = videoStream(await ffprobeJson(clip.result.posterPath));
    expect(poster).toMatchObject({ codec_name: 'webp', width: 1080, height: 1920 });
    const sprite = videoStream(await ffprobeJson(clip.result.spritePath));
    const { columns, rows, tileWidth, tileHeight } = clip.plan.thumbnails;
    expect(sprite).toMatchObject({
      codec_name: 'webp',
      width: columns * tileWidth,
      height: rows * tileHeight,
    });
  });
});

describe('a phone recording with rotation, GPS, device and date metadata', () => {
  let clip: Awaited<ReturnType<typeof transcode>>;
  beforeAll(async () => {
    clip = await transcode(makePhoneClip());
  }, 120_000);

  it('comes out upright in portrait with no rotation flag left', () => {
    const [rendition] = clip.renditions;
    const video = videoStream(rendition!.probe);
    expect([video.width, video.height]).toEqual([360, 640]);
    expect(sideDataTypes(video)).not.toContain('Display Matrix');
    expect(video.tags?.rotate).toBeUndefined();
  });

  it('carries no metadata tag beyond the generic stream labels', () => {
    expect(unexpectedTags(clip.renditions[0]!.probe)).toEqual([]);
  });

  it('leaves no trace of the source or the encoder in any published byte', async () => {
    const files = [clip.renditions[0]!.joinedPath, clip.result.posterPath, clip.result.spritePath];
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1');
      for (const forbidden of FORBIDDEN_BYTES)
        expect(text, `${forbidden} in ${file}`).not.toContain(forbidden);
    }
    expect(allTags(await ffprobeJson(clip.result.posterPath))).toEqual([]);
  });
});

describe('HDR sources', () => {
  it.each(['pq', 'hlg'] as const)(
    'a 10-bit %s clip comes out 8-bit SDR tagged BT.709',
    async (transfer) => {
      const clip = await transcode(makeHdrClip({ transfer }));
      const video = videoStream(clip.renditions[0]!.probe);
      expect(video).toMatchObject({
        pix_fmt: 'yuv420p',
        color_transfer: 'bt709',
        color_primaries: 'bt709',
      });
      expect(clip.plan.hdrTransfer).toBe(transfer);
    },
  );
});

describe('a variable frame rate clip', () => {
  it('comes out at its constant base rate, the gaps filled', async () => {
    const clip = await transcode(makeVariableFrameRateClip());
    const { probe } = clip.renditions[0]!;
    expect(frameIntervalsMs(probe)).toEqual([33]);
    expect(videoStream(probe).avg_frame_rate).toBe('30/1');
    expect(
      Number(
        videoStream(probe).nb_frames ?? probe.packets.filter((p) => p.stream_index === 0).length,
      ),
    ).toBeGreaterThanOrEqual(84);
  });
});

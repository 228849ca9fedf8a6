// Every kind of upload in the corpus either passes inspection and transcodes, or is refused with
// its stable reason: real files, real ffprobe and ffmpeg.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, inspectSource, locateFfmpeg } from '../src/index.js';
import type { RejectionReason } from '../src/index.js';
import * as corpus from './corpus.js';
import { readRendition, transcodeClip, videoStream } from './outputs.js';

const tools = locateFfmpeg();
const limits = { ...DEFAULT_LIMITS, maxDurationMs: 3000 };

const REFUSED: { name: string; make: () => Promise<string>; reason: RejectionReason }[] = [
  { name: 'an empty file', make: corpus.makeEmptyFile, reason: 'empty-file' },
  { name: 'random bytes named .mp4', make: corpus.makeRandomBytesFile, reason: 'unreadable' },
  { name: 'a PNG named .mp4', make: corpus.makePngNamedMp4, reason: 'still-image' },
  { name: 'an audio-only file', make: corpus.makeAudioOnlyFile, reason: 'no-video' },
  { name: 'a 0.2 s clip', make: corpus.makeTinyDurationClip, reason: 'too-short' },
  { name: 'a 2x2 clip', make: corpus.makeTwoPixelClip, reason: 'too-small' },
  { name: 'an 8000x8000 clip', make: corpus.makeHugeClip, reason: 'too-large' },
  {
    name: 'a clip longer than the limit',
    make: () => corpus.makeLongClip({ durationSeconds: 4 }),
    reason: 'too-long',
  },
  {
    name: 'an upload cut off in its media data',
    make: corpus.makeTruncatedClip,
    reason: 'truncated',
  },
  { name: 'an MP4 with its moov box cut off', make: corpus.makeMoovCutClip, reason: 'truncated' },
  {
    name: 'an MP4 whose header claims frames it does not hold',
    make: corpus.makeOverclaimingClip,
    reason: 'damaged',
  },
  { name: 'a CENC-encrypted MP4', make: corpus.makeEncryptedClip, reason: 'encrypted' },
];

describe('inspectSource refuses', () => {
  it.each(REFUSED)('$name as $reason', async ({ make, reason }) => {
    const inspection = await inspectSource(await make(), { ...tools, limits });
    expect(inspection).toMatchObject({ isAccepted: false, reason });
    if (!inspection.isAccepted) expect(inspection.message).toMatch(/^[A-Z].*\.$/);
  });
});

type Accepted = {
  name: string;
  make: () => Promise<string>;
  sizes: string[];
  hasAudio: boolean;
  fps: string;
};

const ACCEPTED: Accepted[] = [
  { name: 'an H.264 clip', make: corpus.makeClip, sizes: ['360x640'], hasAudio: true, fps: '30/1' },
  {
    name: 'a landscape clip',
    make: corpus.makeLandscapeClip,
    sizes: ['854x480', '640x360'],
    hasAudio: true,
    fps: '30/1',
  },
  {
    name: 'a clip with no audio',
    make: corpus.makeSilentClip,
    sizes: ['360x640'],
    hasAudio: false,
    fps: '30/1',
  },
  {
    name: 'an odd-sized 4:4:4 clip',
    make: corpus.makeOddSizeClip,
    sizes: ['640x358'],
    hasAudio: true,
    fps: '30/1',
  },
  {
    name: 'an animated GIF',
    make: corpus.makeAnimatedGif,
    sizes: ['360x640'],
    hasAudio: false,
    fps: '10/1',
  },
  {
    name: 'a file with two video tracks',
    make: corpus.makeTwoVideoTrackClip,
    sizes: ['360x640'],
    hasAudio: true,
    fps: '30/1',
  },
  {
    name: 'an HEVC clip',
    make: corpus.makeHevcClip,
    sizes: ['360x640'],
    hasAudio: true,
    fps: '30/1',
  },
  {
    name: 'a VP9 WebM clip',
    make: corpus.makeVp9Clip,
    sizes: ['360x640'],
    hasAudio: true,
    fps: '30/1',
  },
  {
    name: 'an AV1 clip',
    make: corpus.makeAv1Clip,
    sizes: ['96x160'],
    hasAudio: false,
    fps: '10/1',
  },
];

const outputDirs: string[] = [];
afterAll(async () => {
  await Promise.all(outputDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('inspectSource accepts and the ladder transcodes', () => {
  it.each(ACCEPTED)('$name', async ({ make, sizes, hasAudio, fps }) => {
    const clipPath = await make();
    expect(await inspectSource(clipPath, { ...tools, limits })).toMatchObject({ isAccepted: true });

    const { plan, result, outputDir } = await transcodeClip(clipPath);
    outputDirs.push(outputDir);
    expect(result.renditions.every((r) => r.hasEnded && r.segmentCount > 0)).toBe(true);
    for (const [i, rendition] of plan.renditions.entries()) {
      const { probe } = await readRendition(path.join(outputDir, rendition.name));
      const video = videoStream(probe);
      expect(`${String(video.width)}x${String(video.height)}`).toBe(sizes[i]);
      expect(video).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p', avg_frame_rate: fps });
      expect(probe.streams.some((s) => s.codec_type === 'audio')).toBe(hasAudio);
    }
  });
});

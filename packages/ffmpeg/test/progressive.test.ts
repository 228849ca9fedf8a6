// The single-file MP4 a browser starts the first video with: index first, the whole rendition,
// sound included, and nothing of the source or the encoder that the segments do not carry either.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseProgressiveRendition,
  locateFfmpeg,
  PROGRESSIVE_FILE,
  remuxToProgressive,
} from '../src/index.js';
import { makePhoneClip } from './corpus.js';
import {
  FORBIDDEN_BYTES,
  ffprobeJson,
  readRendition,
  transcodeClip,
  unexpectedTags,
  type ProbedFile,
} from './outputs.js';

const rung = (shortSide: number) => ({
  name: `${shortSide}p`,
  width: shortSide,
  height: Math.round((shortSide * 16) / 9),
});

describe('chooseProgressiveRendition', () => {
  it('takes the smallest rendition of at least 480p', () => {
    const ladder = [rung(1080), rung(720), rung(480), rung(360)];
    expect(chooseProgressiveRendition(ladder)?.name).toBe('480p');
  });

  it('takes the largest when every one is smaller, and none of none', () => {
    expect(chooseProgressiveRendition([rung(240), rung(360)])?.name).toBe('360p');
    expect(chooseProgressiveRendition([])).toBeUndefined();
  });
});

describe('remuxToProgressive', () => {
  let outputDir = '';
  let progressivePath = '';
  let progressive: ProbedFile;
  let joined: ProbedFile;

  beforeAll(async () => {
    const clip = await transcodeClip(await makePhoneClip());
    outputDir = clip.outputDir;
    const rendition = clip.result.renditions[0]!;
    progressivePath = path.join(rendition.paths.dir, PROGRESSIVE_FILE);
    await remuxToProgressive({
      ffmpegPath: locateFfmpeg().ffmpegPath,
      playlistPath: rendition.paths.playlistPath,
      outputPath: progressivePath,
    });
    progressive = await ffprobeJson(progressivePath);
    joined = (await readRendition(rendition.paths.dir)).probe;
  }, 120_000);

  afterAll(() => rm(outputDir, { recursive: true, force: true }));

  it('holds the whole rendition, picture and sound, in one file', () => {
    expect(progressive.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    const duration = Number(progressive.format.duration);
    expect(duration).toBeGreaterThan(1.9);
    expect(Math.abs(duration - Number(joined.format.duration))).toBeLessThan(0.1);
  });

  it('puts its index before the media, so playback starts from the first bytes', async () => {
    const bytes = (await readFile(progressivePath)).toString('latin1');
    expect(bytes.indexOf('moov')).toBeGreaterThan(0);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  it('adds no trace of the encoder and no tag beyond the generic stream labels', async () => {
    const bytes = (await readFile(progressivePath)).toString('latin1');
    for (const forbidden of FORBIDDEN_BYTES) expect(bytes, forbidden).not.toContain(forbidden);
    expect(unexpectedTags(progressive)).toEqual([]);
  });
});

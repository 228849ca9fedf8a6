// A source's text subtitles come out as WebVTT with their cues and times, and nothing else.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chooseSubtitles,
  extractSubtitles,
  locateFfmpeg,
  probeMedia,
  SUBTITLES_FILE,
} from '../src/index.js';
import { makePortraitClip, makeSubtitledClip } from './corpus.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('subtitles', () => {
  it('finds the English text track of a subtitled clip, and none in a clip without', async () => {
    const tools = locateFfmpeg();
    const subtitled = await probeMedia(await makeSubtitledClip(), tools);
    expect(subtitled.textSubtitles).toEqual([
      expect.objectContaining({ codec: 'mov_text', language: 'eng' }),
    ]);
    expect(chooseSubtitles(subtitled)?.index).toBe(2);
    const plain = await probeMedia(await makePortraitClip(), tools);
    expect(plain.textSubtitles).toEqual([]);
    expect(chooseSubtitles(plain)).toBeUndefined();
  });

  it('writes them as WebVTT with every cue at its time', async () => {
    const tools = locateFfmpeg();
    const clip = await makeSubtitledClip();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sw-subtitles-'));
    dirs.push(dir);
    const outputPath = path.join(dir, SUBTITLES_FILE);
    const stream = chooseSubtitles(await probeMedia(clip, tools))!;
    await extractSubtitles({
      ffmpegPath: tools.ffmpegPath,
      inputPath: clip,
      streamIndex: stream.index,
      outputPath,
    });
    const vtt = await readFile(outputPath, 'utf8');
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    expect(vtt).toContain('00:00.200 --> 00:01.400\nHello from the kitchen');
    expect(vtt).toContain('00:01.600 --> 00:02.800\nNow the sauce\nslowly');
    expect(vtt).not.toMatch(/Lavf|Lavc/);
  });
});

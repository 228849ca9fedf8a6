import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureExecutable, locateFfmpeg, runTool } from '../src/index.js';

const scratch = await mkdtemp(path.join(os.tmpdir(), 'shortwave-locate-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('locateFfmpeg', () => {
  it('finds an ffmpeg and an ffprobe that run', async () => {
    const tools = locateFfmpeg();
    expect((await runTool(tools.ffmpegPath, ['-hide_banner', '-version'])).stdout).toMatch(
      /^ffmpeg version/,
    );
    expect((await runTool(tools.ffprobePath, ['-hide_banner', '-version'])).stdout).toMatch(
      /^ffprobe version/,
    );
  });

  it('uses explicit paths from the configuration', () => {
    const found = locateFfmpeg();
    const tools = locateFfmpeg({ ffmpegPath: found.ffmpegPath, ffprobePath: found.ffprobePath });
    expect(tools).toMatchObject({ ...found, sources: { ffmpeg: 'override', ffprobe: 'override' } });
  });

  it('says which configured path is missing', () => {
    expect(() => locateFfmpeg({ ffprobePath: '/nonexistent/ffprobe' })).toThrow(
      'ffprobe not found at /nonexistent/ffprobe',
    );
  });
});

describe('ensureExecutable', () => {
  it('adds the exec bit to a binary installed without it', async () => {
    const binary = path.join(scratch, 'ffprobe');
    await writeFile(binary, '#!/bin/sh\n');
    await chmod(binary, 0o644);
    ensureExecutable(binary, 'ffprobe');
    expect((await stat(binary)).mode & 0o111).toBe(0o111);
  });
});

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectSource, locateFfmpeg, parseMediaPlaylist, planLadder } from '@shortwave/ffmpeg';
import { makeClip } from '@shortwave/ffmpeg/test/corpus';
import { buildFloorArgs, measureFloorMs } from './floor.js';

const tools = locateFfmpeg();
const scratch = await mkdtemp(path.join(os.tmpdir(), 'shortwave-floor-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** 854x480 for 5 s: two rungs, three segments. */
const clip = () => makeClip({ width: 854, height: 480, durationSeconds: 5 });

async function planFor(clipPath: string) {
  const inspection = await inspectSource(clipPath, tools);
  if (!inspection.isAccepted) throw new Error(inspection.message);
  return planLadder(inspection.probe);
}

describe('the ingest floor', () => {
  it('is one textbook command: split, var_stream_map and master playlist, with the plan’s encoder settings', async () => {
    const plan = await planFor(await clip());
    const args = buildFloorArgs(plan, '/in.mp4', '/out');
    expect(args).toEqual(
      expect.arrayContaining([
        '-var_stream_map',
        'v:0,a:0 v:1,a:1',
        '-master_pl_name',
        'master.m3u8',
      ]),
    );
    expect(args).toEqual(
      expect.arrayContaining(['-b:v:0', '2000k', '-maxrate:v:1', '900k', '-bufsize:v:1', '1200k']),
    );
    expect(args).toEqual(
      expect.arrayContaining([
        '-preset',
        'veryfast',
        '-g',
        '60',
        '-keyint_min',
        '60',
        '-hls_time',
        '2',
      ]),
    );
    expect(args.filter((arg) => arg === '-f')).toEqual(['-f']);
  });

  it('writes the same renditions as the plan and reports its wall time', async () => {
    const plan = await planFor(await clip());
    const outputDir = path.join(scratch, 'floor');
    const elapsedMs = await measureFloorMs({
      ...tools,
      inputPath: await clip(),
      plan,
      outputDir,
    });
    expect(elapsedMs).toBeGreaterThan(0);
    expect((await readdir(outputDir)).sort()).toEqual(['master.m3u8', 'stream_0', 'stream_1']);
    const master = await readFile(path.join(outputDir, 'master.m3u8'), 'utf8');
    expect(master).toContain('RESOLUTION=854x480');
    expect(master).toContain('RESOLUTION=640x360');
    const playlist = parseMediaPlaylist(
      await readFile(path.join(outputDir, 'stream_1', 'playlist.m3u8'), 'utf8'),
    );
    expect(playlist).toMatchObject({ hasEnded: true, initUri: 'init_1.mp4' });
    expect(playlist.segments.length).toBe(3);
  });
});

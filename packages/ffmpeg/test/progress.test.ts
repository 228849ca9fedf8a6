import { describe, expect, it } from 'vitest';
import { createProgressParser } from '../src/index.js';
import type { ToolProgress } from '../src/index.js';

const BLOCK =
  'frame=45\nfps=30.0\nout_time_us=1500000\nout_time_ms=1500000\nspeed=1.49x\nprogress=continue\n';

describe('createProgressParser', () => {
  it('reports one progress per block, even when chunks split lines', () => {
    const seen: ToolProgress[] = [];
    const feed = createProgressParser(3000, (progress) => seen.push(progress));
    feed(BLOCK.slice(0, 17));
    feed(BLOCK.slice(17) + 'frame=90\nout_time_us=3000000\nspeed=N/A\n');
    feed('progress=end\n');
    expect(seen).toEqual([
      { outTimeMs: 1500, percent: 50, frame: 45, speed: 1.49, isEnd: false },
      { outTimeMs: 3000, percent: 100, frame: 90, speed: null, isEnd: true },
    ]);
  });

  it('has no percentage when the duration is unknown', () => {
    const seen: ToolProgress[] = [];
    createProgressParser(null, (progress) => seen.push(progress))(BLOCK);
    expect(seen[0]?.percent).toBeNull();
  });

  it('reads out_time_ms, which ffmpeg writes in microseconds, when out_time_us is missing', () => {
    const seen: ToolProgress[] = [];
    createProgressParser(1000, (progress) => seen.push(progress))(
      'out_time_ms=250000\nprogress=continue\n',
    );
    expect(seen[0]).toMatchObject({ outTimeMs: 250, percent: 25 });
  });

  it('never reports more than 100% before the end', () => {
    const seen: ToolProgress[] = [];
    createProgressParser(1000, (progress) => seen.push(progress))(
      'out_time_us=1200000\nprogress=continue\n',
    );
    expect(seen[0]?.percent).toBe(100);
  });
});

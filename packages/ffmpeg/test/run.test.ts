// The runner on the real binaries: results, failures, progress, abort and timeout.
import { describe, expect, it } from 'vitest';
import { FfmpegError, locateFfmpeg, runTool } from '../src/index.js';
import type { ToolProgress } from '../src/index.js';

const { ffmpegPath, ffprobePath } = locateFfmpeg();
/** Ten minutes of test pattern to nowhere: runs until stopped. */
const ENDLESS = [
  '-hide_banner',
  '-nostats',
  '-progress',
  'pipe:1',
  '-f',
  'lavfi',
  '-i',
  'testsrc2=size=64x64:duration=600',
  '-f',
  'null',
  '-',
];

async function failureOf(run: Promise<unknown>): Promise<FfmpegError> {
  const error: unknown = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof FfmpegError)) throw new Error('expected an FfmpegError');
  return error;
}

describe('runTool', () => {
  it('resolves with stdout and exit code 0 when the tool succeeds', async () => {
    const result = await runTool(ffprobePath, ['-hide_banner', '-version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ffprobe version/);
  });

  it('rejects with the exit code and the last lines of stderr when the tool fails', async () => {
    const error = await failureOf(
      runTool(ffmpegPath, ['-hide_banner', '-i', '/nonexistent/clip.mp4']),
    );
    expect(error).toMatchObject({ kind: 'exit', tool: 'ffmpeg', exitCode: 1 });
    expect(error.message).toMatch(/^ffmpeg exited with code 1: .*No such file or directory/);
    expect(error.stderrTail).toContain('/nonexistent/clip.mp4');
  });

  it('rejects with kind spawn when the binary does not exist', async () => {
    const error = await failureOf(runTool('/nonexistent/ffmpeg', ['-version']));
    expect(error).toMatchObject({ kind: 'spawn', exitCode: null });
  });

  it('reports progress with a percentage of the known duration, ending at 100', async () => {
    const seen: ToolProgress[] = [];
    await runTool(
      ffmpegPath,
      [
        '-hide_banner',
        '-nostats',
        '-progress',
        'pipe:1',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=64x64:duration=2',
        '-f',
        'null',
        '-',
      ],
      { durationMs: 2000, onProgress: (progress) => seen.push(progress) },
    );
    const last = seen.at(-1);
    expect(last).toMatchObject({ isEnd: true, percent: 100, outTimeMs: 2000, frame: 50 });
    const percents = seen.map((p) => p.percent ?? -1);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it('kills the tool when the signal aborts, and says it was aborted', async () => {
    const abort = new AbortController();
    const run = runTool(ffmpegPath, ENDLESS, {
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    const error = await failureOf(run);
    expect(error).toMatchObject({ kind: 'aborted', isAborted: true });
  });

  it('does not start when the signal has already aborted', async () => {
    const error = await failureOf(
      runTool(ffmpegPath, ['-version'], { signal: AbortSignal.abort() }),
    );
    expect(error.kind).toBe('aborted');
  });

  it('kills the tool when it outlives its timeout', async () => {
    const error = await failureOf(runTool(ffmpegPath, ENDLESS, { timeoutMs: 300 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('ffmpeg took longer than 300 ms and was stopped');
  });

  it('keeps only the last 64 KiB of a flood of stderr', async () => {
    const result = await runTool(ffmpegPath, [
      ...[
        '-hide_banner',
        '-loglevel',
        'debug',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=64x64:duration=4',
      ],
      ...['-f', 'null', '-'],
    ]);
    expect(result.stderrTail.length).toBeGreaterThan(1000);
    expect(result.stderrTail.length).toBeLessThanOrEqual(64 * 1024);
  });
});

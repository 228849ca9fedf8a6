// The one place that spawns ffmpeg or ffprobe: an argument array in, exit code, stdout and the
// tail of stderr out. A timeout or an AbortSignal kills the whole process group; progress is
// parsed from `-progress pipe:1` when the caller asks for it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createProgressParser } from './progress.js';
import type { ToolProgress } from './progress.js';

/** Enough stderr to explain a failure; ffmpeg can log megabytes about a broken file. */
const STDERR_TAIL_BYTES = 64 * 1024;
/** ffprobe's JSON for a long file with packets stays well under this. */
const DEFAULT_MAX_STDOUT_BYTES = 32 * 1024 * 1024;

export type RunOptions = {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** The media duration, so progress can carry a percentage. */
  durationMs?: number | undefined;
  /** Called for every `-progress` block ffmpeg writes to stdout (the args must ask for it). */
  onProgress?: ((progress: ToolProgress) => void) | undefined;
  maxStdoutBytes?: number | undefined;
};

export type RunResult = { exitCode: number; stdout: string; stderrTail: string; elapsedMs: number };

export type FfmpegErrorKind = 'spawn' | 'exit' | 'timeout' | 'aborted' | 'output-too-large';

export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';

  constructor(
    readonly kind: FfmpegErrorKind,
    /** The binary's file name: ffmpeg or ffprobe. */
    readonly tool: string,
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(message);
  }

  get isAborted(): boolean {
    return this.kind === 'aborted';
  }
}

export function runTool(
  binary: string,
  args: string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const tool = path.basename(binary);
  const maxStdoutBytes = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT_BYTES;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new FfmpegError('aborted', tool, `${tool} was aborted before it started`, null, ''));
      return;
    }
    const startedAt = performance.now();
    // Its own process group, so a kill reaches everything it started, not just the leader.
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stdoutChunks: string[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let stopReason: 'timeout' | 'aborted' | 'output-too-large' | undefined;
    const parseProgress = options.onProgress
      ? createProgressParser(options.durationMs ?? null, options.onProgress)
      : undefined;

    const stop = (reason: NonNullable<typeof stopReason>) => {
      if (stopReason || child.exitCode !== null || child.pid === undefined) return;
      stopReason = reason;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is already gone; make sure the leader is too
      }
    };

    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      parseProgress?.(chunk);
      stdoutBytes += Buffer.byteLength(chunk);
      if (stdoutBytes > maxStdoutBytes) stop('output-too-large');
      else stdoutChunks.push(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_BYTES);
    });

    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanUp = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };

    child.on('error', (error) => {
      cleanUp();
      reject(
        new FfmpegError('spawn', tool, `could not start ${binary}: ${error.message}`, null, ''),
      );
    });
    child.on('close', (code, signal) => {
      cleanUp();
      const elapsedMs = Math.round(performance.now() - startedAt);
      if (stopReason) {
        reject(
          new FfmpegError(stopReason, tool, describeStop(tool, stopReason, options), code, stderr),
        );
      } else if (code !== 0) {
        const status =
          code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`;
        const detail = summariseStderr(stderr);
        reject(
          new FfmpegError(
            'exit',
            tool,
            `${tool} ${status}${detail ? `: ${detail}` : ''}`,
            code,
            stderr,
          ),
        );
      } else {
        resolve({ exitCode: 0, stdout: stdoutChunks.join(''), stderrTail: stderr, elapsedMs });
      }
    });
  });
}

function describeStop(
  tool: string,
  reason: 'timeout' | 'aborted' | 'output-too-large',
  options: RunOptions,
) {
  switch (reason) {
    case 'timeout':
      return `${tool} took longer than ${options.timeoutMs} ms and was stopped`;
    case 'aborted':
      return `${tool} was aborted`;
    case 'output-too-large':
      return `${tool} wrote more than ${options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT_BYTES} bytes to stdout and was stopped`;
  }
}

/** The last few distinct stderr lines: ffmpeg puts the reason it gave up at the end. */
export function summariseStderr(stderr: string, lineCount = 3): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const distinct = lines.filter((line, i) => line !== lines[i - 1]);
  return distinct.slice(-lineCount).join(' | ');
}

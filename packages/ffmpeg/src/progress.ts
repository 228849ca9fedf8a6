// Reads ffmpeg's `-progress pipe:1` stream: blocks of key=value lines, each closed by
// `progress=continue` (or `progress=end` for the last). Pure apart from the callback.

export type ToolProgress = {
  /** Media time written so far, over all outputs. */
  outTimeMs: number;
  /** outTimeMs against the known duration, 0..100; null when the duration is unknown. */
  percent: number | null;
  frame: number | null;
  /** Encoding speed as a multiple of real time (ffmpeg's `speed=1.5x`). */
  speed: number | null;
  isEnd: boolean;
};

/** Returns a function to feed stdout chunks to; it calls onProgress once per complete block. */
export function createProgressParser(
  durationMs: number | null,
  onProgress: (progress: ToolProgress) => void,
): (chunk: string) => void {
  let pending = '';
  let block = new Map<string, string>();
  return (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const separator = line.indexOf('=');
      if (separator < 0) continue;
      const key = line.slice(0, separator).trim();
      const value = line.slice(separator + 1).trim();
      if (key !== 'progress') {
        block.set(key, value);
        continue;
      }
      onProgress(readProgressBlock(block, durationMs, value === 'end'));
      block = new Map();
    }
  };
}

export function readProgressBlock(
  block: ReadonlyMap<string, string>,
  durationMs: number | null,
  isEnd: boolean,
): ToolProgress {
  // out_time_us exists since ffmpeg 4.1; out_time_ms is, despite its name, microseconds too.
  const micros = toNumber(block.get('out_time_us')) ?? toNumber(block.get('out_time_ms'));
  const outTimeMs = micros === null ? 0 : Math.max(0, Math.round(micros / 1000));
  const percent =
    durationMs && durationMs > 0
      ? isEnd
        ? 100
        : Math.min(100, Math.round((outTimeMs / durationMs) * 1000) / 10)
      : null;
  return {
    outTimeMs,
    percent,
    frame: toNumber(block.get('frame')),
    speed: toNumber(block.get('speed')?.replace(/x$/, '')),
    isEnd,
  };
}

function toNumber(value: string | undefined): number | null {
  if (value === undefined || value === '' || value === 'N/A') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

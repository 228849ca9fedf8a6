// The thumbnail sprite for scrubbing previews: one tile every interval, laid out in one image,
// and the WebVTT file that maps each interval to its tile (#xywh media fragments). Pure.

export type ThumbnailPlan = {
  intervalSeconds: number;
  /** How many tiles hold a thumbnail (the last row may be partly empty). */
  count: number;
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
};

/** A tile's long side: enough for a preview above a scrub bar. */
const TILE_LONG_SIDE_PX = 160;
/** One image: 100 tiles of 90x160 make a 900x1600 sprite. */
const MAX_TILES = 100;
const COLUMNS = 10;

/** One thumbnail a second, or fewer for long videos so they all fit one sprite. */
export function planThumbnails(
  durationMs: number,
  frame: { width: number; height: number },
): ThumbnailPlan {
  const seconds = Math.max(durationMs / 1000, 0.001);
  const intervalSeconds = Math.max(1, Math.ceil(seconds / MAX_TILES));
  const count = Math.max(1, Math.min(MAX_TILES, Math.ceil(seconds / intervalSeconds)));
  const columns = Math.min(COLUMNS, count);
  const scale = TILE_LONG_SIDE_PX / Math.max(frame.width, frame.height);
  return {
    intervalSeconds,
    count,
    columns,
    rows: Math.ceil(count / columns),
    tileWidth: Math.max(2, Math.round((frame.width * scale) / 2) * 2),
    tileHeight: Math.max(2, Math.round((frame.height * scale) / 2) * 2),
  };
}

export type ThumbnailVttInput = {
  intervalSeconds: number;
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  durationMs: number;
  /** Written as is before each #xywh fragment: relative to the VTT file, or absolute. */
  spriteUrl: string;
};

/** WebVTT (W3C) cues, one per tile in reading order, the last one ending with the video. */
export function buildThumbnailVtt(input: ThumbnailVttInput): string {
  const intervalMs = input.intervalSeconds * 1000;
  const count = Math.min(input.columns * input.rows, Math.ceil(input.durationMs / intervalMs));
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < count; i++) {
    const startMs = i * intervalMs;
    const endMs = Math.min(input.durationMs, startMs + intervalMs);
    const x = (i % input.columns) * input.tileWidth;
    const y = Math.floor(i / input.columns) * input.tileHeight;
    lines.push(
      `${formatCueTime(startMs)} --> ${formatCueTime(endMs)}`,
      `${input.spriteUrl}#xywh=${x},${y},${input.tileWidth},${input.tileHeight}`,
      '',
    );
  }
  return lines.join('\n');
}

/** hh:mm:ss.ttt, the WebVTT timestamp form that always parses. */
export function formatCueTime(ms: number): string {
  const total = Math.round(ms);
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}`;
}

// One rendition as a single MP4 with its index first, so a browser can start it with a plain
// <video src> and no HLS library: the feed's first video plays it while hls.js is still loading.
// A stream copy of segments already written (and scrubbed), so it takes milliseconds and adds no
// metadata of its own (bitexact: no muxer name, no creation time).
import { runTool } from './run.js';

/** The file's name, beside the rendition's playlist. */
export const PROGRESSIVE_FILE = 'start.mp4';

/** A fair picture on a phone at a third of 1080p's bitrate, and quick to start. */
const PREFERRED_SHORT_SIDE = 480;

/** The rendition to copy: the smallest of at least 480p, else the largest there is. */
export function chooseProgressiveRendition<R extends { width: number; height: number }>(
  renditions: readonly R[],
): R | undefined {
  const bySize = [...renditions].sort(
    (a, b) => Math.min(a.width, a.height) - Math.min(b.width, b.height),
  );
  return bySize.find((r) => Math.min(r.width, r.height) >= PREFERRED_SHORT_SIDE) ?? bySize.at(-1);
}

export function buildProgressiveArgs(playlistPath: string, outputPath: string): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-v', 'error', '-y'],
    ...['-i', playlistPath],
    ...['-map', '0', '-c', 'copy', '-map_metadata', '-1'],
    ...['-fflags', '+bitexact', '-flags', '+bitexact'],
    ...['-movflags', '+faststart', '-f', 'mp4', outputPath],
  ];
}

export async function remuxToProgressive(options: {
  ffmpegPath: string;
  /** The rendition's finished (ENDLIST) media playlist on disk. */
  playlistPath: string;
  outputPath: string;
  signal?: AbortSignal | undefined;
}): Promise<void> {
  await runTool(
    options.ffmpegPath,
    buildProgressiveArgs(options.playlistPath, options.outputPath),
    {
      signal: options.signal,
      timeoutMs: 120_000,
    },
  );
}

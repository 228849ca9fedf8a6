// The single-file MP4 of one rendition (see @shortwave/ffmpeg's progressive.ts), published beside
// that rendition's playlist once the ladder is complete. Optional by design: a video without one
// still plays through HLS, so a failure here is logged and the video goes ready all the same.
import path from 'node:path';
import {
  chooseProgressiveRendition,
  PROGRESSIVE_FILE,
  remuxToProgressive,
  type RenditionUpdate,
} from '@shortwave/ffmpeg';
import type { Logger } from 'pino';
import type { BlobStore } from '../platform/blobs/index.js';
import type { RenditionRecord } from '../platform/db/index.js';

/** The renditions, the one now published as a single file marked with `progressiveFile`. */
export async function publishProgressive(options: {
  ffmpegPath: string;
  blobs: BlobStore;
  renditions: RenditionRecord[];
  written: RenditionUpdate[];
  keyPrefix: string;
  signal: AbortSignal;
  log: Logger;
}): Promise<RenditionRecord[]> {
  const { renditions, keyPrefix } = options;
  const chosen = chooseProgressiveRendition(renditions);
  const onDisk = options.written.find((r) => r.name === chosen?.name);
  if (!chosen || !onDisk) return renditions;
  const outputPath = path.join(onDisk.paths.dir, PROGRESSIVE_FILE);
  try {
    await remuxToProgressive({
      ffmpegPath: options.ffmpegPath,
      playlistPath: onDisk.paths.playlistPath,
      outputPath,
      signal: options.signal,
    });
    await options.blobs.putFile(`${keyPrefix}${chosen.name}/${PROGRESSIVE_FILE}`, outputPath);
  } catch (error) {
    if (options.signal.aborted) throw error;
    options.log.warn({ err: error, rendition: chosen.name }, 'no single-file MP4: HLS only');
    return renditions;
  }
  return renditions.map((r) => (r === chosen ? { ...r, progressiveFile: PROGRESSIVE_FILE } : r));
}

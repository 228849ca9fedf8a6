// A source's text subtitles, published as WebVTT beside the renditions. Optional like the
// single-file MP4: subtitles ffmpeg cannot read are logged and the video goes ready without.
import path from 'node:path';
import { extractSubtitles, SUBTITLES_FILE, type SubtitleStreamFacts } from '@shortwave/ffmpeg';
import type { Logger } from 'pino';
import type { BlobStore } from '../platform/blobs/index.js';

export async function publishSubtitles(options: {
  ffmpegPath: string;
  blobs: BlobStore;
  sourcePath: string;
  stream: SubtitleStreamFacts | undefined;
  workDir: string;
  keyPrefix: string;
  signal: AbortSignal;
  log: Logger;
}): Promise<{ key: string; language: string | null } | null> {
  const { stream } = options;
  if (!stream) return null;
  const outputPath = path.join(options.workDir, SUBTITLES_FILE);
  const key = `${options.keyPrefix}${SUBTITLES_FILE}`;
  try {
    await extractSubtitles({
      ffmpegPath: options.ffmpegPath,
      inputPath: options.sourcePath,
      streamIndex: stream.index,
      outputPath,
      signal: options.signal,
    });
    await options.blobs.putFile(key, outputPath, 'text/vtt; charset=utf-8');
  } catch (error) {
    if (options.signal.aborted) throw error;
    options.log.warn({ err: error, stream: stream.index }, 'subtitles not published');
    return null;
  }
  return { key, language: stream.language };
}

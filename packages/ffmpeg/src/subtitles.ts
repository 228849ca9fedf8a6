// A source's text subtitles as one WebVTT file, the form every browser shows with <track>.
// Extracted from the source itself, so their times match the published picture (ffmpeg shifts
// every stream by the same start time as the transcode does).
import type { MediaProbe, SubtitleStreamFacts } from './probe.types.js';
import { runTool } from './run.js';

export const SUBTITLES_FILE = 'subtitles.vtt';

/** The default text subtitle stream, else the first; none when the source has none. */
export function chooseSubtitles(probe: MediaProbe): SubtitleStreamFacts | undefined {
  return probe.textSubtitles.find((s) => s.isDefault) ?? probe.textSubtitles[0];
}

export function buildSubtitlesArgs(
  inputPath: string,
  streamIndex: number,
  outputPath: string,
): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-v', 'error', '-y'],
    ...['-i', inputPath],
    ...['-map', `0:${streamIndex}`, '-map_metadata', '-1', '-fflags', '+bitexact'],
    ...['-c:s', 'webvtt', '-f', 'webvtt', outputPath],
  ];
}

export async function extractSubtitles(options: {
  ffmpegPath: string;
  inputPath: string;
  streamIndex: number;
  outputPath: string;
  signal?: AbortSignal | undefined;
}): Promise<void> {
  const args = buildSubtitlesArgs(options.inputPath, options.streamIndex, options.outputPath);
  await runTool(options.ffmpegPath, args, { signal: options.signal, timeoutMs: 60_000 });
}

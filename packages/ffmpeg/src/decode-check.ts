// Whether the video really decodes, at its start and near its end: a file can probe well and
// still hold less than its header claims (an upload cut off and patched, a broken muxer). Two
// one-frame decodes, a fraction of a second each.
import { chooseDemuxer } from './containers.js';
import type { MediaProbe } from './probe.types.js';
import { FfmpegError, runTool } from './run.js';
import { inputArgs } from './transcode-args.js';
import { rejectSource } from './validate.js';
import type { SourceVerdict } from './validate.js';

export type DecodeCheckOptions = {
  ffmpegPath: string;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
};

/** How far before the claimed end the second decode starts. */
const END_MARGIN_SECONDS = 1;

export function buildDecodeCheckArgs(
  filePath: string,
  probe: MediaProbe,
  seekSeconds?: number,
): string[] {
  const video = probe.video;
  if (!video) throw new Error('buildDecodeCheckArgs needs a probe with a video stream');
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
    ...inputArgs(chooseDemuxer(probe.container), filePath, seekSeconds),
    ...['-map', `0:${video.index}`, '-frames:v', '1', '-f', 'framecrc', '-'],
  ];
}

export async function checkDecodable(
  filePath: string,
  probe: MediaProbe,
  options: DecodeCheckOptions,
): Promise<SourceVerdict> {
  const durationSeconds = (probe.durationMs ?? 0) / 1000;
  const seeks =
    durationSeconds > END_MARGIN_SECONDS * 2
      ? [undefined, durationSeconds - END_MARGIN_SECONDS]
      : [undefined];
  for (const seekSeconds of seeks) {
    const args = buildDecodeCheckArgs(filePath, probe, seekSeconds);
    let frames: number;
    try {
      const { stdout } = await runTool(options.ffmpegPath, args, {
        signal: options.signal,
        timeoutMs: options.timeoutMs ?? 60_000,
      });
      frames = countFrames(stdout);
    } catch (error) {
      if (!(error instanceof FfmpegError) || error.kind !== 'exit') throw error;
      if (/decoder \(codec|no decoder/i.test(error.stderrTail)) {
        return rejectSource('unsupported-codec', 'The video track uses a format we cannot decode.');
      }
      frames = 0;
    }
    if (frames === 0) {
      return rejectSource(
        'damaged',
        seekSeconds === undefined
          ? 'This video could not be decoded: the file is damaged.'
          : 'This video stops before its end: the file is damaged or incomplete.',
      );
    }
  }
  return { isAccepted: true };
}

/** framecrc writes one line per frame after its `#` header lines. */
function countFrames(framecrc: string): number {
  return framecrc.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')).length;
}

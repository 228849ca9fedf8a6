// The whole "is this upload a video we can take?" step: empty file, unreadable or truncated file,
// probe, limits, and a real decode at both ends. Infrastructure failures (ffprobe missing, a
// timeout, an abort) are thrown, not turned into a verdict, so the job is retried.
import { stat } from 'node:fs/promises';
import { checkDecodable } from './decode-check.js';
import { inspectIsoBmff } from './iso-bmff.js';
import { probeMedia } from './probe.js';
import type { MediaProbe } from './probe.types.js';
import { FfmpegError } from './run.js';
import { DEFAULT_LIMITS, rejectSource, validateSource } from './validate.js';
import type { SourceLimits, SourceRejection } from './validate.js';

export type SourceInspection =
  { isAccepted: true; probe: MediaProbe } | (SourceRejection & { probe: MediaProbe | null });

export type InspectOptions = {
  ffmpegPath: string;
  ffprobePath: string;
  limits?: SourceLimits | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
};

export async function inspectSource(
  filePath: string,
  options: InspectOptions,
): Promise<SourceInspection> {
  const { size } = await stat(filePath);
  if (size === 0) return { ...rejectSource('empty-file', 'This file is empty.'), probe: null };

  let probe: MediaProbe;
  try {
    probe = await probeMedia(filePath, options);
  } catch (error) {
    if (!(error instanceof FfmpegError) || error.kind !== 'exit') throw error;
    const boxes = await inspectIsoBmff(filePath);
    const rejection = boxes.isTruncated
      ? rejectSource('truncated', 'This file is incomplete: the upload may have been cut off.')
      : rejectSource('unreadable', 'This file is not a video we can read.');
    return { ...rejection, probe: null };
  }

  const verdict = validateSource(probe, options.limits ?? DEFAULT_LIMITS);
  if (!verdict.isAccepted) return { ...verdict, probe };
  const decoded = await checkDecodable(filePath, probe, options);
  if (!decoded.isAccepted) return { ...decoded, probe };
  return { isAccepted: true, probe };
}

// Whether a probed file is a video Shortwave accepts; when not, a stable reason code (for the API
// and tests) and a sentence for the creator. Pure: the limits are an input.
//
// Decisions: an animated GIF is accepted as a silent video (every video loops in the feed); with
// several video tracks the default one (else the first) is used and the rest ignored; cover art
// in an audio file is not a video track.
import { VIDEO_CONTAINERS } from './containers.js';
import type { MediaProbe } from './probe.types.js';

export type SourceLimits = {
  maxDurationMs: number;
  /** Shorter than this there is no meaningful segment, poster or thumbnail. */
  minDurationMs: number;
  maxLongSidePx: number;
  /** Smaller than this, even the lowest rendition would be a smudge. */
  minShortSidePx: number;
};

export const DEFAULT_LIMITS: SourceLimits = {
  maxDurationMs: 10 * 60_000,
  minDurationMs: 500,
  maxLongSidePx: 4096,
  minShortSidePx: 64,
};

export type RejectionReason =
  | 'empty-file'
  | 'unreadable'
  | 'truncated'
  | 'encrypted'
  | 'no-video'
  | 'still-image'
  | 'unsupported-container'
  | 'unsupported-codec'
  | 'unknown-duration'
  | 'too-large'
  | 'too-small'
  | 'too-long'
  | 'too-short'
  | 'damaged';

export type SourceRejection = { isAccepted: false; reason: RejectionReason; message: string };
export type SourceVerdict = { isAccepted: true } | SourceRejection;

export function rejectSource(reason: RejectionReason, message: string): SourceRejection {
  return { isAccepted: false, reason, message };
}

export function validateSource(
  probe: MediaProbe,
  limits: SourceLimits = DEFAULT_LIMITS,
): SourceVerdict {
  if (probe.isTruncated) {
    return rejectSource('truncated', 'This file is incomplete: the upload may have been cut off.');
  }
  if (probe.isEncrypted) {
    return rejectSource(
      'encrypted',
      'This video is encrypted (DRM-protected), so it cannot be processed.',
    );
  }
  const video = probe.video;
  if (!video) {
    return rejectSource(
      'no-video',
      probe.audio ? 'This file has no video track, only sound.' : 'This file has no video track.',
    );
  }
  if (video.isStillImage) {
    return rejectSource('still-image', 'This file is a still picture, not a video.');
  }
  if (!probe.container.split(',').some((name) => VIDEO_CONTAINERS.includes(name))) {
    return rejectSource(
      'unsupported-container',
      `Files of this kind (${probe.container}) are not supported.`,
    );
  }
  if (video.codec === 'unknown' || video.width <= 0 || video.height <= 0) {
    return rejectSource('unsupported-codec', 'The video track uses a format we cannot decode.');
  }
  const size = `${video.displayWidth}×${video.displayHeight}`;
  const longSide = Math.max(video.displayWidth, video.displayHeight);
  const shortSide = Math.min(video.displayWidth, video.displayHeight);
  if (longSide > limits.maxLongSidePx) {
    return rejectSource(
      'too-large',
      `The video is ${size}; the limit is ${limits.maxLongSidePx} px on the long side.`,
    );
  }
  if (shortSide < limits.minShortSidePx) {
    return rejectSource(
      'too-small',
      `The video is too small (${size}); the minimum is ${limits.minShortSidePx} px on the short side.`,
    );
  }
  const durationMs = probe.durationMs;
  if (durationMs === null) {
    return rejectSource('unknown-duration', 'We could not tell how long this video is.');
  }
  if (durationMs > limits.maxDurationMs) {
    return rejectSource(
      'too-long',
      `The video is ${formatDuration(durationMs)} long; the limit is ${formatDuration(limits.maxDurationMs)}.`,
    );
  }
  if (durationMs < limits.minDurationMs) {
    return rejectSource(
      'too-short',
      `The video is ${formatDuration(durationMs)} long; the minimum is ${formatDuration(limits.minDurationMs)}.`,
    );
  }
  return { isAccepted: true };
}

/** "0.2 s", "45 s", "12 min", "10.5 min": what a creator reads. */
export function formatDuration(durationMs: number): string {
  if (durationMs < 60_000) return `${trimZeros((durationMs / 1000).toFixed(1))} s`;
  return `${trimZeros((durationMs / 60_000).toFixed(1))} min`;
}

function trimZeros(value: string): string {
  return value.replace(/\.0$/, '');
}

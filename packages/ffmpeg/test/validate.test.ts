import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, formatDuration, validateSource } from '../src/index.js';
import { makeProbe } from './factories.js';

describe('validateSource', () => {
  it('accepts a phone video within the limits', () => {
    expect(validateSource(makeProbe())).toEqual({ isAccepted: true });
  });

  it('refuses a file without a video track, saying when it is only sound', () => {
    expect(validateSource(makeProbe({ video: undefined, videoStreamCount: 0 }))).toEqual({
      isAccepted: false,
      reason: 'no-video',
      message: 'This file has no video track, only sound.',
    });
    expect(validateSource(makeProbe({ video: undefined, audio: undefined }))).toMatchObject({
      reason: 'no-video',
      message: 'This file has no video track.',
    });
  });

  it('refuses a video longer than the limit, in minutes', () => {
    expect(validateSource(makeProbe({ durationMs: 12 * 60_000 }))).toEqual({
      isAccepted: false,
      reason: 'too-long',
      message: 'The video is 12 min long; the limit is 10 min.',
    });
  });

  it('takes the duration limit as an input', () => {
    const limits = { ...DEFAULT_LIMITS, maxDurationMs: 3000 };
    expect(validateSource(makeProbe({ durationMs: 4000 }), limits)).toMatchObject({
      reason: 'too-long',
      message: 'The video is 4 s long; the limit is 3 s.',
    });
  });

  it('refuses a video shorter than half a second', () => {
    expect(validateSource(makeProbe({ durationMs: 200 }))).toMatchObject({
      reason: 'too-short',
      message: 'The video is 0.2 s long; the minimum is 0.5 s.',
    });
  });

  it('refuses a picture larger than 4096 px on its long side', () => {
    expect(validateSource(makeProbe({}, { width: 8000, height: 8000 }))).toMatchObject({
      reason: 'too-large',
      message: 'The video is 8000×8000; the limit is 4096 px on the long side.',
    });
  });

  it('refuses a picture smaller than 64 px on its short side', () => {
    expect(validateSource(makeProbe({}, { width: 2, height: 2 }))).toMatchObject({
      reason: 'too-small',
      message: 'The video is too small (2×2); the minimum is 64 px on the short side.',
    });
  });

  it('judges the size as displayed, after rotation', () => {
    const rotated = makeProbe(
      {},
      { width: 4000, height: 2000, displayWidth: 2000, displayHeight: 4000 },
    );
    expect(validateSource(rotated)).toEqual({ isAccepted: true });
  });

  it('refuses encrypted, truncated and still-picture files before looking at sizes', () => {
    expect(validateSource(makeProbe({ isEncrypted: true }))).toMatchObject({ reason: 'encrypted' });
    expect(validateSource(makeProbe({ isTruncated: true }))).toMatchObject({ reason: 'truncated' });
    expect(
      validateSource(makeProbe({ container: 'png_pipe' }, { isStillImage: true })),
    ).toMatchObject({
      reason: 'still-image',
    });
  });

  it('refuses containers it does not open for transcoding', () => {
    expect(validateSource(makeProbe({ container: 'mp3' }))).toMatchObject({
      reason: 'unsupported-container',
    });
  });

  it('refuses a video whose length is unknown', () => {
    expect(validateSource(makeProbe({ durationMs: null }))).toMatchObject({
      reason: 'unknown-duration',
    });
  });

  it('accepts an animated GIF as a silent video', () => {
    const gif = makeProbe(
      { container: 'gif', audio: undefined, durationMs: 2000 },
      { codec: 'gif', width: 360, height: 640, pixelFormat: 'bgra' },
    );
    expect(validateSource(gif)).toEqual({ isAccepted: true });
  });

  it('accepts a file with two video tracks', () => {
    expect(validateSource(makeProbe({ videoStreamCount: 2 }))).toEqual({ isAccepted: true });
  });
});

describe('formatDuration', () => {
  it('writes seconds under a minute and minutes above', () => {
    expect(formatDuration(200)).toBe('0.2 s');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(10 * 60_000)).toBe('10 min');
    expect(formatDuration(10.5 * 60_000)).toBe('10.5 min');
  });
});

// Probes for pure tests: a 1080x1920 30 fps H.264 + AAC phone video unless told otherwise.
import type { AudioStreamFacts, MediaProbe, VideoStreamFacts } from '../src/index.js';

export function makeVideoFacts(overrides: Partial<VideoStreamFacts> = {}): VideoStreamFacts {
  const width = overrides.width ?? 1080;
  const height = overrides.height ?? 1920;
  return {
    index: 0,
    codec: 'h264',
    profile: 'High',
    width,
    height,
    displayWidth: width,
    displayHeight: height,
    rotationDegrees: 0,
    pixelFormat: 'yuv420p',
    bitDepth: 8,
    isHdr: false,
    hdrTransfer: null,
    colorPrimaries: 'bt709',
    colorTransfer: 'bt709',
    colorSpace: 'bt709',
    frameRate: 30,
    frameRateRational: { num: 30, den: 1 },
    baseFrameRate: { num: 30, den: 1 },
    isVariableFrameRate: false,
    bitrate: 12_000_000,
    frameCount: 900,
    isStillImage: false,
    ...overrides,
  };
}

export function makeAudioFacts(overrides: Partial<AudioStreamFacts> = {}): AudioStreamFacts {
  return { index: 1, codec: 'aac', channels: 2, sampleRate: 48000, bitrate: 128_000, ...overrides };
}

export function makeProbe(
  overrides: Partial<MediaProbe> = {},
  video: Partial<VideoStreamFacts> = {},
): MediaProbe {
  return {
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationMs: 30_000,
    sizeBytes: 45_000_000,
    bitrate: 12_128_000,
    video: makeVideoFacts(video),
    videoStreamCount: 1,
    audio: makeAudioFacts(),
    audioStreamCount: 1,
    textSubtitles: [],
    isEncrypted: false,
    isTruncated: false,
    ...overrides,
  };
}

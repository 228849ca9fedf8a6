// The rendition ladder for a source: rungs chosen from its short side among 1080/720/480/360
// (portrait stays portrait, never upscaled, every dimension even), one constant frame rate and one
// keyframe interval for all rungs so their segments align and players can switch between them
// (RFC 8216 §6.2.4 via EXT-X-INDEPENDENT-SEGMENTS). Pure.
//
// No rung is remuxed (-c:v copy), even from an H.264 source already at a rung's size: a copied
// stream keeps the source's keyframes (phones do not put one every 2 s, so segments would not
// align), its level, its SEI (x264 and camera settings) and its bitrate (phones record 8-20 Mbit/s,
// far above what a feed should stream), and iPhones' portrait videos are rotated anyway.
import { chooseDemuxer } from './containers.js';
import { AAC_LC_CODEC, chooseH264Level, formatAvcCodec } from './h264-level.js';
import { chooseFrameRate, chooseSourceRate, toFps } from './frame-rate.js';
import type { HdrTransfer, MediaProbe, Rational } from './probe.types.js';
import { planThumbnails } from './thumbnails.js';
import type { ThumbnailPlan } from './thumbnails.js';

export type Rendition = {
  /** Directory and label: the rung's short side, e.g. "720p". */
  name: string;
  width: number;
  height: number;
  videoBitrateKbps: number;
  maxrateKbps: number;
  bufsizeKbps: number;
  /** null when the source has no sound. */
  audioBitrateKbps: number | null;
  h264Level: string;
  /** RFC 6381 codecs for the master playlist, e.g. "avc1.640028,mp4a.40.2". */
  codecs: string;
  /**
   * Before encoding, an upper bound of the peak segment bitrate (maxrate plus what the VBV buffer
   * can add over one segment, plus audio); measureRenditionBandwidth gives the real one after.
   */
  estimatedBandwidthBps: number;
  estimatedAverageBandwidthBps: number;
};

export type LadderPlan = {
  /** The demuxer to force (from the probe), the streams to map. */
  input: {
    demuxer: string | null;
    videoStreamIndex: number;
    audioStreamIndex: number | null;
    audioChannels: number;
  };
  durationMs: number;
  /** Whether the renditions carry sound (the source has an audio stream). */
  hasAudio: boolean;
  /** PQ or HLG sources are tone-mapped to SDR; everything else is converted to 8-bit 4:2:0. */
  hdrTransfer: HdrTransfer | null;
  /** Colour tags written into every rendition; null leaves them unspecified, as the source did. */
  color: ColorTags | null;
  frameRate: Rational;
  /** frameRate as a number, for FRAME-RATE in the master playlist. */
  fps: number;
  /** Frames from one keyframe to the next: exactly one segment. */
  gopFrames: number;
  /** gopFrames / frameRate: 2 s at 30 fps, 2.002 s at 29.97. */
  segmentSeconds: number;
  encoder: { preset: string; profile: 'high' };
  /** Highest first. */
  renditions: Rendition[];
  poster: { width: number; height: number; atSeconds: number };
  thumbnails: ThumbnailPlan;
};

export type ColorTags = { primaries: string; transfer: string; space: string };

export type LadderOptions = {
  /** Sources above this are halved (60 → 30) or capped; 30 by default. */
  maxFrameRate?: number;
  segmentSeconds?: number;
  /** x264 preset; veryfast by default (see RUNGS). */
  preset?: string;
};

export const SEGMENT_SECONDS = 2;
export const MAX_FRAME_RATE = 30;
/**
 * veryfast: on a 2-core machine the whole four-rung ladder of a 1080x1920 clip encodes at about
 * real time or better while the picture stays clean at these bitrates; faster presets cost far
 * more bits for the same quality, slower ones double the time for a few percent.
 */
export const X264_PRESET = 'veryfast';

// H.264 bitrates at up to 30 fps for phone-shot short video (kbit/s); VBV allows 1.5x peaks.
const RUNGS = [
  { shortSide: 1080, videoKbps: 3500, audioKbps: 128 },
  { shortSide: 720, videoKbps: 2000, audioKbps: 128 },
  { shortSide: 480, videoKbps: 1000, audioKbps: 96 },
  { shortSide: 360, videoKbps: 600, audioKbps: 64 },
] as const;
const LOWEST = RUNGS[RUNGS.length - 1]!;

export function planLadder(probe: MediaProbe, options: LadderOptions = {}): LadderPlan {
  const video = probe.video;
  if (!video) throw new Error('planLadder needs a probe with a video stream');
  const segmentTarget = options.segmentSeconds ?? SEGMENT_SECONDS;
  const sourceRate = chooseSourceRate(
    video.frameRateRational,
    video.baseFrameRate,
    video.isVariableFrameRate,
  );
  const frameRate = chooseFrameRate(sourceRate, options.maxFrameRate ?? MAX_FRAME_RATE);
  const fps = toFps(frameRate);
  const gopFrames = Math.max(1, Math.round(segmentTarget * fps));
  const segmentSeconds = gopFrames / fps;
  const hasAudio = probe.audio !== undefined;

  const sourceShort = Math.min(video.displayWidth, video.displayHeight);
  const sourceLong = Math.max(video.displayWidth, video.displayHeight);
  const isPortrait = video.displayHeight > video.displayWidth;
  const fitting = RUNGS.filter((rung) => rung.shortSide <= sourceShort);
  // Smaller than the lowest rung: one rendition at the source's own (even) size.
  const ownSize = floorEven(sourceShort);
  const rungs = fitting.length > 0 ? fitting : [{ ...LOWEST, shortSide: ownSize }];

  const renditions = rungs.map((rung): Rendition => {
    const shortSide = floorEven(Math.min(rung.shortSide, sourceShort));
    const longSide = roundEven((sourceLong * shortSide) / sourceShort);
    const width = isPortrait ? shortSide : longSide;
    const height = isPortrait ? longSide : shortSide;
    const rateFactor = fps > 30 ? 1 + (0.5 * (fps - 30)) / 30 : 1;
    const sizeFactor = fitting.length > 0 ? 1 : (width * height) / (640 * 360);
    const videoBitrateKbps = Math.max(150, Math.round(rung.videoKbps * rateFactor * sizeFactor));
    const maxrateKbps = Math.round(videoBitrateKbps * 1.5);
    const bufsizeKbps = videoBitrateKbps * 2;
    const audioBitrateKbps = hasAudio ? rung.audioKbps : null;
    const level = chooseH264Level(width, height, fps, maxrateKbps);
    const audioKbps = audioBitrateKbps ?? 0;
    return {
      name: `${shortSide}p`,
      width,
      height,
      videoBitrateKbps,
      maxrateKbps,
      bufsizeKbps,
      audioBitrateKbps,
      h264Level: level.name,
      codecs: hasAudio ? `${formatAvcCodec(level)},${AAC_LC_CODEC}` : formatAvcCodec(level),
      estimatedBandwidthBps: Math.round(
        (maxrateKbps + bufsizeKbps / segmentSeconds + audioKbps) * 1000,
      ),
      estimatedAverageBandwidthBps: (videoBitrateKbps + audioKbps) * 1000,
    };
  });
  const top = renditions[0]!;
  const durationMs = probe.durationMs ?? 0;

  return {
    input: {
      demuxer: chooseDemuxer(probe.container),
      videoStreamIndex: video.index,
      audioStreamIndex: probe.audio?.index ?? null,
      // Stereo at most: phones' 5.1 or 4-channel ambisonic tracks are folded down.
      audioChannels: Math.min(2, Math.max(1, probe.audio?.channels ?? 2)),
    },
    durationMs,
    hasAudio,
    hdrTransfer: video.hdrTransfer,
    color: chooseColorTags(video),
    frameRate,
    fps,
    gopFrames,
    segmentSeconds,
    encoder: { preset: options.preset ?? X264_PRESET, profile: 'high' },
    renditions,
    // A second in, or a quarter of a short clip: past fade-ins, still early.
    poster: { width: top.width, height: top.height, atSeconds: Math.min(1, durationMs / 4000) },
    thumbnails: planThumbnails(durationMs, top),
  };
}

// SDR colour descriptions a scaler carries through unchanged (it converts no matrix).
const SDR_PRIMARIES = new Set(['bt709', 'smpte170m', 'bt470bg']);
const SDR_TRANSFERS = new Set(['bt709', 'smpte170m', 'iec61966-2-1']);
const SDR_SPACES = new Set(['bt709', 'smpte170m', 'bt470bg']);

/** Tone-mapped HDR is BT.709; an SDR source's own tags are kept so the colours mean the same. */
function chooseColorTags(video: NonNullable<MediaProbe['video']>): ColorTags | null {
  if (video.hdrTransfer !== null) return { primaries: 'bt709', transfer: 'bt709', space: 'bt709' };
  const { colorPrimaries: primaries, colorTransfer: transfer, colorSpace: space } = video;
  if (!primaries || !transfer || !space) return null;
  if (!SDR_PRIMARIES.has(primaries) || !SDR_TRANSFERS.has(transfer) || !SDR_SPACES.has(space)) {
    return null;
  }
  return { primaries, transfer, space };
}

function floorEven(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2);
}

function roundEven(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

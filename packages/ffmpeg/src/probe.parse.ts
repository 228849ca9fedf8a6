// Turns ffprobe's JSON (-show_streams -show_format -show_entries packet=...) into a MediaProbe.
// Pure: tested on JSON recorded from the synthesised corpus.
import type {
  AudioStreamFacts,
  HdrTransfer,
  MediaProbe,
  Rational,
  SubtitleStreamFacts,
  VideoStreamFacts,
} from './probe.types.js';

type Json = Record<string, unknown>;

/** Codecs that hold pictures rather than motion when there is only one of them. */
const IMAGE_CODECS = new Set(['png', 'mjpeg', 'jpeg2000', 'jpegls', 'bmp', 'tiff', 'webp', 'gif']);
const IMAGE_CONTAINERS = /(^|,)(image2|[a-z0-9]+_pipe)(,|$)/;
/** Subtitle codecs ffmpeg can turn into WebVTT: text, not pictures (PGS, DVD, DVB). */
const TEXT_SUBTITLE_CODECS = new Set(['mov_text', 'subrip', 'srt', 'ass', 'ssa', 'webvtt', 'text']);

export function parseProbeOutput(json: unknown): MediaProbe {
  const root = isObject(json) ? json : {};
  const streams = asArray(root.streams).filter(isObject);
  const format = isObject(root.format) ? root.format : {};
  const packets = asArray(root.packets).filter(isObject);

  // Cover art inside an audio file is a "video" stream marked attached_pic: not a video.
  const videos = streams.filter(
    (s) => s.codec_type === 'video' && readNumber(disposition(s).attached_pic) !== 1,
  );
  const audios = streams.filter((s) => s.codec_type === 'audio');
  // With two video tracks we use the default one, else the first; the rest are ignored.
  const chosenVideo = videos.find((s) => readNumber(disposition(s).default) === 1) ?? videos[0];
  const chosenAudio = audios.find((s) => readNumber(disposition(s).default) === 1) ?? audios[0];
  const container = readString(format.format_name) ?? 'unknown';

  const formatSeconds = readNumber(format.duration);
  const streamSeconds = chosenVideo ? readNumber(chosenVideo.duration) : null;
  const seconds = formatSeconds ?? streamSeconds;

  return {
    container,
    durationMs: seconds === null ? null : Math.round(seconds * 1000),
    sizeBytes: readNumber(format.size),
    bitrate: readNumber(format.bit_rate),
    video: chosenVideo ? describeVideo(chosenVideo, container, packets) : undefined,
    videoStreamCount: videos.length,
    audio: chosenAudio ? describeAudio(chosenAudio) : undefined,
    audioStreamCount: audios.length,
    textSubtitles: streams
      .filter((s) => s.codec_type === 'subtitle')
      .filter((s) => TEXT_SUBTITLE_CODECS.has(readString(s.codec_name) ?? ''))
      .map(describeSubtitle),
    // The mov demuxer hides CENC behind the original codec tag; probeMedia reads the boxes.
    isEncrypted: streams.some((s) =>
      ['encv', 'enca'].includes(readString(s.codec_tag_string) ?? ''),
    ),
    isTruncated: false,
  };
}

function describeSubtitle(stream: Json): SubtitleStreamFacts {
  const tags = isObject(stream.tags) ? stream.tags : {};
  const language = readString(tags.language);
  return {
    index: readNumber(stream.index) ?? 0,
    codec: readString(stream.codec_name) ?? 'unknown',
    language: language && language !== 'und' ? language : null,
    isDefault: readNumber(disposition(stream).default) === 1,
  };
}

function describeVideo(stream: Json, container: string, packets: Json[]): VideoStreamFacts {
  const index = readNumber(stream.index) ?? 0;
  const width = readNumber(stream.width) ?? 0;
  const height = readNumber(stream.height) ?? 0;
  const codec = readString(stream.codec_name) ?? 'unknown';
  const pixelFormat = readString(stream.pix_fmt) ?? 'unknown';
  const rotationDegrees = readRotation(stream);
  const [squareWidth, squareHeight] = applySampleAspectRatio(
    width,
    height,
    stream.sample_aspect_ratio,
  );
  const isSideways = rotationDegrees === 90 || rotationDegrees === 270;
  const average = parseRational(stream.avg_frame_rate);
  const base = parseRational(stream.r_frame_rate);
  const frameRateRational = average ?? base;
  const videoPackets = packets.filter((p) => readNumber(p.stream_index) === index);
  const colorTransfer = readString(stream.color_transfer);
  const hdrTransfer = readHdrTransfer(colorTransfer);

  return {
    index,
    codec,
    profile: readString(stream.profile),
    width,
    height,
    displayWidth: isSideways ? squareHeight : squareWidth,
    displayHeight: isSideways ? squareWidth : squareHeight,
    rotationDegrees,
    pixelFormat,
    bitDepth: readBitDepth(pixelFormat, stream.bits_per_raw_sample),
    isHdr: hdrTransfer !== null,
    hdrTransfer,
    colorPrimaries: readString(stream.color_primaries),
    colorTransfer,
    colorSpace: readString(stream.color_space),
    frameRate: frameRateRational ? frameRateRational.num / frameRateRational.den : 0,
    frameRateRational,
    baseFrameRate: base,
    isVariableFrameRate: hasVariableFrameDurations(videoPackets) ?? differ(average, base),
    bitrate: readNumber(stream.bit_rate),
    frameCount: readNumber(stream.nb_frames),
    isStillImage:
      IMAGE_CODECS.has(codec) && (videoPackets.length <= 1 || IMAGE_CONTAINERS.test(container)),
  };
}

function describeAudio(stream: Json): AudioStreamFacts {
  return {
    index: readNumber(stream.index) ?? 0,
    codec: readString(stream.codec_name) ?? 'unknown',
    channels: readNumber(stream.channels) ?? 0,
    sampleRate: readNumber(stream.sample_rate) ?? 0,
    bitrate: readNumber(stream.bit_rate),
  };
}

/**
 * Clockwise degrees. ffprobe 5+ reports the display matrix angle counter-clockwise ("rotation":
 * -90 on an iPhone portrait video); older builds put a clockwise `rotate` tag on the stream.
 */
function readRotation(stream: Json): 0 | 90 | 180 | 270 {
  const matrix = asArray(stream.side_data_list)
    .filter(isObject)
    .find((entry) => entry.side_data_type === 'Display Matrix');
  const counterClockwise = matrix ? readNumber(matrix.rotation) : null;
  const tags = isObject(stream.tags) ? stream.tags : {};
  const clockwise = counterClockwise !== null ? -counterClockwise : (readNumber(tags.rotate) ?? 0);
  const quarterTurns = ((Math.round(clockwise / 90) % 4) + 4) % 4;
  return ([0, 90, 180, 270] as const)[quarterTurns] ?? 0;
}

function applySampleAspectRatio(width: number, height: number, sar: unknown): [number, number] {
  const match = /^(\d+):(\d+)$/.exec(readString(sar) ?? '');
  const num = Number(match?.[1] ?? 0);
  const den = Number(match?.[2] ?? 0);
  // 0:1 means unknown; anamorphic sources are widened, never squeezed, to square pixels.
  if (!num || !den || num === den) return [width, height];
  return num > den
    ? [Math.round((width * num) / den), height]
    : [width, Math.round((height * den) / num)];
}

/** Bits per component from the pixel format name: yuv420p10le, gray12le, p010le, rgb48le... */
function readBitDepth(pixelFormat: string, bitsPerRawSample: unknown): number {
  const planar = /p(\d{2})(le|be)?$/.exec(pixelFormat) ?? /^gray(\d{2})/.exec(pixelFormat);
  if (planar?.[1]) return Number(planar[1]);
  const semiPlanar = /^p0(\d{2})/.exec(pixelFormat);
  if (semiPlanar?.[1]) return Number(semiPlanar[1]);
  if (/^(rgb|bgr)a?(48|64)/.test(pixelFormat)) return 16;
  if (/^x2(rgb|bgr)10/.test(pixelFormat)) return 10;
  return readNumber(bitsPerRawSample) ?? 8;
}

function readHdrTransfer(transfer: string | null): HdrTransfer | null {
  if (transfer === 'smpte2084') return 'pq';
  if (transfer === 'arib-std-b67') return 'hlg';
  return null;
}

/**
 * Whether frame durations vary by more than timestamp rounding explains (a tick, or 10%): from the
 * packets' own durations when the container stores them (MP4's stts, in any packet order), else
 * from gaps between sorted presentation times, leaving out the last few, which B-frame
 * reordering at the edge of the probed window can leave missing. null when there are too few.
 */
function hasVariableFrameDurations(packets: Json[]): boolean | null {
  // The last frame's duration is often a muxer's guess: leave it out.
  const byTime = [...packets].sort((a, b) => (readNumber(a.pts) ?? 0) - (readNumber(b.pts) ?? 0));
  const durations = byTime.slice(0, -1).map((p) => readNumber(p.duration));
  if (durations.length >= 4 && durations.every((d) => d !== null && d > 0)) {
    return spreadsTooMuch(durations as number[]);
  }
  const times = packets
    .map((p) => readNumber(p.pts))
    .filter((pts): pts is number => pts !== null)
    .sort((a, b) => a - b);
  const settled = times.length > 32 ? times.slice(0, -16) : times;
  if (settled.length < 4) return null;
  return spreadsTooMuch(settled.slice(1).map((time, i) => time - (settled[i] ?? time)));
}

function spreadsTooMuch(intervals: number[]): boolean | null {
  const sorted = intervals.filter((d) => d > 0).sort((a, b) => a - b);
  const shortest = sorted[0];
  const longest = sorted.at(-1);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (shortest === undefined || longest === undefined || median === undefined) return null;
  return longest - shortest > Math.max(1, median * 0.1);
}

function differ(a: Rational | null, b: Rational | null): boolean {
  if (!a || !b) return false;
  const rateA = a.num / a.den;
  const rateB = b.num / b.den;
  return Math.abs(rateA - rateB) / rateB > 0.01;
}

export function parseRational(value: unknown): Rational | null {
  const match = /^(\d+)\/(\d+)$/.exec(readString(value) ?? '');
  const num = Number(match?.[1] ?? 0);
  const den = Number(match?.[2] ?? 0);
  return num > 0 && den > 0 ? { num, den } : null;
}

function disposition(stream: Json): Json {
  return isObject(stream.disposition) ? stream.disposition : {};
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function readString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && value !== 'unknown' ? value : null;
}

/** ffprobe writes most numbers as strings ("4.000000", "N/A"). */
function readNumber(value: unknown): number | null {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(number) && value !== '' ? number : null;
}

// What Shortwave knows about an uploaded file after probing it: plain data, printable and small.

/** A frame rate as ffmpeg writes it (30000/1001), so keyframe arithmetic stays exact. */
export type Rational = { num: number; den: number };

/** smpte2084 (PQ, HDR10 and Dolby Vision) or arib-std-b67 (HLG, what iPhones record). */
export type HdrTransfer = 'pq' | 'hlg';

export type VideoStreamFacts = {
  /** ffmpeg's absolute stream index, used as `0:<index>` in maps and filter graphs. */
  index: number;
  codec: string;
  profile: string | null;
  /** Coded size, before the sample aspect ratio and the rotation are applied. */
  width: number;
  height: number;
  /** The size as shown: square pixels and the rotation applied. */
  displayWidth: number;
  displayHeight: number;
  /** Clockwise degrees to turn the coded picture to show it upright: 0, 90, 180 or 270. */
  rotationDegrees: 0 | 90 | 180 | 270;
  pixelFormat: string;
  bitDepth: number;
  isHdr: boolean;
  hdrTransfer: HdrTransfer | null;
  colorPrimaries: string | null;
  colorTransfer: string | null;
  colorSpace: string | null;
  /** Mean frames per second (ffprobe's avg_frame_rate, else r_frame_rate); 0 when unknown. */
  frameRate: number;
  frameRateRational: Rational | null;
  /** ffprobe's r_frame_rate: the base rate timestamps are multiples of (often the capture rate). */
  baseFrameRate: Rational | null;
  /** Frame durations differ (phones drop and stretch frames), from the first seconds' packets. */
  isVariableFrameRate: boolean;
  bitrate: number | null;
  frameCount: number | null;
  /** One picture, not a video: a PNG or JPEG (whatever its name says), a one-frame GIF. */
  isStillImage: boolean;
};

export type AudioStreamFacts = {
  index: number;
  codec: string;
  channels: number;
  sampleRate: number;
  bitrate: number | null;
};

export type SubtitleStreamFacts = {
  /** The stream's index in the file, for -map 0:N. */
  index: number;
  codec: string;
  /** ISO 639 code as the file tags it ("eng"), null when untagged or "und". */
  language: string | null;
  isDefault: boolean;
};

export type MediaProbe = {
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm". */
  container: string;
  /** null when neither the container nor the stream says. */
  durationMs: number | null;
  sizeBytes: number | null;
  bitrate: number | null;
  /** The stream Shortwave will use: the default video stream, else the first (cover art excluded). */
  video?: VideoStreamFacts | undefined;
  /** Video streams that are pictures in motion (attached cover art is not counted). */
  videoStreamCount: number;
  audio?: AudioStreamFacts | undefined;
  audioStreamCount: number;
  /** Subtitle streams made of text (bitmap subtitles cannot become WebVTT), in file order. */
  textSubtitles: SubtitleStreamFacts[];
  /** Common Encryption (CENC) or another DRM scheme: the samples cannot be decoded. */
  isEncrypted: boolean;
  /** The container says it is longer than the file: the upload was cut off. */
  isTruncated: boolean;
};

// Media files for tests, synthesised with ffmpeg's lavfi sources (testsrc2, sine) the first time
// they are asked for and cached by recipe in the temp directory; never committed. Each function
// returns the file's path. Used by this package's tests and by the server's.
import { deriveFile, makeWithFfmpeg, writeCorpusFile } from './corpus-cache.js';
import { rotateVideoTrack } from './corpus-mp4.js';
import { aac, h264, makeClip, picture, sound } from './corpus-sources.js';

export { corpusDir, corpusFfmpegPath } from './corpus-cache.js';
export { makeClip } from './corpus-sources.js';
export type { ClipOptions } from './corpus-sources.js';
export * from './corpus-broken.js';

/** 1080x1920 portrait at 30 fps with sound, as phones record; 4 s unless told. */
export function makePortraitClip(options: { durationSeconds?: number } = {}): Promise<string> {
  return makeClip({ width: 1080, height: 1920, durationSeconds: options.durationSeconds ?? 4 });
}

/** 854x480 landscape with sound. */
export function makeLandscapeClip(options: { durationSeconds?: number } = {}): Promise<string> {
  return makeClip({ width: 854, height: 480, durationSeconds: options.durationSeconds ?? 2 });
}

/** 360x640 with no audio stream at all. */
export function makeSilentClip(): Promise<string> {
  return makeClip({ hasAudio: false });
}

/**
 * 641x359: odd on both sides, short side just under the 360 rung. 4:4:4, since 4:2:0 H.264 cannot
 * have odd sides (screen recorders write such files).
 */
export function makeOddSizeClip(): Promise<string> {
  return makeWithFfmpeg('odd-641x359', 'mp4', [
    ...picture(642, 360, 30, 2),
    ...sound(2),
    // Crop after going 4:4:4, or crop rounds to the chroma grid.
    ...['-vf', 'format=yuv444p,crop=641:359:0:0'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast'],
    ...aac,
  ]);
}

/** 0.2 s: under the minimum duration. */
export function makeTinyDurationClip(): Promise<string> {
  return makeClip({ durationSeconds: 0.2 });
}

/** 2x2 pixels. */
export function makeTwoPixelClip(): Promise<string> {
  return makeClip({ width: 2, height: 2, durationSeconds: 1 });
}

/** A small, cheap clip of any length, to exceed a test's duration limit (128x228, 10 fps). */
export function makeLongClip(options: { durationSeconds: number }): Promise<string> {
  return makeClip({ width: 128, height: 228, fps: 10, durationSeconds: options.durationSeconds });
}

/** One 8000x8000 frame lasting 1 s: over any long-side limit. */
export function makeHugeClip(): Promise<string> {
  return makeWithFfmpeg('huge-8000x8000', 'mp4', [
    ...['-f', 'lavfi', '-i', 'color=c=navy:size=8000x8000:rate=1:duration=1'],
    ...['-frames:v', '1', ...h264],
  ]);
}

/**
 * A phone recording: a landscape-coded 640x360 picture with a display matrix turning it to
 * portrait (as iPhones write it), creation dates, GPS in both QuickTime forms, make and model,
 * and the camera's handler name.
 */
export async function makePhoneClip(): Promise<string> {
  const tagged = makeWithFfmpeg('phone-tags', 'mov', [
    ...picture(640, 360, 30, 2),
    ...sound(2),
    ...h264,
    ...aac,
    ...['-metadata', 'creation_time=2024-05-01T10:00:00Z'],
    ...['-metadata', 'location=+37.7749-122.4194/'],
    ...['-metadata', 'com.apple.quicktime.location.ISO6709=+37.7749-122.4194+010.000/'],
    ...['-metadata', 'com.apple.quicktime.make=Apple'],
    ...['-metadata', 'com.apple.quicktime.model=iPhone 15 Pro'],
    ...['-metadata', 'com.apple.quicktime.software=17.4.1'],
    ...['-metadata:s:v', 'creation_time=2024-05-01T10:00:00Z'],
    ...['-metadata:s:v', 'handler_name=Core Media Video'],
    ...['-metadata:s:a', 'handler_name=Core Media Audio'],
    // Writes the com.apple.quicktime.* keys (mdta), but then ignores a rotate tag: patched below.
    ...['-movflags', 'use_metadata_tags'],
  ]);
  return deriveFile('phone-rotated', 'mov', tagged, rotateVideoTrack);
}

/** Frames dropped in bursts (30 fps base, gaps of 8 frames): a variable frame rate. */
export function makeVariableFrameRateClip(): Promise<string> {
  return makeWithFfmpeg('vfr', 'mp4', [
    ...picture(360, 640, 30, 3),
    ...sound(3),
    ...['-vf', String.raw`select='not(between(mod(n\,20)\,5\,12))'`, '-vsync', 'vfr'],
    ...h264,
    ...aac,
  ]);
}

/** An M4A: sound only. */
export function makeAudioOnlyFile(): Promise<string> {
  return makeWithFfmpeg('audio-only', 'm4a', [...sound(2), ...aac]);
}

/** HEVC (x265) in MP4, tagged hvc1 as Apple devices write it. */
export function makeHevcClip(): Promise<string> {
  return makeWithFfmpeg('hevc', 'mp4', [
    ...picture(360, 640, 30, 1),
    ...sound(1),
    ...[
      '-c:v',
      'libx265',
      '-preset',
      'ultrafast',
      '-x265-params',
      'log-level=error',
      '-tag:v',
      'hvc1',
    ],
    ...aac,
  ]);
}

/** VP9 + Opus in WebM, as browsers record. */
export function makeVp9Clip(): Promise<string> {
  return makeWithFfmpeg('vp9', 'webm', [
    ...picture(360, 640, 30, 1),
    ...sound(1),
    ...['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k'],
    ...['-c:a', 'libopus', '-b:a', '64k'],
  ]);
}

/** AV1 (libaom), tiny because the 2018 encoder is slow: 96x160, 10 frames. */
export function makeAv1Clip(): Promise<string> {
  return makeWithFfmpeg('av1', 'mp4', [
    ...picture(96, 160, 10, 1),
    ...[
      '-c:v',
      'libaom-av1',
      '-strict',
      'experimental',
      '-cpu-used',
      '8',
      '-b:v',
      '50k',
      '-g',
      '10',
    ],
  ]);
}

/**
 * 10-bit HEVC with HDR signalling: PQ (HDR10, BT.2020, mastering display and light level SEI),
 * or HLG as iPhones record. The static x265 builds main10, so the picture really is 10-bit.
 */
export function makeHdrClip(options: { transfer?: 'pq' | 'hlg' } = {}): Promise<string> {
  const transfer = options.transfer === 'hlg' ? 'arib-std-b67' : 'smpte2084';
  const params = [
    'log-level=error',
    `colorprim=bt2020:transfer=${transfer}:colormatrix=bt2020nc:range=limited`,
    ...(transfer === 'smpte2084'
      ? [
          'master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1)',
          'max-cll=1000,400',
        ]
      : []),
  ].join(':');
  return makeWithFfmpeg(`hdr-${options.transfer ?? 'pq'}`, 'mp4', [
    ...picture(360, 640, 30, 1),
    ...sound(1),
    ...[
      '-vf',
      'format=yuv420p10le',
      '-c:v',
      'libx265',
      '-preset',
      'ultrafast',
      '-x265-params',
      params,
    ],
    ...[
      '-color_primaries',
      'bt2020',
      '-color_trc',
      transfer,
      '-colorspace',
      'bt2020nc',
      '-tag:v',
      'hvc1',
    ],
    ...aac,
  ]);
}

/** Two video tracks (a 360x640 default one and a 180x320 second one) and sound. */
export function makeTwoVideoTrackClip(): Promise<string> {
  return makeWithFfmpeg('two-video-tracks', 'mp4', [
    ...picture(360, 640, 30, 2),
    ...picture(180, 320, 30, 2),
    ...sound(2),
    ...['-map', '0:v', '-map', '1:v', '-map', '2:a', ...h264, ...aac],
  ]);
}

/** An animated GIF, 10 fps for 2 s, with a palette. */
export function makeAnimatedGif(): Promise<string> {
  return makeWithFfmpeg('animated', 'gif', [
    ...picture(360, 640, 30, 2),
    ...['-vf', 'fps=10,split[a][b];[a]palettegen[p];[b][p]paletteuse', '-loop', '0'],
  ]);
}

/** The subtitles of makeSubtitledClip, as SubRip: two cues, the second with a line break. */
export const SUBTITLE_CUES = [
  { from: '00:00:00,200', to: '00:00:01,400', text: 'Hello from the kitchen' },
  { from: '00:00:01,600', to: '00:00:02,800', text: 'Now the sauce\nslowly' },
];

/** 360x640 with sound and an English mov_text subtitle track (as phone editors export it). */
export async function makeSubtitledClip(): Promise<string> {
  const srt = SUBTITLE_CUES.map((cue, i) => `${i + 1}\n${cue.from} --> ${cue.to}\n${cue.text}\n`);
  const srtPath = await writeCorpusFile('cues', 'srt', Buffer.from(srt.join('\n')));
  return makeWithFfmpeg('subtitled', 'mp4', [
    ...picture(360, 640, 30, 3),
    ...sound(3),
    ...['-i', srtPath],
    ...['-map', '0:v', '-map', '1:a', '-map', '2:s'],
    ...h264,
    ...aac,
    ...['-c:s', 'mov_text', '-metadata:s:s:0', 'language=eng'],
  ]);
}

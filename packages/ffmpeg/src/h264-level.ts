// The H.264 level each rendition is encoded at, and the RFC 6381 codec string the master playlist
// advertises for it (avc1.PPCCLL: profile, constraint flags, level in hex). Pure.

type Level = {
  name: string;
  idc: number;
  maxMacroblocksPerSecond: number;
  maxFrameMacroblocks: number;
  /** High profile allows 1.25 times the Main profile's MaxBR (ITU-T H.264 Table A-1, A.3.3). */
  maxBitrateKbps: number;
};

// ITU-T H.264 Table A-1, from 3.0 up: every phone and browser decodes 3.0.
const LEVELS: Level[] = [
  {
    name: '3.0',
    idc: 30,
    maxMacroblocksPerSecond: 40_500,
    maxFrameMacroblocks: 1_620,
    maxBitrateKbps: 12_500,
  },
  {
    name: '3.1',
    idc: 31,
    maxMacroblocksPerSecond: 108_000,
    maxFrameMacroblocks: 3_600,
    maxBitrateKbps: 17_500,
  },
  {
    name: '3.2',
    idc: 32,
    maxMacroblocksPerSecond: 216_000,
    maxFrameMacroblocks: 5_120,
    maxBitrateKbps: 25_000,
  },
  {
    name: '4.0',
    idc: 40,
    maxMacroblocksPerSecond: 245_760,
    maxFrameMacroblocks: 8_192,
    maxBitrateKbps: 25_000,
  },
  {
    name: '4.1',
    idc: 41,
    maxMacroblocksPerSecond: 245_760,
    maxFrameMacroblocks: 8_192,
    maxBitrateKbps: 62_500,
  },
  {
    name: '4.2',
    idc: 42,
    maxMacroblocksPerSecond: 522_240,
    maxFrameMacroblocks: 8_704,
    maxBitrateKbps: 62_500,
  },
  {
    name: '5.0',
    idc: 50,
    maxMacroblocksPerSecond: 589_824,
    maxFrameMacroblocks: 22_080,
    maxBitrateKbps: 168_750,
  },
  {
    name: '5.1',
    idc: 51,
    maxMacroblocksPerSecond: 983_040,
    maxFrameMacroblocks: 36_864,
    maxBitrateKbps: 300_000,
  },
  {
    name: '5.2',
    idc: 52,
    maxMacroblocksPerSecond: 2_073_600,
    maxFrameMacroblocks: 36_864,
    maxBitrateKbps: 300_000,
  },
];

export type H264Level = { name: string; idc: number };

/** The lowest level that fits the frame size, the macroblock rate and the peak bitrate. */
export function chooseH264Level(
  width: number,
  height: number,
  fps: number,
  maxrateKbps: number,
): H264Level {
  const widthMbs = Math.ceil(width / 16);
  const heightMbs = Math.ceil(height / 16);
  const frameMbs = widthMbs * heightMbs;
  const fits = (level: Level) =>
    frameMbs <= level.maxFrameMacroblocks &&
    frameMbs * fps <= level.maxMacroblocksPerSecond &&
    maxrateKbps <= level.maxBitrateKbps &&
    // A.3.1: neither side may exceed sqrt(8 * MaxFS) macroblocks.
    Math.max(widthMbs, heightMbs) <= Math.sqrt(8 * level.maxFrameMacroblocks);
  const level = LEVELS.find(fits) ?? LEVELS[LEVELS.length - 1];
  return { name: level?.name ?? '5.2', idc: level?.idc ?? 52 };
}

/** RFC 6381 §3.3: High profile (0x64), no constraint flags, the level as two hex digits. */
export function formatAvcCodec(level: H264Level): string {
  return `avc1.6400${level.idc.toString(16).padStart(2, '0')}`;
}

/** AAC-LC (ISO/IEC 14496-3 object type 2). */
export const AAC_LC_CODEC = 'mp4a.40.2';

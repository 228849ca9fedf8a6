// The one constant frame rate every rendition is encoded at. Kept as a fraction (30000/1001) so
// the keyframe interval is an exact number of frames. Pure.
import type { Rational } from './probe.types.js';

/** Broadcast and phone rates; a measured mean within 0.2% of one of them snaps to it. */
const STANDARD_RATES: Rational[] = [
  { num: 24000, den: 1001 },
  { num: 24, den: 1 },
  { num: 25, den: 1 },
  { num: 30000, den: 1001 },
  { num: 30, den: 1 },
  { num: 48, den: 1 },
  { num: 50, den: 1 },
  { num: 60000, den: 1001 },
  { num: 60, den: 1 },
];

export const toFps = (rate: Rational): number => rate.num / rate.den;
export const formatRational = (rate: Rational): string => `${rate.num}/${rate.den}`;

/**
 * At or below the cap the source rate is kept (a 15 fps GIF stays 15 fps). Above it, every n-th
 * frame is kept when that lands near the cap (60 → 30, 50 → 25, 120 → 30), which avoids the judder
 * of dropping frames unevenly; otherwise the cap itself. Unknown rates get the cap.
 */
export function chooseFrameRate(source: Rational | null, maxFps: number): Rational {
  const cap = snapToStandard({ num: Math.round(maxFps * 1000), den: 1000 });
  if (!source || toFps(source) <= 0) return cap;
  const fps = toFps(source);
  if (fps <= maxFps * 1.002) return snapToStandard(source);
  const divisor = Math.ceil(fps / maxFps - 0.002);
  const reduced = snapToStandard({ num: source.num, den: source.den * divisor });
  return toFps(reduced) >= maxFps * 0.8 ? reduced : cap;
}

/**
 * The rate a source was meant to play at. For a variable-rate source (a phone that dropped frames
 * in the dark) the mean is too low: take ffprobe's base rate when it is plausible (between the
 * mean and twice it), else the next standard rate above the mean, and fill the gaps with repeats.
 */
export function chooseSourceRate(
  average: Rational | null,
  base: Rational | null,
  isVariable: boolean,
): Rational | null {
  if (!isVariable || !average) return average ?? base;
  const mean = toFps(average);
  if (base && toFps(base) >= mean && toFps(base) <= mean * 2) return base;
  return STANDARD_RATES.find((rate) => toFps(rate) >= mean) ?? average;
}

/** Nearest standard rate within 0.2%, else the rate rounded to 1/1000 fps and at least 1 fps. */
export function snapToStandard(rate: Rational): Rational {
  const fps = toFps(rate);
  const distance = (candidate: Rational) => Math.abs(toFps(candidate) - fps) / fps;
  const nearest = [...STANDARD_RATES].sort((a, b) => distance(a) - distance(b))[0];
  if (nearest && distance(nearest) < 0.002) return nearest;
  if (fps < 1) return { num: 1, den: 1 };
  return reduce({ num: Math.round(fps * 1000), den: 1000 });
}

function reduce(rate: Rational): Rational {
  const divisor = greatestCommonDivisor(rate.num, rate.den);
  return { num: rate.num / divisor, den: rate.den / divisor };
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

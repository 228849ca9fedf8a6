import { describe, expect, it } from 'vitest';
import { chooseFrameRate, formatRational } from '../src/index.js';

describe('chooseFrameRate', () => {
  const at = (num: number, den = 1, cap = 30) => formatRational(chooseFrameRate({ num, den }, cap));

  it('keeps standard rates at or under the cap exactly', () => {
    expect(at(30)).toBe('30/1');
    expect(at(30000, 1001)).toBe('30000/1001');
    expect(at(25)).toBe('25/1');
    expect(at(24000, 1001)).toBe('24000/1001');
  });

  it('snaps a measured mean close to a standard rate onto it', () => {
    expect(at(2997, 100)).toBe('30000/1001');
    expect(at(59.98 * 1000, 1000, 60)).toBe('60/1');
  });

  it('divides rates above the cap by a whole number when that lands near the cap', () => {
    expect(at(60)).toBe('30/1');
    expect(at(60000, 1001)).toBe('30000/1001');
    expect(at(50)).toBe('25/1');
    expect(at(120)).toBe('30/1');
    expect(at(240)).toBe('30/1');
  });

  it('uses the cap when dividing would fall too far under it', () => {
    expect(at(40)).toBe('30/1');
  });

  it('keeps a slow rate and never goes under 1 fps', () => {
    expect(at(100, 9)).toBe('11111/1000');
    expect(at(1, 5)).toBe('1/1');
  });

  it('uses the cap when the source rate is unknown', () => {
    expect(formatRational(chooseFrameRate(null, 30))).toBe('30/1');
  });
});

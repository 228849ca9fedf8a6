import { describe, expect, it } from 'vitest';
import { formatBytes, percentOf } from './formatBytes';

describe('formatBytes', () => {
  it('shows small files in bytes', () => {
    expect(formatBytes(0, 'en-US')).toBe('0B');
    expect(formatBytes(999, 'en-US')).toBe('999B');
  });

  it('uses decimal units with one decimal below ten', () => {
    expect(formatBytes(1_000, 'en-US')).toBe('1 kB');
    expect(formatBytes(504_121, 'en-US')).toBe('504 kB');
    expect(formatBytes(4_230_000, 'en-US')).toBe('4.2 MB');
    expect(formatBytes(2_147_483_648, 'en-US')).toBe('2.1 GB');
  });
});

describe('percentOf', () => {
  it('rounds down, so 100% means every byte', () => {
    expect(percentOf(0, 100)).toBe(0);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
  });

  it('has nothing to say about an empty total', () => {
    expect(percentOf(10, 0)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { formatCount, formatShare, formatUtc } from './format-figures';

describe('formatShare', () => {
  it.each([
    [0, 0, '—'],
    [5, 0, '—'],
    [0, 10, '0%'],
    [10, 10, '100%'],
    [1, 4, '25%'],
    [1, 8, '12.5%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [1, 10_000, '<0.1%'],
    [1, 2_001, '<0.1%'],
    [1, 1_000, '0.1%'],
    [9_999, 10_000, '>99.9%'],
    [999, 1_000, '99.9%'],
  ])('%d of %d is %s', (count, total, text) => {
    expect(formatShare(count, total)).toBe(text);
  });
});

describe('formatCount and formatUtc', () => {
  it('formats counts with separators and times in UTC', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatUtc(Date.UTC(2026, 0, 10, 8, 0, 1, 500))).toBe('2026-01-10 08:00:01 UTC');
  });
});

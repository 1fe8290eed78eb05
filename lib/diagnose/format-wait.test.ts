import { describe, expect, it } from 'vitest';
import { formatWait } from './format-wait';
import { retryAfterMs } from './retry-after-ms';

describe('formatWait', () => {
  it.each([
    [0, '0 ms'],
    [48.4, '48 ms'],
    [1000, '1 s'],
    [1500, '1.5 s'],
    [12_400, '12 s'],
    [90_000, '1.5 min'],
  ])('%s', (ms, text) => {
    expect(formatWait(ms)).toBe(text);
  });
});

describe('retryAfterMs', () => {
  const end = Date.UTC(2026, 0, 1, 12, 0, 0);
  it.each([
    ['5', 5000],
    [' 1 ', 1000],
    ['0.5', 500],
    ['Thu, 01 Jan 2026 12:00:30 GMT', 30_000],
    ['Thu, 01 Jan 2026 11:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('%s', (value, ms) => {
    expect(retryAfterMs(value, end)).toBe(ms);
  });
});

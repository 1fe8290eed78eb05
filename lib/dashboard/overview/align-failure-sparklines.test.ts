import { describe, expect, it } from 'vitest';
import { alignFailureSparklines, bucketStartMinutes } from './align-failure-sparklines';

const minute = 60_000;
// 2026-01-10 08:00 UTC, a multiple of 5 minutes.
const base = Date.UTC(2026, 0, 10, 8, 0);
const m0 = base / minute;

describe('bucketStartMinutes', () => {
  it('aligns buckets to multiples of the step, covering a range that starts and ends mid-bucket', () => {
    expect(bucketStartMinutes({ fromMs: base + 2 * minute + 30_000, toMs: base + 11 * minute, stepSeconds: 300 })).toEqual([m0, m0 + 5, m0 + 10]);
    expect(bucketStartMinutes({ fromMs: base, toMs: base + 10 * minute, stepSeconds: 300 })).toEqual([m0, m0 + 5]);
    expect(bucketStartMinutes({ fromMs: base, toMs: base + 3 * minute, stepSeconds: 60 })).toEqual([m0, m0 + 1, m0 + 2]);
  });
});

describe('alignFailureSparklines', () => {
  const range = { fromMs: base, toMs: base + 4 * minute, stepSeconds: 60 };

  it('gives one aligned series per id: failures where there were calls, null where there were none', () => {
    const series = alignFailureSparklines(
      [
        { id: 'a', bucketMinute: m0, total: 5, failures: 2 },
        { id: 'a', bucketMinute: m0 + 2, total: 3, failures: 0 },
        { id: 'b', bucketMinute: m0 + 3, total: 1, failures: 1 },
      ],
      ['a', 'b'],
      range,
    );
    expect(series.get('a')).toEqual([2, null, 0, null]);
    expect(series.get('b')).toEqual([null, null, null, 1]);
  });

  it('gives an all-gap series to an id without rows, and ignores ids and buckets it was not asked for', () => {
    const series = alignFailureSparklines(
      [
        { id: 'other', bucketMinute: m0, total: 5, failures: 5 },
        { id: 'a', bucketMinute: m0 - 1, total: 5, failures: 5 },
        { id: 'a', bucketMinute: m0 + 4, total: 5, failures: 5 },
        { id: 'a', bucketMinute: m0 + 1, total: 0, failures: 0 },
      ],
      ['a', 'quiet'],
      range,
    );
    expect([...series.keys()]).toEqual(['a', 'quiet']);
    expect(series.get('a')).toEqual([null, null, null, null]);
    expect(series.get('quiet')).toEqual([null, null, null, null]);
  });

  it('works with the "" fingerprint of calls without a key and with wider steps', () => {
    const series = alignFailureSparklines(
      [{ id: '', bucketMinute: m0 + 5, total: 4, failures: 3 }],
      [''],
      { fromMs: base, toMs: base + 15 * minute, stepSeconds: 300 },
    );
    expect(series.get('')).toEqual([null, 3, null]);
  });

  it('gives empty series for an empty range', () => {
    expect(alignFailureSparklines([], ['a'], { fromMs: base, toMs: base, stepSeconds: 60 }).get('a')).toEqual([]);
  });
});

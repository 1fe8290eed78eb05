import { describe, expect, it } from 'vitest';
import { formatLatencyRange, formatMs, summarizeLatency } from './summarize-latency';

describe('summarizeLatency', () => {
  it('gives p50/p95 buckets, the mean from the summed durations, the slowest call and the distribution', () => {
    const s = summarizeLatency({ buckets: [2, 1, 0, 0, 0, 0, 0, 1], count: 4, durationSumMs: 6_200, durationMaxMs: 6_000 });
    expect(s.calls).toBe(4);
    expect(s.p50).toEqual({ gtMs: 0, leMs: 50 });
    expect(s.p95).toEqual({ gtMs: 5000, leMs: null });
    expect(s.meanMs).toBe(1_550);
    expect(s.maxMs).toBe(6_000);
    expect(s.buckets.map((b) => [b.range.gtMs, b.range.leMs, b.count, b.share])).toEqual([
      [0, 50, 2, 0.5],
      [50, 100, 1, 0.25],
      [100, 250, 0, 0],
      [250, 500, 0, 0],
      [500, 1000, 0, 0],
      [1000, 2500, 0, 0],
      [2500, 5000, 0, 0],
      [5000, null, 1, 0.25],
    ]);
  });

  it('has no percentiles, mean or maximum without calls', () => {
    const s = summarizeLatency({ buckets: Array(8).fill(0), count: 0, durationSumMs: 0, durationMaxMs: 0 });
    expect([s.calls, s.p50, s.p95, s.meanMs, s.maxMs]).toEqual([0, null, null, null, null]);
    expect(s.buckets.every((b) => b.share === 0)).toBe(true);
  });
});

describe('latency formatting', () => {
  it.each([
    [{ gtMs: 100, leMs: 250 }, '≤ 250 ms'],
    [{ gtMs: 0, leMs: 50 }, '≤ 50 ms'],
    [{ gtMs: 500, leMs: 1000 }, '≤ 1 s'],
    [{ gtMs: 1000, leMs: 2500 }, '≤ 2.5 s'],
    [{ gtMs: 5000, leMs: null }, '> 5 s'],
    [null, '—'],
  ])('formats the bucket %j as %s', (range, text) => {
    expect(formatLatencyRange(range)).toBe(text);
  });

  it.each([
    [0, '0 ms'],
    [42.4, '42 ms'],
    [999.4, '999 ms'],
    [999.6, '1 s'],
    [1_549, '1.5 s'],
    [12_345, '12 s'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

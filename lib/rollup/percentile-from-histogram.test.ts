import { describe, expect, it } from 'vitest';
import { percentileFromHistogram } from './percentile-from-histogram';

// Buckets: ≤50, ≤100, ≤250, ≤500, ≤1000, ≤2500, ≤5000, >5000 ms.
const hist = (...counts: number[]) => [...counts, ...Array(8 - counts.length).fill(0)];

describe('percentileFromHistogram', () => {
  it('is null without calls', () => {
    expect(percentileFromHistogram(hist(), 0.5)).toBeNull();
  });

  it('names the bucket holding the nearest-rank percentile', () => {
    // 10 calls: 4 ≤50, 4 ≤100, 1 ≤250, 1 ≤500. p50 = 5th call, p95 = 10th, p90 = 9th.
    const h = hist(4, 4, 1, 1);
    expect(percentileFromHistogram(h, 0.5)).toEqual({ gtMs: 50, leMs: 100 });
    expect(percentileFromHistogram(h, 0.4)).toEqual({ gtMs: 0, leMs: 50 });
    expect(percentileFromHistogram(h, 0.9)).toEqual({ gtMs: 100, leMs: 250 });
    expect(percentileFromHistogram(h, 0.95)).toEqual({ gtMs: 250, leMs: 500 });
    expect(percentileFromHistogram(h, 1)).toEqual({ gtMs: 250, leMs: 500 });
  });

  it('skips empty buckets and reaches the open bucket over 5 s', () => {
    const h = [0, 0, 0, 0, 0, 0, 1, 19];
    expect(percentileFromHistogram(h, 0.05)).toEqual({ gtMs: 2500, leMs: 5000 });
    expect(percentileFromHistogram(h, 0.5)).toEqual({ gtMs: 5000, leMs: null });
  });

  it('puts a single call in its bucket for every percentile', () => {
    const h = hist(0, 0, 0, 1);
    expect(percentileFromHistogram(h, 0.01)).toEqual({ gtMs: 250, leMs: 500 });
    expect(percentileFromHistogram(h, 0.99)).toEqual({ gtMs: 250, leMs: 500 });
  });

  it('refuses percentiles outside (0, 1] and histograms of the wrong shape', () => {
    expect(() => percentileFromHistogram(hist(1), 0)).toThrow(RangeError);
    expect(() => percentileFromHistogram(hist(1), 1.5)).toThrow(RangeError);
    expect(() => percentileFromHistogram(hist(1), Number.NaN)).toThrow(RangeError);
    expect(() => percentileFromHistogram([1, 2, 3], 0.5)).toThrow(/expected 8 buckets/);
  });
});

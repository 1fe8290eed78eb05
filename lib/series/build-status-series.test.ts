import { describe, expect, it } from 'vitest';
import type { StatusBucketCount } from '@/lib/db/queries/get-status-counts-by-bucket';
import { buildStatusSeries, matchesSelector } from './build-status-series';

const t0 = Date.UTC(2026, 10, 25, 12, 0);
const minute = (i: number) => t0 / 60_000 + i;
const row = (i: number, statusCode: number, count: number): StatusBucketCount => ({
  bucketMinute: minute(i),
  statusCode,
  statusClass: statusCode === 0 ? 'network' : `${Math.floor(statusCode / 100)}xx`,
  count,
});

describe('buildStatusSeries', () => {
  it('fills every bucket of the range and computes the share of all calls', () => {
    const rows = [row(0, 200, 3), row(0, 401, 1), row(2, 429, 2), row(2, 200, 2), row(4, 401, 4)];
    const [s401, s429] = buildStatusSeries(rows, ['401', '429'], t0, t0 + 5 * 60_000, 60);
    expect(s401!.points.map((p) => p.t)).toEqual([0, 1, 2, 3, 4].map((i) => new Date(t0 + i * 60_000).toISOString()));
    expect(s401!.points.map((p) => [p.count, p.rate])).toEqual([
      [1, 0.25],
      [0, null],
      [0, 0],
      [0, null],
      [4, 1],
    ]);
    expect(s429!.points.map((p) => p.rate)).toEqual([0, null, 0.5, null, 0]);
  });

  it('keeps a bucket without calls a gap (null), but a bucket with calls and none of the code a zero', () => {
    const [s] = buildStatusSeries([row(0, 200, 5)], ['401'], t0, t0 + 2 * 60_000, 60);
    expect(s!.points.map((p) => p.rate)).toEqual([0, null]);
  });

  it('aligns wider steps to multiples of the step (rows arrive bucketed by the query)', () => {
    const rows = [row(0, 401, 3), row(5, 401, 4), row(5, 200, 4)];
    const [s] = buildStatusSeries(rows, ['401'], t0 + 60_000, t0 + 10 * 60_000, 300);
    expect(s!.points.map((p) => [p.t, p.count])).toEqual([
      [new Date(t0).toISOString(), 3],
      [new Date(t0 + 5 * 60_000).toISOString(), 4],
    ]);
    expect(s!.points[1]!.rate).toBe(0.5);
  });

  it('matches classes and calls that got no response', () => {
    const rows = [row(0, 401, 1), row(0, 429, 2), row(0, 503, 1), row(0, 0, 1)];
    const series = buildStatusSeries(rows, ['4xx', '5xx', 'network'], t0, t0 + 60_000, 60);
    expect(series.map((s) => [s.code, s.points[0]!.count])).toEqual([
      ['4xx', 3],
      ['5xx', 1],
      ['network', 1],
    ]);
  });

  it('returns an empty series for a range with no data', () => {
    const [s] = buildStatusSeries([], ['401'], t0, t0 + 3 * 60_000, 60);
    expect(s!.points).toHaveLength(3);
    expect(s!.points.every((p) => p.count === 0 && p.rate === null)).toBe(true);
  });
});

describe('matchesSelector', () => {
  it.each([
    ['401', 401, '4xx', true],
    ['401', 403, '4xx', false],
    ['4xx', 429, '4xx', true],
    ['5xx', 429, '4xx', false],
    ['network', 0, 'network', true],
  ])('%s vs %i (%s) → %s', (selector, code, cls, expected) => {
    expect(matchesSelector(selector, code, cls)).toBe(expected);
  });
});

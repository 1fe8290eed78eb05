import { describe, expect, it } from 'vitest';
import type { AlertMetricRow } from '@/lib/db/queries/measure-alert-metric';
import type { Observation } from './alert-state';
import { alertWindowMinutes, observationOf, observationWithoutCalls } from './measure-alert-instances';

// Buckets: ≤50, ≤100, ≤250, ≤500, ≤1000, ≤2500, ≤5000, >5000 ms.
const row = (total: number, matching: number, buckets: number[] = [total], durationMaxMs = 0): AlertMetricRow => ({
  instanceKey: 'fp_x',
  total,
  matching,
  latencyBuckets: [...buckets, ...Array(8 - buckets.length).fill(0)],
  durationMaxMs,
});

const cases: [string, 'rate' | 'count' | 'p95_latency', AlertMetricRow, Observation][] = [
  ['rate: matching over total', 'rate', row(40, 10), { value: 0.25, requests: 40 }],
  ['rate: none matching is 0, not null', 'rate', row(40, 0), { value: 0, requests: 40 }],
  ['rate: all matching is 1', 'rate', row(3, 3), { value: 1, requests: 3 }],
  ['rate: no calls is null', 'rate', row(0, 0, []), { value: null, requests: 0 }],
  ['count: the matching calls', 'count', row(40, 7), { value: 7, requests: 40 }],
  ['count: no calls is a count of 0', 'count', row(0, 0, []), { value: 0, requests: 0 }],
  // 20 calls: rank 19 falls in ≤100 when 18 are ≤50 and 2 ≤100.
  ['p95: the bucket bound of the 95th percentile', 'p95_latency', row(20, 0, [18, 2], 90), { value: 100, requests: 20 }],
  ['p95: one slow call in 20 stays out of p95', 'p95_latency', row(20, 0, [19, 0, 0, 0, 0, 0, 1], 4000), { value: 50, requests: 20 }],
  ['p95: two slow calls in 20 are the p95', 'p95_latency', row(20, 0, [18, 0, 0, 0, 0, 0, 2], 4000), { value: 5000, requests: 20 }],
  ['p95: the open bucket reports the slowest call', 'p95_latency', row(10, 0, [0, 0, 0, 0, 0, 0, 0, 10], 12_345), { value: 12_345, requests: 10 }],
  ['p95: no calls is null', 'p95_latency', row(0, 0, []), { value: null, requests: 0 }],
];

describe('observationOf', () => {
  it.each(cases)('%s', (_name, metric, r, expected) => {
    expect(observationOf({ metric }, r)).toEqual(expected);
  });

  it('gives a quiet instance the no-calls observation of its metric', () => {
    expect(observationWithoutCalls({ metric: 'rate' })).toEqual({ value: null, requests: 0 });
    expect(observationWithoutCalls({ metric: 'count' })).toEqual({ value: 0, requests: 0 });
    expect(observationWithoutCalls({ metric: 'p95_latency' })).toEqual({ value: null, requests: 0 });
  });
});

describe('alertWindowMinutes', () => {
  const minute = 29_460_000; // an epoch minute
  it.each([
    ['at a minute boundary: the last whole minutes', 300, minute * 60_000, { fromMinute: minute - 5, toMinute: minute }],
    ['inside a minute: the running minute is left out', 300, minute * 60_000 + 59_999, { fromMinute: minute - 5, toMinute: minute }],
    ['a window of part minutes rounds up', 90, minute * 60_000 + 1, { fromMinute: minute - 2, toMinute: minute }],
    ['one minute', 60, minute * 60_000, { fromMinute: minute - 1, toMinute: minute }],
  ] as const)('%s', (_name, windowSeconds, nowMs, expected) => {
    expect(alertWindowMinutes(windowSeconds, nowMs)).toEqual(expected);
  });
});

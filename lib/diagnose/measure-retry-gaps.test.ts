import { describe, expect, it } from 'vitest';
import type { SampledCall } from './diagnosis-evidence';
import { measureRetryGaps } from './measure-retry-gaps';

let nextId = 1;
function call(startMs: number, statusCode: number, resendCount: number | null = null, retryAfter: string | null = null): SampledCall {
  return {
    id: nextId++,
    traceId: `t${nextId}`,
    startMs,
    durationMs: 10,
    service: 's',
    environment: '',
    endpointId: 'e',
    statusCode,
    key: 'k',
    authScheme: 'bearer',
    accept: null,
    retryAfter,
    resendCount,
    errorKey: null,
    errorBody: null,
  };
}

describe('measureRetryGaps', () => {
  it('measures from the end of the failure to the start of the resend, with what Retry-After asked', () => {
    const { gaps, byResendCount } = measureRetryGaps([call(0, 429, null, '2'), call(60, 429, 1, '2'), call(3070, 200, 2)], 429);
    expect(byResendCount).toBe(true);
    expect(gaps.map((g) => [g.gapMs, g.askedMs, g.previousGapMs])).toEqual([
      [50, 2000, null],
      [3000, 2000, 50],
    ]);
  });

  it('pairs resend #n with an attempt #n-1 when parallel workers interleave', () => {
    // Worker A's first 429 ends at 10; worker B's resend 1 ends at 1015; A's resend 1 starts at 1020.
    const calls = [call(0, 429, null, '1'), call(5, 429, null, '1'), call(1005, 429, 1, '1'), call(1020, 200, 1)];
    const { gaps } = measureRetryGaps(calls, 429);
    expect(gaps.map((g) => g.gapMs)).toEqual([990, 1005]);
  });

  it('without resend counts, takes the next call after each failure, each call once', () => {
    const calls = [call(0, 429, null, '1'), call(1, 429, null, '1'), call(20, 200), call(21, 200), call(22, 200)];
    const { gaps, byResendCount } = measureRetryGaps(calls, 429);
    expect(byResendCount).toBe(false);
    expect(gaps.map((g) => [g.call.startMs, g.gapMs])).toEqual([
      [20, 10],
      [21, 10],
    ]);
  });

  it('finds nothing to measure without failures', () => {
    expect(measureRetryGaps([call(0, 200), call(5, 200, 1)], 429).gaps).toEqual([]);
  });
});

// How long a client waited after a failed call before trying again, on one endpoint with one key.
// With resend counts (http.request.resend_count) a retry is a call marked as a resend, and its
// failure the last one that had ended by then; without them, the next call after each failure.
import type { SampledCall } from './diagnosis-evidence';
import { retryAfterMs } from './retry-after-ms';

export interface RetryGap {
  call: SampledCall;
  /** The failed call it retries. */
  previous: SampledCall;
  /** From the end of the failed call to the start of the retry. */
  gapMs: number;
  /** What the failed call's Retry-After asked for, if anything. */
  askedMs: number | null;
  /** The gap before the failed call, when it was a retry itself: delays should grow. */
  previousGapMs: number | null;
}

export interface RetryGaps {
  gaps: RetryGap[];
  /** Whether retries were recognised by resend counts (reliable) or by order alone. */
  byResendCount: boolean;
}

const endOf = (c: SampledCall) => c.startMs + c.durationMs;

/** The call that ended last at or before `ms`, in calls sorted by end. */
function lastEndedBy(sortedByEnd: readonly SampledCall[], ms: number): SampledCall | undefined {
  let lo = 0;
  let hi = sortedByEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (endOf(sortedByEnd[mid] as SampledCall) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return sortedByEnd[lo - 1];
}

export function measureRetryGaps(calls: readonly SampledCall[], failedStatus: number): RetryGaps {
  const byStart = [...calls].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
  const failures = byStart.filter((c) => c.statusCode === failedStatus).sort((a, b) => endOf(a) - endOf(b) || a.id - b.id);
  const byResendCount = calls.some((c) => (c.resendCount ?? 0) > 0);
  const gapById = new Map<number, number>();
  const gaps: RetryGap[] = [];
  const add = (call: SampledCall, previous: SampledCall) => {
    const gapMs = Math.max(0, call.startMs - endOf(previous));
    gaps.push({ call, previous, gapMs, askedMs: retryAfterMs(previous.retryAfter, endOf(previous)), previousGapMs: gapById.get(previous.id) ?? null });
    gapById.set(call.id, gapMs);
  };
  if (byResendCount) {
    // Resend #n retries attempt #n-1: with parallel workers, the latest 429 of any attempt may be another worker's.
    const byLevel = new Map<number, SampledCall[]>();
    for (const f of failures) {
      const level = byLevel.get(f.resendCount ?? 0);
      if (level) level.push(f);
      else byLevel.set(f.resendCount ?? 0, [f]);
    }
    for (const call of byStart) {
      const resend = call.resendCount ?? 0;
      if (resend === 0) continue;
      const previous = lastEndedBy(byLevel.get(resend - 1) ?? [], call.startMs) ?? lastEndedBy(failures, call.startMs);
      if (previous) add(call, previous);
    }
    return { gaps, byResendCount };
  }
  // Each call answers at most one failure, so parallel failures are not all paired with one call.
  let next = 0;
  for (const failure of failures) {
    while (next < byStart.length && (byStart[next] as SampledCall).startMs < endOf(failure)) next += 1;
    const call = byStart[next];
    if (!call) break;
    add(call, failure);
    next += 1;
  }
  return { gaps, byResendCount };
}

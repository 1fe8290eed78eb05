// A percentile read from the bucketed latency histogram. The rollups keep only bucket counts,
// so the answer is the bucket the percentile falls in ("≤ 250 ms"), never a made-up number.
import { latencyBucketBoundsMs } from '@/lib/db/latency-buckets';

export interface LatencyBucketRange {
  /** Exclusive lower bound in ms (0 for the first bucket). */
  gtMs: number;
  /** Inclusive upper bound in ms; null for the open bucket over the last bound. */
  leMs: number | null;
}

/** The bucket holding percentile `p` (0 < p ≤ 1) of `buckets`; null when there are no calls. */
export function percentileFromHistogram(buckets: readonly number[], p: number): LatencyBucketRange | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  if (buckets.length !== latencyBucketBoundsMs.length + 1) {
    throw new RangeError(`expected ${latencyBucketBoundsMs.length + 1} buckets, got ${buckets.length}`);
  }
  const total = buckets.reduce((sum, n) => sum + n, 0);
  if (total <= 0) return null;
  // The nearest-rank definition: the smallest value with at least p of the calls at or below it.
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i] ?? 0;
    if (seen >= rank) return { gtMs: i === 0 ? 0 : (latencyBucketBoundsMs[i - 1] ?? 0), leMs: latencyBucketBoundsMs[i] ?? null };
  }
  return { gtMs: latencyBucketBoundsMs[latencyBucketBoundsMs.length - 1] ?? 0, leMs: null };
}

// The latency figures of the endpoint page and API: p50/p95 as histogram buckets, the mean
// from the summed durations, the slowest call, and the distribution for a small bar table.
import { latencyBucketBoundsMs } from '@/lib/db/latency-buckets';
import type { LatencyHistogram } from '@/lib/db/queries/get-latency-histogram';
import { type LatencyBucketRange, percentileFromHistogram } from '@/lib/rollup/percentile-from-histogram';

export interface LatencySummary {
  calls: number;
  p50: LatencyBucketRange | null;
  p95: LatencyBucketRange | null;
  /** null when there were no calls. */
  meanMs: number | null;
  maxMs: number | null;
  buckets: { range: LatencyBucketRange; count: number; share: number }[];
}

export function summarizeLatency(h: LatencyHistogram): LatencySummary {
  const calls = h.buckets.reduce((sum, n) => sum + n, 0);
  return {
    calls,
    p50: percentileFromHistogram(h.buckets, 0.5),
    p95: percentileFromHistogram(h.buckets, 0.95),
    meanMs: h.count > 0 ? h.durationSumMs / h.count : null,
    maxMs: h.count > 0 ? h.durationMaxMs : null,
    buckets: h.buckets.map((count, i) => ({
      range: { gtMs: i === 0 ? 0 : (latencyBucketBoundsMs[i - 1] ?? 0), leMs: latencyBucketBoundsMs[i] ?? null },
      count,
      share: calls > 0 ? count / calls : 0,
    })),
  };
}

/** "1.5 s" from 1500, "250 ms" from 250. */
export function formatMs(ms: number): string {
  const rounded = Math.round(ms);
  if (rounded >= 1000) return `${Number((ms / 1000).toFixed(ms >= 10_000 ? 0 : 1))} s`;
  return `${rounded} ms`;
}

/** "≤ 250 ms", "> 5 s", or "—" without calls: a bucket read as what it is. */
export function formatLatencyRange(range: LatencyBucketRange | null): string {
  if (range === null) return '—';
  return range.leMs === null ? `> ${formatMs(range.gtMs)}` : `≤ ${formatMs(range.leMs)}`;
}

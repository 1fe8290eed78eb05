// The latency histogram of a range summed from the rollups, with the total and slowest
// duration, for percentiles that are honest about their buckets.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export interface LatencyHistogram {
  /** Calls per bucket, in the order of latencyBucketColumns (the last one is over 5000 ms). */
  buckets: number[];
  count: number;
  durationSumMs: number;
  /** 0 when there were no calls. */
  durationMaxMs: number;
}

export async function getLatencyHistogram(db: Database, filter: RollupFilter): Promise<LatencyHistogram> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT SUM(lat_le_50) AS b0, SUM(lat_le_100) AS b1, SUM(lat_le_250) AS b2, SUM(lat_le_500) AS b3,
           SUM(lat_le_1000) AS b4, SUM(lat_le_2500) AS b5, SUM(lat_le_5000) AS b6, SUM(lat_over_5000) AS b7,
           SUM(count) AS n, SUM(duration_sum_ms) AS duration_sum, MAX(duration_max_ms) AS duration_max
    FROM ${requestRollupSource(filter, undefined, { durations: true })} rm`;
  const r = rows[0] ?? {};
  return {
    buckets: [r.b0, r.b1, r.b2, r.b3, r.b4, r.b5, r.b6, r.b7].map(toNumber),
    count: toNumber(r.n),
    durationSumMs: toNumber(r.duration_sum),
    durationMaxMs: toNumber(r.duration_max),
  };
}

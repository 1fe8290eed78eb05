// Calls per time bucket and status, the raw material of every status time series.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export interface StatusBucketCount {
  /** Epoch minute at which the bucket starts (a multiple of stepMinutes). */
  bucketMinute: number;
  statusCode: number;
  statusClass: string;
  count: number;
}

export async function getStatusCountsByBucket(
  db: Database,
  filter: RollupFilter,
  stepMinutes: number,
): Promise<StatusBucketCount[]> {
  // Positional GROUP BY: PostgreSQL cannot tell that two bound copies of the step are equal.
  const rows = await db.prisma.$queryRaw<{ bucket: unknown; status_code: unknown; status_class: string; n: unknown }[]>`
    SELECT minute - (minute % ${stepMinutes}) AS bucket, status_code, status_class, SUM(count) AS n
    FROM ${requestRollupSource(filter, stepMinutes, {})} rm
    GROUP BY 1, 2, 3 ORDER BY 1`;
  return rows.map((r) => ({
    bucketMinute: toNumber(r.bucket),
    statusCode: toNumber(r.status_code),
    statusClass: r.status_class,
    count: toNumber(r.n),
  }));
}

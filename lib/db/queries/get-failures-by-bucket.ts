// Failed calls per time bucket for a few endpoints or keys at once: the sparklines of the
// failing-endpoints and failing-keys tables, in one query instead of one per row.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';
import { failureCondition } from './list-endpoint-stats';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export type BucketDimension = 'endpoint' | 'key';

export interface DimensionBucketCount {
  /** Endpoint id or key fingerprint. */
  id: string;
  bucketMinute: number;
  total: number;
  failures: number;
}

const columns: Readonly<Record<BucketDimension, Prisma.Sql>> = {
  endpoint: Prisma.raw('endpoint_id'),
  key: Prisma.raw('api_key_fingerprint'),
};

export async function getFailuresByBucket(
  db: Database,
  filter: RollupFilter,
  dimension: BucketDimension,
  ids: readonly string[],
  stepMinutes: number,
): Promise<DimensionBucketCount[]> {
  if (ids.length === 0) return [];
  const column = columns[dimension];
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT ${column} AS id, minute - (minute % ${stepMinutes}) AS bucket,
           SUM(count) AS total, SUM(CASE WHEN ${failureCondition} THEN count ELSE 0 END) AS failures
    FROM ${requestRollupSource(filter, stepMinutes, { [dimension]: true })} rm
    WHERE ${column} IN (${Prisma.join(ids as string[])})
    GROUP BY 1, 2 ORDER BY 2`;
  return rows.map((r) => ({
    id: String(r.id),
    bucketMinute: toNumber(r.bucket),
    total: toNumber(r.total),
    failures: toNumber(r.failures),
  }));
}

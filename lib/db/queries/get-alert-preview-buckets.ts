// The raw material of the /alerts form's preview: calls per time bucket, instance (key or
// endpoint when the rule fans out) and status, with the latency histogram, from the rollups.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export interface AlertPreviewBucketRow {
  /** Epoch minute at which the bucket starts (a multiple of stepMinutes). */
  bucketMinute: number;
  /** The key fingerprint or endpoint id; '' when the rule does not fan out. */
  instanceKey: string;
  statusCode: number;
  statusClass: string;
  count: number;
  /** Calls per latency bucket, in the order of latencyBucketColumns. */
  latencyBuckets: number[];
  durationMaxMs: number;
}

const instanceColumns = { key: 'api_key_fingerprint', endpoint: 'endpoint_id' } as const;

export async function getAlertPreviewBuckets(
  db: Database,
  filter: RollupFilter,
  options: { stepMinutes: number; each?: 'key' | 'endpoint' },
): Promise<AlertPreviewBucketRow[]> {
  const column = options.each ? Prisma.raw(instanceColumns[options.each]) : null;
  // Positional GROUP BY: PostgreSQL cannot tell that two bound copies of the step are equal.
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT minute - (minute % ${options.stepMinutes}) AS bucket, ${column ?? Prisma.sql`''`} AS instance_key, status_code, status_class,
           SUM(count) AS n, SUM(lat_le_50) AS b0, SUM(lat_le_100) AS b1, SUM(lat_le_250) AS b2, SUM(lat_le_500) AS b3,
           SUM(lat_le_1000) AS b4, SUM(lat_le_2500) AS b5, SUM(lat_le_5000) AS b6, SUM(lat_over_5000) AS b7,
           MAX(duration_max_ms) AS duration_max
    FROM ${requestRollupSource(filter, options.stepMinutes, { durations: true, ...(options.each ? { [options.each]: true } : {}) })} rm
    GROUP BY ${column ? Prisma.sql`1, 2, 3, 4` : Prisma.sql`1, 3, 4`} ORDER BY 1`;
  return rows.map((r) => ({
    bucketMinute: toNumber(r.bucket),
    instanceKey: String(r.instance_key ?? ''),
    statusCode: toNumber(r.status_code),
    statusClass: String(r.status_class),
    count: toNumber(r.n),
    latencyBuckets: [r.b0, r.b1, r.b2, r.b3, r.b4, r.b5, r.b6, r.b7].map(toNumber),
    durationMaxMs: toNumber(r.duration_max),
  }));
}

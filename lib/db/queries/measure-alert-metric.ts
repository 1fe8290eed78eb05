// What an alert rule measures over its window, from the rollups: per instance (one per key or
// endpoint, or one for the whole scope) the calls, the calls with the rule's codes, and the
// latency histogram.
import { Prisma } from '../generated/sqlite/client';
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export interface AlertMetricRow {
  /** The key fingerprint ('' = calls without a key) or endpoint id; '' for the whole scope. */
  instanceKey: string;
  total: number;
  /** Calls whose status is one of the codes or in one of the classes. */
  matching: number;
  /** Calls per latency bucket, in the order of latencyBucketColumns (the last is over 5000 ms). */
  latencyBuckets: number[];
  /** The slowest call; 0 without calls. */
  durationMaxMs: number;
}

export interface AlertMetricOptions {
  /** Status codes (429) and classes ('4xx', 'network'); none matches nothing. */
  codes: readonly (number | string)[];
  /** Fan out per key or per endpoint; one row for the whole scope when absent. */
  each?: 'key' | 'endpoint';
}

const instanceColumns = { key: 'api_key_fingerprint', endpoint: 'endpoint_id' } as const;

function codeMatchSql(codes: readonly (number | string)[]): Prisma.Sql {
  const numbers = codes.filter((c): c is number => typeof c === 'number');
  const classes = codes.filter((c): c is string => typeof c === 'string');
  const parts: Prisma.Sql[] = [];
  if (numbers.length) parts.push(Prisma.sql`status_code IN (${Prisma.join(numbers)})`);
  if (classes.length) parts.push(Prisma.sql`status_class IN (${Prisma.join(classes)})`);
  return parts.length ? Prisma.join(parts, ' OR ') : Prisma.sql`1 = 0`;
}

/**
 * One row per instance with calls in [fromMinute, toMinute); without `each`, exactly one row
 * (zeros when the window is empty), so the whole-scope instance always gets an observation.
 */
export async function measureAlertMetric(db: Database, filter: RollupFilter, options: AlertMetricOptions): Promise<AlertMetricRow[]> {
  const column = options.each ? Prisma.raw(instanceColumns[options.each]) : null;
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT ${column ?? Prisma.sql`''`} AS instance_key,
           SUM(count) AS total, SUM(CASE WHEN ${codeMatchSql(options.codes)} THEN count ELSE 0 END) AS matching,
           SUM(lat_le_50) AS b0, SUM(lat_le_100) AS b1, SUM(lat_le_250) AS b2, SUM(lat_le_500) AS b3,
           SUM(lat_le_1000) AS b4, SUM(lat_le_2500) AS b5, SUM(lat_le_5000) AS b6, SUM(lat_over_5000) AS b7,
           MAX(duration_max_ms) AS duration_max
    FROM ${requestRollupSource(filter, undefined, { durations: true, ...(options.each ? { [options.each]: true } : {}) })} rm
    ${column ? Prisma.sql`GROUP BY ${column} ORDER BY ${column}` : Prisma.empty}`;
  return rows.map((r) => ({
    instanceKey: String(r.instance_key ?? ''),
    total: toNumber(r.total),
    matching: toNumber(r.matching),
    latencyBuckets: [r.b0, r.b1, r.b2, r.b3, r.b4, r.b5, r.b6, r.b7].map(toNumber),
    durationMaxMs: toNumber(r.duration_max),
  }));
}

// The rows of the top-endpoints and top-keys tables with each row's failures per chart bucket.
// When the chart's step lets the sparklines read exactly the rollup rows the ranking reads
// (a step of whole hours: both read the hourly grain), one pass sums the rows once per id and
// bucket (a few thousand rows) and both the ranking and the sparklines come from that: at 7
// days of 10M calls that is ~110k rows read once instead of twice. Otherwise the sparklines
// need finer rows than the ranking (a day's 10-minute buckets: ~56k rows against ~20k hourly
// ones), and ranking first, then reading buckets for the top ids only, is cheaper.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';
import { type DimensionBucketCount, getFailuresByBucket } from './get-failures-by-bucket';
import { type EndpointStats, endpointStatsFromRow, failureCondition, type ListStatsOptions, listEndpointStats, orderSql } from './list-endpoint-stats';
import { type KeyStats, keyStatsFromRow, listKeyStats } from './list-key-stats';
import type { RollupFilter } from './rollup-filter';
import { type RollupNeeds, requestRollupSource, sameRollupRows } from './rollup-source';

export interface StatsWithFailures<T> {
  /** Exactly what listEndpointStats / listKeyStats answer for the same filter and options. */
  stats: T[];
  /** Calls and failures per chart bucket of those rows, as getFailuresByBucket answers. */
  buckets: DimensionBucketCount[];
}

export interface Dimension {
  /** The rollup column that identifies a row of the table. */
  column: Prisma.Sql;
  /** The id's name in the row that endpointStatsFromRow / keyStatsFromRow read. */
  idName: Prisma.Sql;
  /** Descriptive columns and their join, after ranking. */
  select: Prisma.Sql;
  join: Prisma.Sql;
  /** Ids that may be ranked at all (the endpoints query ranks only endpoints it can name). */
  rankable: Prisma.Sql;
  /** Whether the stats carry the duration sum (the endpoints' mean duration). */
  duration: boolean;
  /** What the rollup rows must hold (rollup-source.ts picks the narrowest table that does). */
  needs: RollupNeeds;
}

export const endpointDimension: Dimension = {
  column: Prisma.raw('endpoint_id'),
  idName: Prisma.raw('endpoint_id'),
  select: Prisma.raw('e.method, e.host, e.route, e.last_seen_ms'),
  join: Prisma.raw('JOIN endpoints e ON e.id = s.id'),
  rankable: Prisma.raw('WHERE id IN (SELECT id FROM endpoints)'),
  duration: true,
  needs: { endpoint: true, durations: true },
};

// LEFT JOIN: calls without a key ('' fingerprint) have no api_keys row but still count.
export const keyDimension: Dimension = {
  column: Prisma.raw('api_key_fingerprint'),
  idName: Prisma.raw('fingerprint'),
  select: Prisma.raw('k.label, k.environment, k.first_seen_ms, k.last_seen_ms'),
  join: Prisma.raw('LEFT JOIN api_keys k ON k.fingerprint = s.id'),
  rankable: Prisma.empty,
  duration: false,
  needs: { key: true },
};

export async function listEndpointStatsWithFailures(
  db: Database,
  filter: RollupFilter,
  options: ListStatsOptions,
  stepMinutes: number,
): Promise<StatsWithFailures<EndpointStats>> {
  if (sameRollupRows(filter, stepMinutes)) {
    return listInOnePass(db, endpointDimension, filter, options, stepMinutes, endpointStatsFromRow, (s) => s.endpointId);
  }
  const stats = await listEndpointStats(db, filter, options);
  const ids = stats.map((s) => s.endpointId);
  return { stats, buckets: await getFailuresByBucket(db, filter, 'endpoint', ids, stepMinutes) };
}

export async function listKeyStatsWithFailures(
  db: Database,
  filter: RollupFilter,
  options: ListStatsOptions,
  stepMinutes: number,
): Promise<StatsWithFailures<KeyStats>> {
  if (sameRollupRows(filter, stepMinutes)) {
    return listInOnePass(db, keyDimension, filter, options, stepMinutes, keyStatsFromRow, (s) => s.fingerprint);
  }
  const stats = await listKeyStats(db, filter, options);
  const ids = stats.map((s) => s.fingerprint);
  return { stats, buckets: await getFailuresByBucket(db, filter, 'key', ids, stepMinutes) };
}

/** Exported for the test that holds it to the two-query answer on every step. */
export async function listInOnePass<T>(
  db: Database,
  d: Dimension,
  filter: RollupFilter,
  options: ListStatsOptions,
  stepMinutes: number,
  fromRow: (row: Record<string, unknown>) => T,
  idOf: (stats: T) => string,
): Promise<StatsWithFailures<T>> {
  const having = options.failingOnly ? Prisma.sql`HAVING SUM(errors) > 0` : Prisma.empty;
  const bucketDuration = d.duration ? Prisma.sql`, SUM(duration_sum_ms) AS duration_sum` : Prisma.empty;
  const rankDuration = d.duration ? Prisma.sql`, SUM(duration_sum) AS duration_sum` : Prisma.empty;
  const rowDuration = d.duration ? Prisma.sql`, s.duration_sum` : Prisma.empty;
  // b is read twice (ranking, then the top ids' buckets): MATERIALIZED keeps it one pass on both databases.
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    WITH b AS MATERIALIZED (
      SELECT ${d.column} AS id, minute - (minute % ${stepMinutes}) AS bucket,
             SUM(count) AS total,
             SUM(CASE WHEN ${failureCondition} THEN count ELSE 0 END) AS errors,
             SUM(CASE WHEN status_code = 401 THEN count ELSE 0 END) AS s401,
             SUM(CASE WHEN status_code = 403 THEN count ELSE 0 END) AS s403,
             SUM(CASE WHEN status_code = 429 THEN count ELSE 0 END) AS s429
             ${bucketDuration}
      FROM ${requestRollupSource(filter, stepMinutes, d.needs)} rm
      GROUP BY 1, 2
    ), s AS (
      SELECT id, SUM(total) AS total, SUM(errors) AS errors, SUM(s401) AS s401, SUM(s403) AS s403, SUM(s429) AS s429 ${rankDuration}
      FROM b ${d.rankable}
      GROUP BY id ${having}
      ORDER BY ${orderSql(options.order)}, id
      LIMIT ${options.limit}
    )
    SELECT s.id AS ${d.idName}, ${d.select}, s.total, s.errors, s.s401, s.s403, s.s429 ${rowDuration},
           b.bucket, b.total AS bucket_total, b.errors AS bucket_failures
    FROM s ${d.join} JOIN b ON b.id = s.id
    ORDER BY ${orderSql(options.order, 's')}, s.id, b.bucket`;
  // One row per (ranked id, bucket with calls), ranked ids in order: every id has a bucket.
  const stats: T[] = [];
  const buckets: DimensionBucketCount[] = [];
  let last: string | undefined;
  for (const row of rows) {
    const id = String(row[d.idName.sql]);
    if (id !== last) {
      const s = fromRow(row);
      stats.push(s);
      last = idOf(s);
    }
    buckets.push({ id, bucketMinute: toNumber(row.bucket), total: toNumber(row.bucket_total), failures: toNumber(row.bucket_failures) });
  }
  return { stats, buckets };
}

// The rows every aggregate reads: request (or error-key) rollups for a time range and filter,
// assembled from the coarsest grains that fit (see planRollupSegments), as one derived table
// with the minute tables' columns. Queries write `FROM ${requestRollupSource(filter)} rm`.
// Minute rollups past the raw retention are never read (see lib/retention).
import { isDeepStrictEqual } from 'node:util';
import { currentMinuteRollupFloor } from '@/lib/retention/minute-rollup-horizon';
import { planRollupSegments, type RollupSegment } from '@/lib/rollup/plan-rollup-segments';
import { Prisma } from '../generated/sqlite/client';
import { latencyBucketColumns } from '../latency-buckets';
import { coarseSegmentSql } from './coarse-segment-sql';
import { dimensionWhereSql, type RollupFilter } from './rollup-filter';

const requestColumns = Prisma.raw(
  `minute, endpoint_id, api_key_fingerprint, service, environment, status_code, status_class, count, duration_sum_ms, duration_max_ms, ${latencyBucketColumns.join(', ')}`,
);
const errorKeyColumns = Prisma.raw('minute, endpoint_id, api_key_fingerprint, service, environment, status_code, error_key, count');

interface SourceTables {
  minutes: Prisma.Sql;
  coarse: Prisma.Sql;
  columns: Prisma.Sql;
}

const requestTables: SourceTables = {
  minutes: Prisma.raw('request_minutes'),
  coarse: Prisma.raw('request_rollups'),
  columns: requestColumns,
};
const errorKeyTables: SourceTables = {
  minutes: Prisma.raw('error_key_minutes'),
  coarse: Prisma.raw('error_key_rollups'),
  columns: errorKeyColumns,
};

function segmentSql(tables: SourceTables, segment: RollupSegment, dimensions: Prisma.Sql): Prisma.Sql {
  const range = Prisma.sql`minute >= ${segment.fromMinute} AND minute < ${segment.toMinute}`;
  return segment.grain === 1
    ? Prisma.sql`SELECT ${tables.columns} FROM ${tables.minutes} WHERE ${range}${dimensions}`
    : coarseSegmentSql(tables, segment, dimensions);
}

function sourceSql(tables: SourceTables, filter: RollupFilter, stepMinutes?: number): Prisma.Sql {
  const segments = planRollupSegments(filter.fromMinute, filter.toMinute, stepMinutes, currentMinuteRollupFloor());
  const dimensions = dimensionWhereSql(filter);
  const parts = segments.map((segment) => segmentSql(tables, segment, dimensions));
  // An empty range still needs a well-formed (empty) table.
  if (parts.length === 0) parts.push(Prisma.sql`SELECT ${tables.columns} FROM ${tables.minutes} WHERE 1 = 0`);
  return Prisma.sql`(${Prisma.join(parts, ' UNION ALL ')})`;
}

/**
 * request_minutes' rows for the filter, from the coarsest grains that fit. With `stepMinutes`
 * (a chart bucket), coarse rows never straddle two buckets.
 */
export function requestRollupSource(filter: RollupFilter, stepMinutes?: number): Prisma.Sql {
  return sourceSql(requestTables, filter, stepMinutes);
}

/** Whether a chart with this step reads the very rows a query without step reads. */
export function sameRollupRows(filter: RollupFilter, stepMinutes: number): boolean {
  const floor = currentMinuteRollupFloor();
  const plain = planRollupSegments(filter.fromMinute, filter.toMinute, undefined, floor);
  const stepped = planRollupSegments(filter.fromMinute, filter.toMinute, stepMinutes, floor);
  return isDeepStrictEqual(plain, stepped);
}

/** error_key_minutes' rows for the filter, from the coarsest grains that fit. */
export function errorKeyRollupSource(filter: RollupFilter, stepMinutes?: number): Prisma.Sql {
  return sourceSql(errorKeyTables, filter, stepMinutes);
}

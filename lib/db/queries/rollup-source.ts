// The rows every aggregate reads: request (or error-key) rollups for a time range and filter,
// assembled from the coarsest grains that fit (see planRollupSegments), as one derived table
// with the minute tables' columns. Queries write `FROM ${requestRollupSource(filter)} rm`.
// A query that says what it needs (RollupNeeds) gets its coarse segments from the narrowest
// table holding every dimension it groups or filters by (lib/rollup/narrow-rollups.ts), and
// only those columns. Minute rollups past the raw retention are never read (see lib/retention).
import { isDeepStrictEqual } from 'node:util';
import { currentMinuteRollupFloor } from '@/lib/retention/minute-rollup-horizon';
import { endpointRollups, keyRollups, type NarrowTable, statusRollups, statusTotalRollups } from '@/lib/rollup/narrow-rollups';
import { planRollupSegments, type RollupSegment } from '@/lib/rollup/plan-rollup-segments';
import { Prisma } from '../generated/sqlite/client';
import { latencyBucketColumns } from '../latency-buckets';
import { coarseSegmentSql } from './coarse-segment-sql';
import { narrowColumns } from './narrow-rollup-sql';
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

/**
 * What a request query reads beyond minute, status_code, status_class and count (always there):
 * the service and environment columns, the endpoint_id or api_key_fingerprint column (grouping
 * or a WHERE of its own), duration_sum_ms / duration_max_ms / the latency histogram. The
 * filter's own dimensions are added by requestRollupSource.
 */
export interface RollupNeeds {
  services?: boolean;
  endpoint?: boolean;
  key?: boolean;
  durations?: boolean;
}

// Without durations, endpoint_rollups is read without them too: its (grain, endpoint_id,
// minute, …) index then covers the query, and the sparklines of ten ids read only their rows.
function narrowSourceTables(table: NarrowTable, durations = table.durations): SourceTables {
  return { minutes: requestTables.minutes, coarse: Prisma.raw(table.name), columns: Prisma.raw(narrowColumns({ ...table, durations })) };
}
const statusTotalTables = narrowSourceTables(statusTotalRollups);
const statusTables = narrowSourceTables(statusRollups);
const endpointTables = narrowSourceTables(endpointRollups);
const endpointCountTables = narrowSourceTables(endpointRollups, false);
const keyTables = narrowSourceTables(keyRollups);

/** The narrowest coarse table holding what the query needs; request_rollups when none does. */
export function requestRollupTable(filter: RollupFilter, needs: RollupNeeds): 'request_rollups' | NarrowTable['name'] {
  const endpoint = needs.endpoint === true || filter.endpoint !== undefined;
  const key = needs.key === true || filter.key !== undefined;
  if (endpoint && key) return 'request_rollups';
  if (key) return needs.durations ? 'request_rollups' : keyRollups.name;
  if (endpoint || needs.durations) return endpointRollups.name;
  const services = needs.services === true || filter.service !== undefined || filter.environment !== undefined;
  return services ? statusRollups.name : statusTotalRollups.name;
}

const tablesByName: Readonly<Record<ReturnType<typeof requestRollupTable>, SourceTables>> = {
  request_rollups: requestTables,
  status_total_rollups: statusTotalTables,
  status_rollups: statusTables,
  endpoint_rollups: endpointTables,
  key_rollups: keyTables,
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
 * (a chart bucket), coarse rows never straddle two buckets. With `needs`, only the columns the
 * query needs (see RollupNeeds), from the narrowest table that has them; without, all of them.
 */
export function requestRollupSource(filter: RollupFilter, stepMinutes?: number, needs?: RollupNeeds): Prisma.Sql {
  const name = needs === undefined ? 'request_rollups' : requestRollupTable(filter, needs);
  const tables = name === 'endpoint_rollups' && !needs?.durations ? endpointCountTables : tablesByName[name];
  return sourceSql(tables, filter, stepMinutes);
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

// Per-endpoint totals for a range, from the rollups: calls, failures, the three headline
// statuses, and what the endpoint is. Feeds the failing-endpoints tables and /api/v1/endpoints.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export interface EndpointStats {
  endpointId: string;
  method: string;
  host: string;
  route: string;
  total: number;
  /** Calls with status >= 400 or without a response. */
  errors: number;
  unauthorized: number;
  forbidden: number;
  rateLimited: number;
  /** Mean duration over the range, in ms. */
  meanDurationMs: number;
  lastSeenMs: number;
}

export type StatsOrder = 'errors' | 'total';

export interface ListStatsOptions {
  order: StatsOrder;
  limit: number;
  /** Only rows with at least one failure. */
  failingOnly?: boolean;
}

export const failureCondition = Prisma.sql`(status_code >= 400 OR status_code = 0)`;

/** The ranking; `table` qualifies the two columns where a join makes bare names ambiguous. */
export function orderSql(order: StatsOrder, table?: 's'): Prisma.Sql {
  const t = table === undefined ? '' : `${table}.`;
  return Prisma.raw(order === 'errors' ? `${t}errors DESC, ${t}total DESC` : `${t}total DESC, ${t}errors DESC`);
}

export async function listEndpointStats(db: Database, filter: RollupFilter, options: ListStatsOptions): Promise<EndpointStats[]> {
  const having = options.failingOnly ? Prisma.sql`HAVING SUM(CASE WHEN ${failureCondition} THEN count ELSE 0 END) > 0` : Prisma.empty;
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT s.endpoint_id, e.method, e.host, e.route, e.last_seen_ms, s.total, s.errors, s.s401, s.s403, s.s429, s.duration_sum
    FROM (
      SELECT endpoint_id,
             SUM(count) AS total,
             SUM(CASE WHEN ${failureCondition} THEN count ELSE 0 END) AS errors,
             SUM(CASE WHEN status_code = 401 THEN count ELSE 0 END) AS s401,
             SUM(CASE WHEN status_code = 403 THEN count ELSE 0 END) AS s403,
             SUM(CASE WHEN status_code = 429 THEN count ELSE 0 END) AS s429,
             SUM(duration_sum_ms) AS duration_sum
      FROM ${requestRollupSource(filter, undefined, { endpoint: true, durations: true })} rm
      GROUP BY endpoint_id ${having}
    ) s JOIN endpoints e ON e.id = s.endpoint_id
    ORDER BY ${orderSql(options.order)}, s.endpoint_id
    LIMIT ${options.limit}`;
  return rows.map(endpointStatsFromRow);
}

/** One row of the endpoint statistics query (also the bench's naive GROUP BY, which selects the same columns). */
export function endpointStatsFromRow(r: Record<string, unknown>): EndpointStats {
  const total = toNumber(r.total);
  return {
    endpointId: String(r.endpoint_id),
    method: String(r.method),
    host: String(r.host),
    route: String(r.route),
    total,
    errors: toNumber(r.errors),
    unauthorized: toNumber(r.s401),
    forbidden: toNumber(r.s403),
    rateLimited: toNumber(r.s429),
    meanDurationMs: total === 0 ? 0 : toNumber(r.duration_sum) / total,
    lastSeenMs: toNumber(r.last_seen_ms),
  };
}

// The services that called with an API key in a range (or any rollup filter), busiest first.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import { failureCondition } from './list-endpoint-stats';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export interface ServiceUsage {
  service: string;
  total: number;
  errors: number;
}

export async function listKeyServices(db: Database, filter: RollupFilter, options: { limit: number }): Promise<ServiceUsage[]> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT service, SUM(count) AS total, SUM(CASE WHEN ${failureCondition} THEN count ELSE 0 END) AS errors
    FROM ${requestRollupSource(filter, undefined, { services: true })} rm
    GROUP BY service ORDER BY total DESC, service LIMIT ${options.limit}`;
  return rows.map((r) => ({ service: String(r.service), total: toNumber(r.total), errors: toNumber(r.errors) }));
}

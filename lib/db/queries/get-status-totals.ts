// Calls by status over a time range, from the rollups: the previous period's figures for the
// overview's "vs previous" comparison, and the status half of getSummary.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export interface StatusTotals {
  total: number;
  /** Status code → calls; calls that got no response are under "network". */
  byStatus: Record<string, number>;
}

export async function getStatusTotals(db: Database, filter: RollupFilter): Promise<StatusTotals> {
  const rows = await db.prisma.$queryRaw<{ status_code: unknown; n: unknown }[]>`
    SELECT status_code, SUM(count) AS n FROM ${requestRollupSource(filter, undefined, {})} rm GROUP BY status_code ORDER BY status_code`;
  const byStatus: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    const code = toNumber(row.status_code);
    const n = toNumber(row.n);
    byStatus[code === 0 ? 'network' : String(code)] = n;
    total += n;
  }
  return { total, byStatus };
}

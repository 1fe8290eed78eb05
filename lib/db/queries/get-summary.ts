// Totals by status and by error key for a time range, read from the rollups.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import { getStatusTotals, type StatusTotals } from './get-status-totals';
import type { RollupFilter } from './rollup-filter';
import { errorKeyRollupSource } from './rollup-source';

export interface Summary extends StatusTotals {
  /** Error key → failed calls carrying it, most frequent first. */
  byErrorKey: Record<string, number>;
}

const errorKeyLimit = 100;

export async function getSummary(db: Database, filter: RollupFilter): Promise<Summary> {
  const [totals, keys] = await Promise.all([
    getStatusTotals(db, filter),
    db.prisma.$queryRaw<{ error_key: string; n: unknown }[]>`
      SELECT error_key, SUM(count) AS n FROM ${errorKeyRollupSource(filter)} rm
      GROUP BY error_key ORDER BY n DESC, error_key LIMIT ${errorKeyLimit}`,
  ]);
  const byErrorKey: Record<string, number> = {};
  for (const row of keys) byErrorKey[row.error_key] = toNumber(row.n);
  return { ...totals, byErrorKey };
}

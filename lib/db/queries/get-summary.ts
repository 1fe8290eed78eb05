// Totals by status and by error key for a time range, read from the rollups.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { errorKeyRollupSource, requestRollupSource } from './rollup-source';

export interface Summary {
  total: number;
  /** Status code → calls; calls that got no response are under "network". */
  byStatus: Record<string, number>;
  /** Error key → failed calls carrying it, most frequent first. */
  byErrorKey: Record<string, number>;
}

const errorKeyLimit = 100;

export async function getSummary(db: Database, filter: RollupFilter): Promise<Summary> {
  const [statuses, keys] = await Promise.all([
    db.prisma.$queryRaw<{ status_code: unknown; n: unknown }[]>`
      SELECT status_code, SUM(count) AS n FROM ${requestRollupSource(filter)} rm GROUP BY status_code ORDER BY status_code`,
    db.prisma.$queryRaw<{ error_key: string; n: unknown }[]>`
      SELECT error_key, SUM(count) AS n FROM ${errorKeyRollupSource(filter)} rm
      GROUP BY error_key ORDER BY n DESC, error_key LIMIT ${errorKeyLimit}`,
  ]);
  const byStatus: Record<string, number> = {};
  let total = 0;
  for (const row of statuses) {
    const code = toNumber(row.status_code);
    const n = toNumber(row.n);
    byStatus[code === 0 ? 'network' : String(code)] = n;
    total += n;
  }
  const byErrorKey: Record<string, number> = {};
  for (const row of keys) byErrorKey[row.error_key] = toNumber(row.n);
  return { total, byStatus, byErrorKey };
}

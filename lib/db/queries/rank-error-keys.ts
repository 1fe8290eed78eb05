// Error keys of failed calls for a range, per status code, most frequent first. A call with
// several keys (a 422 naming several fields) counts once under each.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { errorKeyRollupSource } from './rollup-source';

export interface RankedErrorKey {
  /** 0 for calls that got no response. */
  statusCode: number;
  errorKey: string;
  count: number;
}

export async function rankErrorKeys(db: Database, filter: RollupFilter, options: { limit: number }): Promise<RankedErrorKey[]> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT status_code, error_key, SUM(count) AS n FROM ${errorKeyRollupSource(filter)} rm
    GROUP BY status_code, error_key ORDER BY n DESC, status_code, error_key LIMIT ${options.limit}`;
  return rows.map((r) => ({ statusCode: toNumber(r.status_code), errorKey: String(r.error_key), count: toNumber(r.n) }));
}

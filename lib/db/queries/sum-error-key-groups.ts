// Failed calls per service, key, endpoint, status and error key over a range, from the error-key
// rollups, for the given statuses (a 422 naming two fields counts once under each).
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { errorKeyRollupSource } from './rollup-source';

export interface ErrorKeyGroupRow {
  service: string;
  key: string;
  endpointId: string;
  statusCode: number;
  errorKey: string;
  calls: number;
}

export async function sumErrorKeyGroups(
  db: Database,
  filter: RollupFilter,
  options: { statuses: readonly number[]; limit: number },
): Promise<ErrorKeyGroupRow[]> {
  if (options.statuses.length === 0) return [];
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT service, api_key_fingerprint, endpoint_id, status_code, error_key, SUM(count) AS calls
    FROM ${errorKeyRollupSource(filter)} rm
    WHERE rm.status_code IN (${Prisma.join([...options.statuses])})
    GROUP BY service, api_key_fingerprint, endpoint_id, status_code, error_key
    ORDER BY calls DESC, error_key
    LIMIT ${options.limit}`;
  return rows.map((r) => ({
    service: String(r.service),
    key: String(r.api_key_fingerprint),
    endpointId: String(r.endpoint_id),
    statusCode: toNumber(r.status_code),
    errorKey: String(r.error_key),
    calls: toNumber(r.calls),
  }));
}

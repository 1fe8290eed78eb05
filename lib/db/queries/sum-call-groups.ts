// Calls per service, environment, key, endpoint and status over a range, from the rollups, with
// the first and last rollup bucket each combination was seen in: the diagnosis engine's counts.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export interface CallGroupRow {
  service: string;
  environment: string;
  /** '' for calls that carried no key. */
  key: string;
  endpointId: string;
  statusCode: number;
  calls: number;
  /** Start minute of the first rollup bucket with such calls (buckets are 1, 10 or 60 minutes). */
  firstMinute: number;
  /** Start minute of the last one. */
  lastMinute: number;
}

export async function sumCallGroups(db: Database, filter: RollupFilter): Promise<CallGroupRow[]> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT service, environment, api_key_fingerprint, endpoint_id, status_code,
           SUM(count) AS calls, MIN(minute) AS first_minute, MAX(minute) AS last_minute
    FROM ${requestRollupSource(filter)} rm
    GROUP BY service, environment, api_key_fingerprint, endpoint_id, status_code`;
  return rows.map((r) => ({
    service: String(r.service),
    environment: String(r.environment),
    key: String(r.api_key_fingerprint),
    endpointId: String(r.endpoint_id),
    statusCode: toNumber(r.status_code),
    calls: toNumber(r.calls),
    firstMinute: toNumber(r.first_minute),
    lastMinute: toNumber(r.last_minute),
  }));
}

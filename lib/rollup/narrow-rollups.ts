// The narrow coarse rollups: request_rollups summed over dimensions most readers neither group
// nor filter by (status_total_rollups keeps only the status, status_rollups drops endpoint and
// key, endpoint_rollups the key, key_rollups the endpoint and the durations). A day's status
// series reads ~13 rows per 10-minute bucket from status_total_rollups instead of ~390 from
// request_rollups. Pure: the table shapes and the projection of request rows onto them, shared
// by the write paths that add (not rebuild) rows.
import type { RequestMinuteRow } from './rollup-minutes';

export type NarrowTableName = 'status_total_rollups' | 'status_rollups' | 'endpoint_rollups' | 'key_rollups';

export interface NarrowTable {
  name: NarrowTableName;
  /** The dimensions kept, in primary-key order after (grain, minute). */
  dimensions: readonly ('endpoint_id' | 'api_key_fingerprint' | 'service' | 'environment' | 'status_code')[];
  /** Whether duration_sum_ms, duration_max_ms and the latency histogram are kept. */
  durations: boolean;
}

export const statusTotalRollups: NarrowTable = { name: 'status_total_rollups', dimensions: ['status_code'], durations: false };
export const statusRollups: NarrowTable = { name: 'status_rollups', dimensions: ['service', 'environment', 'status_code'], durations: false };
export const endpointRollups: NarrowTable = {
  name: 'endpoint_rollups',
  dimensions: ['endpoint_id', 'service', 'environment', 'status_code'],
  durations: true,
};
export const keyRollups: NarrowTable = {
  name: 'key_rollups',
  dimensions: ['api_key_fingerprint', 'service', 'environment', 'status_code'],
  durations: false,
};

export const narrowTables: readonly NarrowTable[] = [statusTotalRollups, statusRollups, endpointRollups, keyRollups];

const fieldOf = {
  endpoint_id: (r: RequestMinuteRow) => r.endpointId,
  api_key_fingerprint: (r: RequestMinuteRow) => r.apiKeyFingerprint,
  service: (r: RequestMinuteRow) => r.service,
  environment: (r: RequestMinuteRow) => r.environment,
  status_code: (r: RequestMinuteRow) => r.statusCode,
} as const;

/** A narrow row: minute, the table's dimensions, status_class, count[, duration sum, max, histogram]. */
export type NarrowRow = (string | number)[];

/**
 * Request rollup rows (of one grain) summed onto `table`'s dimensions, sorted by its primary
 * key so concurrent PostgreSQL upserts take row locks in one order.
 */
export function projectNarrowRows(rows: readonly RequestMinuteRow[], table: NarrowTable): NarrowRow[] {
  const sums = new Map<string, { key: (string | number)[]; row: RequestMinuteRow }>();
  for (const r of rows) {
    const key = [r.minute, ...table.dimensions.map((d) => fieldOf[d](r))];
    const id = key.join('\u0000');
    const seen = sums.get(id);
    if (!seen) {
      sums.set(id, { key, row: { ...r, latencyBuckets: [...r.latencyBuckets] } });
      continue;
    }
    const s = seen.row;
    s.count += r.count;
    s.durationSumMs += r.durationSumMs;
    s.durationMaxMs = Math.max(s.durationMaxMs, r.durationMaxMs);
    r.latencyBuckets.forEach((n, i) => {
      s.latencyBuckets[i] = (s.latencyBuckets[i] ?? 0) + n;
    });
  }
  const out = [...sums.values()].sort((a, b) => compareKeys(a.key, b.key));
  return out.map(({ key, row }) =>
    table.durations ? [...key, row.statusClass, row.count, row.durationSumMs, row.durationMaxMs, ...row.latencyBuckets] : [...key, row.statusClass, row.count],
  );
}

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

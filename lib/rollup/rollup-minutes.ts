// Folds classified calls into rollup rows (per minute, or per coarser grain), the only rows
// charts and summaries read. Pure, so the arithmetic is tested without a database.
import type { ClassifiedRequest, StatusClass } from '@/lib/classify/classified-request';
import { latencyBucketBoundsMs, latencyBucketIndex } from '@/lib/db/latency-buckets';

/** The dimensions both rollups share; together with the minute they form the primary key. */
export interface RollupDimensions {
  /** The bucket's first epoch minute (a multiple of the grain). */
  minute: number;
  endpointId: string;
  apiKeyFingerprint: string;
  service: string;
  environment: string;
  statusCode: number;
}

export interface RequestMinuteRow extends RollupDimensions {
  statusClass: StatusClass;
  count: number;
  durationSumMs: number;
  durationMaxMs: number;
  /** One count per latency bucket (see latencyBucketColumns). */
  latencyBuckets: number[];
}

export interface ErrorKeyMinuteRow extends RollupDimensions {
  errorKey: string;
  count: number;
}

export interface MinuteRollup {
  requestMinutes: RequestMinuteRow[];
  errorKeyMinutes: ErrorKeyMinuteRow[];
}

export function epochMinute(ms: number): number {
  return Math.floor(ms / 60_000);
}

/**
 * Rows come out sorted by their primary key, so concurrent PostgreSQL transactions
 * upsert them in the same order and cannot deadlock on each other. `grainMinutes` folds
 * into coarser buckets (10, 60) for request_rollups.
 */
export function rollupMinutes(requests: readonly ClassifiedRequest[], grainMinutes = 1): MinuteRollup {
  const minutes = new Map<string, RequestMinuteRow>();
  const keys = new Map<string, ErrorKeyMinuteRow>();
  for (const r of requests) {
    const exact = epochMinute(r.startMs);
    const minute = exact - (exact % grainMinutes);
    const id = [minute, r.endpointId, r.apiKeyFingerprint, r.service, r.environment, r.statusCode].join('\u0000');
    let row = minutes.get(id);
    if (!row) {
      row = {
        minute,
        endpointId: r.endpointId,
        apiKeyFingerprint: r.apiKeyFingerprint,
        service: r.service,
        environment: r.environment,
        statusCode: r.statusCode,
        statusClass: r.statusClass,
        count: 0,
        durationSumMs: 0,
        durationMaxMs: 0,
        latencyBuckets: new Array(latencyBucketBoundsMs.length + 1).fill(0),
      };
      minutes.set(id, row);
    }
    row.count += 1;
    row.durationSumMs += r.durationMs;
    row.durationMaxMs = Math.max(row.durationMaxMs, r.durationMs);
    const bucket = latencyBucketIndex(r.durationMs);
    row.latencyBuckets[bucket] = (row.latencyBuckets[bucket] ?? 0) + 1;

    for (const errorKey of new Set(r.errorKeys)) {
      const keyId = `${id}\u0000${errorKey}`;
      const keyRow = keys.get(keyId);
      if (keyRow) keyRow.count += 1;
      else
        keys.set(keyId, {
          minute,
          endpointId: r.endpointId,
          apiKeyFingerprint: r.apiKeyFingerprint,
          service: r.service,
          environment: r.environment,
          statusCode: r.statusCode,
          errorKey,
          count: 1,
        });
    }
  }
  const byId = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { requestMinutes: byId(minutes), errorKeyMinutes: byId(keys) };
}

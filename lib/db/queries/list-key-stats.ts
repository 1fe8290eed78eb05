// Per-API-key totals for a range, from the rollups, with the key's user-given label and
// environment. Feeds the failing-keys tables, the keys of an endpoint and /api/v1/keys.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';
import { failureCondition, type ListStatsOptions, orderSql } from './list-endpoint-stats';
import type { RollupFilter } from './rollup-filter';
import { requestRollupSource } from './rollup-source';

export interface KeyStats {
  /** '' for calls that carried no key. */
  fingerprint: string;
  label: string | null;
  environment: string | null;
  total: number;
  errors: number;
  unauthorized: number;
  forbidden: number;
  rateLimited: number;
  firstSeenMs: number | null;
  lastSeenMs: number | null;
}

export async function listKeyStats(db: Database, filter: RollupFilter, options: ListStatsOptions): Promise<KeyStats[]> {
  const having = options.failingOnly ? Prisma.sql`HAVING SUM(CASE WHEN ${failureCondition} THEN count ELSE 0 END) > 0` : Prisma.empty;
  // LEFT JOIN: calls without a key ('' fingerprint) have no api_keys row but still count.
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT s.fingerprint, k.label, k.environment, k.first_seen_ms, k.last_seen_ms, s.total, s.errors, s.s401, s.s403, s.s429
    FROM (
      SELECT api_key_fingerprint AS fingerprint,
             SUM(count) AS total,
             SUM(CASE WHEN ${failureCondition} THEN count ELSE 0 END) AS errors,
             SUM(CASE WHEN status_code = 401 THEN count ELSE 0 END) AS s401,
             SUM(CASE WHEN status_code = 403 THEN count ELSE 0 END) AS s403,
             SUM(CASE WHEN status_code = 429 THEN count ELSE 0 END) AS s429
      FROM ${requestRollupSource(filter, undefined, { key: true })} rm
      GROUP BY api_key_fingerprint ${having}
    ) s LEFT JOIN api_keys k ON k.fingerprint = s.fingerprint
    ORDER BY ${orderSql(options.order)}, s.fingerprint
    LIMIT ${options.limit}`;
  return rows.map(keyStatsFromRow);
}

/** One row of the key statistics query (also the bench's naive GROUP BY, which selects the same columns). */
export function keyStatsFromRow(r: Record<string, unknown>): KeyStats {
  return {
  fingerprint: String(r.fingerprint),
  label: r.label == null ? null : String(r.label),
  environment: r.environment == null ? null : String(r.environment),
  total: toNumber(r.total),
  errors: toNumber(r.errors),
  unauthorized: toNumber(r.s401),
  forbidden: toNumber(r.s403),
  rateLimited: toNumber(r.s429),
  firstSeenMs: r.first_seen_ms == null ? null : toNumber(r.first_seen_ms),
  lastSeenMs: r.last_seen_ms == null ? null : toNumber(r.last_seen_ms),
  };
}

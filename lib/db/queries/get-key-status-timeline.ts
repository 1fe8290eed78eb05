// When one service's key last succeeded in a range, and what its calls got after that: how many,
// how many were 401, the first such 401 and the last call. Key rotation is read from it. The
// walk back to the last success stops at the first one it meets (ORDER BY … LIMIT 1), so a key
// that keeps succeeding costs almost nothing and a rotated one costs its calls since the rotation.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';
import type { CallRange } from './call-sample';

export interface KeyStatusTimeline {
  service: string;
  key: string;
  /** Start of the last 2xx/3xx call in the range; null when it never succeeded. */
  lastOkMs: number | null;
  /** Calls after the last success (all of them when it never succeeded). */
  callsAfter: number;
  unauthorizedAfter: number;
  /** First 401 after the last success. */
  onsetMs: number | null;
  lastAfterMs: number | null;
}

const nullable = (v: unknown) => (v == null ? null : toNumber(v));

export async function getKeyStatusTimeline(
  db: Database,
  range: CallRange,
  subject: { service: string; key: string },
): Promise<KeyStatusTimeline> {
  const { service, key } = subject;
  const environment = (alias: string) =>
    range.environment === undefined ? Prisma.empty : Prisma.sql` AND ${Prisma.raw(alias)}.environment = ${range.environment}`;
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT l.last_ok, COUNT(r.id) AS calls_after,
           SUM(CASE WHEN r.status_code = 401 THEN 1 ELSE 0 END) AS unauthorized_after,
           MIN(CASE WHEN r.status_code = 401 THEN r.start_ms END) AS onset,
           MAX(r.start_ms) AS last_after
    FROM (
      SELECT (
        SELECT q.start_ms FROM requests q
        WHERE q.api_key_fingerprint = ${key} AND q.start_ms >= ${range.fromMs} AND q.start_ms < ${range.toMs}
          AND q.service = ${service} AND q.status_code >= 200 AND q.status_code < 400${environment('q')}
        ORDER BY q.start_ms DESC LIMIT 1
      ) AS last_ok
    ) l
    LEFT JOIN requests r ON r.api_key_fingerprint = ${key} AND r.start_ms >= ${range.fromMs} AND r.start_ms < ${range.toMs}
      AND r.start_ms > COALESCE(l.last_ok, ${range.fromMs - 1}) AND r.service = ${service}${environment('r')}
    GROUP BY l.last_ok`;
  const row = rows[0] ?? {};
  return {
    service,
    key,
    lastOkMs: nullable(row.last_ok),
    callsAfter: toNumber(row.calls_after),
    unauthorizedAfter: toNumber(row.unauthorized_after),
    onsetMs: nullable(row.onset),
    lastAfterMs: nullable(row.last_after),
  };
}

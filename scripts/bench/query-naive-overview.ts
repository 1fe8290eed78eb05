// The overview's answers computed the naive way, by GROUP BY over the raw `requests` rows, for
// the query benchmark to time against the rollup reads and to check them against. Same shapes,
// same ordering and the same time bounds as the rollup queries (whole minutes:
// [fromMinute, toMinute) of viewRollupFilter).
import { type DashboardView, viewRollupFilter } from '@/lib/dashboard/dashboard-view';
import { alignFailureSparklines } from '@/lib/dashboard/overview/align-failure-sparklines';
import type { StatsRow } from '@/lib/dashboard/overview/load-endpoint-rows';
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import type { DimensionBucketCount } from '@/lib/db/queries/get-failures-by-bucket';
import type { StatusBucketCount } from '@/lib/db/queries/get-status-counts-by-bucket';
import type { StatusTotals } from '@/lib/db/queries/get-status-totals';
import { type EndpointStats, endpointStatsFromRow, type ListStatsOptions } from '@/lib/db/queries/list-endpoint-stats';
import { type KeyStats, keyStatsFromRow } from '@/lib/db/queries/list-key-stats';
import type { RollupFilter } from '@/lib/db/queries/rollup-filter';
import { toNumber } from '@/lib/db/sql-dialect';

const failed = Prisma.sql`CASE WHEN status_code >= 400 OR status_code = 0 THEN 1 ELSE 0 END`;

function rangeSql(filter: RollupFilter): Prisma.Sql {
  return Prisma.sql`start_ms >= ${filter.fromMinute * 60_000} AND start_ms < ${filter.toMinute * 60_000}`;
}

export async function naiveStatusTotals(db: Database, filter: RollupFilter): Promise<StatusTotals> {
  const rows = await db.prisma.$queryRaw<{ status_code: unknown; n: unknown }[]>`
    SELECT status_code, COUNT(*) AS n FROM requests WHERE ${rangeSql(filter)} GROUP BY status_code ORDER BY status_code`;
  const byStatus: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    const code = toNumber(row.status_code);
    byStatus[code === 0 ? 'network' : String(code)] = toNumber(row.n);
    total += toNumber(row.n);
  }
  return { total, byStatus };
}

export async function naiveStatusCountsByBucket(db: Database, filter: RollupFilter, stepMinutes: number): Promise<StatusBucketCount[]> {
  const rows = await db.prisma.$queryRaw<{ bucket: unknown; status_code: unknown; status_class: string; n: unknown }[]>`
    SELECT (start_ms / 60000) - ((start_ms / 60000) % ${stepMinutes}) AS bucket, status_code, status_class, COUNT(*) AS n
    FROM requests WHERE ${rangeSql(filter)} GROUP BY 1, 2, 3 ORDER BY 1`;
  return rows.map((r) => ({
    bucketMinute: toNumber(r.bucket),
    statusCode: toNumber(r.status_code),
    statusClass: r.status_class,
    count: toNumber(r.n),
  }));
}

async function naiveFailuresByBucket(
  db: Database,
  filter: RollupFilter,
  column: 'endpoint_id' | 'api_key_fingerprint',
  ids: string[],
  stepMinutes: number,
): Promise<DimensionBucketCount[]> {
  if (ids.length === 0) return [];
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT ${Prisma.raw(column)} AS id, (start_ms / 60000) - ((start_ms / 60000) % ${stepMinutes}) AS bucket,
           COUNT(*) AS total, SUM(${failed}) AS failures
    FROM requests WHERE ${rangeSql(filter)} AND ${Prisma.raw(column)} IN (${Prisma.join(ids)})
    GROUP BY 1, 2 ORDER BY 2`;
  return rows.map((r) => ({ id: String(r.id), bucketMinute: toNumber(r.bucket), total: toNumber(r.total), failures: toNumber(r.failures) }));
}

const order = (o: ListStatsOptions['order']) => Prisma.raw(o === 'errors' ? 'errors DESC, total DESC' : 'total DESC, errors DESC');
const having = (o: ListStatsOptions) => (o.failingOnly ? Prisma.sql`HAVING SUM(${failed}) > 0` : Prisma.empty);
const headline = Prisma.sql`COUNT(*) AS total, SUM(${failed}) AS errors,
  SUM(CASE WHEN status_code = 401 THEN 1 ELSE 0 END) AS s401, SUM(CASE WHEN status_code = 403 THEN 1 ELSE 0 END) AS s403,
  SUM(CASE WHEN status_code = 429 THEN 1 ELSE 0 END) AS s429`;

export async function naiveEndpointRows(db: Database, view: DashboardView, options: ListStatsOptions): Promise<StatsRow<EndpointStats>[]> {
  const filter = viewRollupFilter(view);
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT s.endpoint_id, e.method, e.host, e.route, e.last_seen_ms, s.total, s.errors, s.s401, s.s403, s.s429, s.duration_sum
    FROM (SELECT endpoint_id, ${headline}, SUM(duration_ms) AS duration_sum
          FROM requests WHERE ${rangeSql(filter)} GROUP BY endpoint_id ${having(options)}) s
    JOIN endpoints e ON e.id = s.endpoint_id
    ORDER BY ${order(options.order)}, s.endpoint_id LIMIT ${options.limit}`;
  const stats = rows.map(endpointStatsFromRow);
  const ids = stats.map((s) => s.endpointId);
  const sparklines = alignFailureSparklines(await naiveFailuresByBucket(db, filter, 'endpoint_id', ids, view.stepSeconds / 60), ids, view);
  return stats.map((s) => ({ stats: s, failures: sparklines.get(s.endpointId) ?? [] }));
}

export async function naiveKeyRows(db: Database, view: DashboardView, options: ListStatsOptions): Promise<StatsRow<KeyStats>[]> {
  const filter = viewRollupFilter(view);
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT s.fingerprint, k.label, k.environment, k.first_seen_ms, k.last_seen_ms, s.total, s.errors, s.s401, s.s403, s.s429
    FROM (SELECT api_key_fingerprint AS fingerprint, ${headline}
          FROM requests WHERE ${rangeSql(filter)} GROUP BY api_key_fingerprint ${having(options)}) s
    LEFT JOIN api_keys k ON k.fingerprint = s.fingerprint
    ORDER BY ${order(options.order)}, s.fingerprint LIMIT ${options.limit}`;
  const stats = rows.map(keyStatsFromRow);
  const ids = stats.map((s) => s.fingerprint);
  const sparklines = alignFailureSparklines(await naiveFailuresByBucket(db, filter, 'api_key_fingerprint', ids, view.stepSeconds / 60), ids, view);
  return stats.map((s) => ({ stats: s, failures: sparklines.get(s.fingerprint) ?? [] }));
}

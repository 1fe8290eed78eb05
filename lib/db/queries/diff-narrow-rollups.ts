// How far each narrow coarse rollup (status_total_rollups, status_rollups, endpoint_rollups, key_rollups) is from
// request_rollups summed onto its dimensions: rows present on one side only or with other
// values. Zero everywhere is the invariant every writer keeps; the tests check it.
import { latencyBucketColumns } from '@/lib/db/latency-buckets';
import { type NarrowTableName, narrowTables } from '@/lib/rollup/narrow-rollups';
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';
import { narrowColumns } from './narrow-rollup-sql';

export async function diffNarrowRollups(db: Database): Promise<Record<NarrowTableName, number>> {
  const out = {} as Record<NarrowTableName, number>;
  for (const t of narrowTables) {
    const group = ['grain', 'minute', ...t.dimensions, 'status_class'].join(', ');
    const durations = t.durations ? ['SUM(duration_sum_ms)', 'MAX(duration_max_ms)', ...latencyBucketColumns.map((c) => `SUM(${c})`)] : [];
    const wide = `SELECT ${group}, ${['SUM(count)', ...durations].join(', ')} FROM request_rollups GROUP BY ${group}`;
    const narrow = `SELECT grain, ${narrowColumns(t)} FROM ${t.name}`;
    const rows = await db.prisma.$queryRaw<{ n: unknown }[]>(
      // SQLite takes no parenthesised compound SELECT: each side of EXCEPT is a subquery.
      Prisma.raw(
        `SELECT (SELECT COUNT(*) FROM (SELECT * FROM (${wide}) w EXCEPT SELECT * FROM (${narrow}) n) a) + ` +
          `(SELECT COUNT(*) FROM (SELECT * FROM (${narrow}) n EXCEPT SELECT * FROM (${wide}) w) b) AS n`,
      ),
    );
    out[t.name] = toNumber(rows[0]?.n);
  }
  return out;
}

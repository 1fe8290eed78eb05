// Keeps ingest_minutes bounded without changing /api/v1/ingest/stats: counters of minutes
// before a cutoff are summed into the newest of them and the others deleted, at most `limit`
// rows per call, in one short transaction. The totals "since the database was created" stay.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';

const counters = ['received', 'stored', 'duplicates', 'ignored', 'rejected', 'refused_requests'] as const;

/** Rows removed (0 once at most one row is left before `beforeMinute`). */
export async function foldOldIngestMinutes(db: Database, beforeMinute: number, limit: number): Promise<number> {
  return db.prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ minute: unknown }[]>`
        SELECT minute FROM ingest_minutes WHERE minute < ${beforeMinute} ORDER BY minute LIMIT ${limit}`;
      if (rows.length < 2) return 0;
      const last = toNumber(rows[rows.length - 1]?.minute);
      const sums = await tx.$queryRaw<Record<(typeof counters)[number], unknown>[]>`
        SELECT SUM(received) AS received, SUM(stored) AS stored, SUM(duplicates) AS duplicates, SUM(ignored) AS ignored,
               SUM(rejected) AS rejected, SUM(refused_requests) AS refused_requests
        FROM ingest_minutes WHERE minute <= ${last}`;
      const total = Object.fromEntries(counters.map((c) => [c, toNumber(sums[0]?.[c])])) as Record<(typeof counters)[number], number>;
      const removed = await tx.$executeRaw`DELETE FROM ingest_minutes WHERE minute < ${last}`;
      await tx.$executeRaw`
        UPDATE ingest_minutes SET received = ${total.received}, stored = ${total.stored}, duplicates = ${total.duplicates},
          ignored = ${total.ignored}, rejected = ${total.rejected}, refused_requests = ${total.refused_requests}
        WHERE minute = ${last}`;
      return removed;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

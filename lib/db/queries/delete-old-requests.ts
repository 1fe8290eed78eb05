// Deletes the oldest raw calls before a time, at most `limit` of them, with their error keys, in
// one short transaction: the retention job calls it again until nothing is left, so ingest
// never waits behind more than one batch.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';

/** Calls deleted (0 when none started before `beforeMs`). */
export async function deleteOldRequests(db: Database, beforeMs: number, limit: number): Promise<number> {
  return db.prisma.$transaction(
    async (tx) => {
      // Uses the start_ms index; the ids are then deleted by primary key.
      const rows = await tx.$queryRaw<{ id: unknown }[]>`
        SELECT id FROM requests WHERE start_ms < ${beforeMs} ORDER BY start_ms LIMIT ${limit}`;
      if (rows.length === 0) return 0;
      const ids = Prisma.join(rows.map((row) => toNumber(row.id)));
      await tx.$executeRaw`DELETE FROM request_error_keys WHERE request_id IN (${ids})`;
      return tx.$executeRaw`DELETE FROM requests WHERE id IN (${ids})`;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

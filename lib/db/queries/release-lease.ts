// Gives a lease up on shutdown, so another process takes over at its next attempt instead of
// waiting for the lease to expire.
import type { Database } from '../client';

/** True when this holder had the lease (it is now free). */
export async function releaseLease(db: Database, name: string, holder: string): Promise<boolean> {
  const rows = await db.prisma.$queryRaw<{ name: string }[]>`
    DELETE FROM leases WHERE name = ${name} AND holder = ${holder} RETURNING name`;
  return rows.length === 1;
}

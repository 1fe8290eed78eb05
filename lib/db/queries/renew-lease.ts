// Extends a lease this holder still has, inside the caller's transaction. On PostgreSQL the
// UPDATE also locks the lease row until commit, so no other process can take the lease while
// the transaction that depends on holding it is still writing.
import type { Tx } from '../upsert-rollups';
import type { LeaseRequest } from './acquire-lease';

/** True when the lease was still this holder's (and now lasts until nowMs + ttlMs). */
export async function renewLease(tx: Tx, lease: LeaseRequest): Promise<boolean> {
  const rows = await tx.$queryRaw<{ holder: string }[]>`
    UPDATE leases SET expires_ms = ${lease.nowMs + lease.ttlMs}
    WHERE name = ${lease.name} AND holder = ${lease.holder}
    RETURNING holder`;
  return rows.length === 1;
}

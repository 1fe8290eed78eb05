// Takes or renews a named lease in one compare-and-set statement: the row is written only when
// it is free, expired, or already ours, so among processes racing for it exactly one gets it.
import type { Database } from '../client';

export interface LeaseRequest {
  name: string;
  /** Random per process: who holds the lease. */
  holder: string;
  nowMs: number;
  /** How long the lease lasts from nowMs unless renewed. */
  ttlMs: number;
}

/** True when this holder has the lease until nowMs + ttlMs. */
export async function acquireLease(db: Database, lease: LeaseRequest): Promise<boolean> {
  // Both databases evaluate the WHERE against the row as it is when the conflict is handled
  // (PostgreSQL re-checks it after waiting for a concurrent writer's row lock), so two
  // processes can never both see their own name come back.
  const rows = await db.prisma.$queryRaw<{ holder: string }[]>`
    INSERT INTO leases (name, holder, expires_ms) VALUES (${lease.name}, ${lease.holder}, ${lease.nowMs + lease.ttlMs})
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
    WHERE leases.expires_ms < ${lease.nowMs} OR leases.holder = ${lease.holder}
    RETURNING holder`;
  return rows.length === 1 && rows[0]?.holder === lease.holder;
}

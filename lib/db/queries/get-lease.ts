// Who holds a named lease and until when (for tests and diagnostics).
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';

export interface LeaseRecord {
  holder: string;
  expiresMs: number;
}

export async function getLease(db: Database, name: string): Promise<LeaseRecord | null> {
  const rows = await db.prisma.$queryRaw<{ holder: string; expires_ms: unknown }[]>`
    SELECT holder, expires_ms FROM leases WHERE name = ${name}`;
  const row = rows[0];
  return row ? { holder: row.holder, expiresMs: toNumber(row.expires_ms) } : null;
}

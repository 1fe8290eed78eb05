// One API key fingerprint with its user-given label and environment and when it was seen.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';

export interface ApiKeyRecord {
  /** A fingerprint of the key, never the key itself. */
  fingerprint: string;
  label: string | null;
  environment: string | null;
  firstSeenMs: number;
  lastSeenMs: number;
}

/** Maps a raw `api_keys` row (also the RETURNING row of update-api-key-labels). */
export function toApiKeyRecord(row: Record<string, unknown>): ApiKeyRecord {
  return {
    fingerprint: String(row.fingerprint),
    label: row.label == null ? null : String(row.label),
    environment: row.environment == null ? null : String(row.environment),
    firstSeenMs: toNumber(row.first_seen_ms),
    lastSeenMs: toNumber(row.last_seen_ms),
  };
}

/** The key, or null when no call with this fingerprint was ever stored. */
export async function getApiKey(db: Database, fingerprint: string): Promise<ApiKeyRecord | null> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT fingerprint, label, environment, first_seen_ms, last_seen_ms FROM api_keys WHERE fingerprint = ${fingerprint}`;
  return rows[0] ? toApiKeyRecord(rows[0]) : null;
}

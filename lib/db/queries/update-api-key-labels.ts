// Sets the user-given label and environment of an API key fingerprint. Ingest never writes
// these columns, so a label survives new calls with the key.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { type ApiKeyRecord, toApiKeyRecord } from './get-api-key';

export interface ApiKeyLabelChanges {
  /** undefined leaves the label as it is; null clears it. */
  label?: string | null;
  environment?: string | null;
}

/** The updated key, or null when the fingerprint is unknown. */
export async function updateApiKeyLabels(db: Database, fingerprint: string, changes: ApiKeyLabelChanges): Promise<ApiKeyRecord | null> {
  const sets: Prisma.Sql[] = [];
  if (changes.label !== undefined) sets.push(Prisma.sql`label = ${changes.label}`);
  if (changes.environment !== undefined) sets.push(Prisma.sql`environment = ${changes.environment}`);
  // Nothing to change still answers whether the key exists, in the same statement shape.
  if (sets.length === 0) sets.push(Prisma.sql`label = label`);
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    UPDATE api_keys SET ${Prisma.join(sets, ', ')} WHERE fingerprint = ${fingerprint}
    RETURNING fingerprint, label, environment, first_seen_ms, last_seen_ms`;
  return rows[0] ? toApiKeyRecord(rows[0]) : null;
}

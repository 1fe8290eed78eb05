// One stored call by id with all its error keys, for the explorer's detail drawer and
// /api/v1/requests/{id}.
import type { Database } from '../client';
import { listErrorKeysOfRequests } from './list-error-keys-of-requests';
import { type StoredRequest, toStoredRequest } from './stored-request';

export async function getRequestById(db: Database, id: number): Promise<StoredRequest | null> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT r.*, k.label AS api_key_label FROM requests r
    LEFT JOIN api_keys k ON k.fingerprint = r.api_key_fingerprint
    WHERE r.id = ${id}`;
  const row = rows[0];
  if (!row) return null;
  const keys = await listErrorKeysOfRequests(db, [id]);
  return toStoredRequest(row, keys.get(id) ?? []);
}

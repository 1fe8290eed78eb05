// Every error key of some stored calls (a 422 carries one per field message), by call id.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';

export async function listErrorKeysOfRequests(db: Database, ids: readonly number[]): Promise<Map<number, string[]>> {
  const keys = new Map<number, string[]>();
  if (ids.length === 0) return keys;
  const rows = await db.prisma.$queryRaw<{ request_id: unknown; error_key: string }[]>`
    SELECT request_id, error_key FROM request_error_keys
    WHERE request_id IN (${Prisma.join([...ids])}) ORDER BY request_id, error_key`;
  for (const row of rows) {
    const id = toNumber(row.request_id);
    const list = keys.get(id);
    if (list) list.push(row.error_key);
    else keys.set(id, [row.error_key]);
  }
  return keys;
}

// Stores test calls through the real write path (calls, rollups, keys, endpoints) and insists
// every one was new: a test that reads back what it seeded must not meet an id it reused.
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import type { Database } from '@/lib/db/client';
import { saveRequestBatch } from '@/lib/db/save-request-batch';

export async function seedCalls(db: Database, calls: readonly ClassifiedRequest[], receivedMs = Date.now()): Promise<void> {
  const result = await saveRequestBatch(db, calls, { received: calls.length, ignored: 0, rejected: 0 }, receivedMs);
  if (result.stored !== calls.length || result.duplicates !== 0) {
    throw new Error(`stored ${result.stored} of ${calls.length} calls (${result.duplicates} duplicates)`);
  }
}

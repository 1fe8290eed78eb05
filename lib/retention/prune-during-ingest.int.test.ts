// Pruning never blocks ingest: while a pass deletes thousands of old calls in batches, exports
// keep being stored, each waiting at most for one batch, not for the whole pass.
import { describe, expect, it } from 'vitest';
import { saveRequestBatch } from '@/lib/db/save-request-batch';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { runRetentionPass } from './run-retention-pass';

const t = createTestDatabaseForFile();
const dayMs = 86_400_000;
const oldCalls = 16_000;
const batchSize = 2_000;

async function timedSave(): Promise<number> {
  const now = Date.now();
  const batch = Array.from({ length: 256 }, (_, i) => makeRequest({ startMs: now - i, statusCode: i % 5 === 0 ? 429 : 200, errorKeys: i % 5 === 0 ? ['E429'] : [] }));
  const startedAt = performance.now();
  await saveRequestBatch(t.db, batch, { received: batch.length, ignored: 0, rejected: 0 }, now);
  return performance.now() - startedAt;
}

describe('a retention pass during ingest', () => {
  it('lets exports through between its batches', { timeout: 60_000 }, async () => {
    const now = Date.now();
    for (let i = 0; i < oldCalls; i += 1_000) {
      await seedCalls(
        t.db,
        Array.from({ length: 1_000 }, (_, j) => makeRequest({ startMs: now - 10 * dayMs - (i + j) * 1_000, statusCode: j % 4 === 0 ? 401 : 200 })),
      );
    }
    const alone: number[] = [];
    for (let i = 0; i < 3; i++) alone.push(await timedSave());

    let passDone = false;
    const pass = runRetentionPass(t.db, { holder: 'me', nowMs: now, leaseMs: 60_000, settings: { rawDays: 7, rollupDays: 90 }, batchSize }).finally(() => {
      passDone = true;
    });
    const during: number[] = [];
    while (!passDone) {
      during.push(await timedSave());
      // Exports arrive over the network: the event loop turns between them. (A loop of in-process saves on
      // the synchronous SQLite driver would otherwise be one endless chain of microtasks that starves timers.)
      await new Promise(setImmediate);
    }
    const result = await pass;

    expect(result.calls).toBe(oldCalls);
    expect(result.batches).toBeGreaterThanOrEqual(oldCalls / batchSize);
    // Exports were stored all along, not once the pass ended.
    expect(during.length).toBeGreaterThanOrEqual(3);
    // Each waited at most for about one batch: far less than the whole pass.
    const report = `alone: max ${Math.max(...alone).toFixed(0)} ms; during the pass: ${during.length} saves, max ${Math.max(...during).toFixed(0)} ms`;
    expect(Math.max(...during), report).toBeLessThan(2_000);
  });
});

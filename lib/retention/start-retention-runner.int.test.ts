// The retention runner's timer on a real database: it prunes by itself, says so in one line,
// lets one of two runners prune, and gives the lease up when stopped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLease } from '@/lib/db/queries/get-lease';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/test-database';
import { currentMinuteRollupFloor, setMinuteRollupRetention } from './minute-rollup-horizon';
import { retentionLeaseName } from './run-retention-pass';
import { startRetentionRunner } from './start-retention-runner';

const settings = { rawDays: 7, rollupDays: 90 };
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  setMinuteRollupRetention(undefined);
  await t?.drop();
});

describe('startRetentionRunner', () => {
  it('prunes on its own, one runner at a time, and gives the lease up on stop', async () => {
    const old = Date.now() - 8 * 86_400_000;
    await seedCalls(t.db, [makeRequest({ startMs: old }), makeRequest({ startMs: old - 1 }), makeRequest()]);
    const lines: string[] = [];
    const first = startRetentionRunner(t.db, { intervalMs: 20, firstPassDelayMs: 0, settings, log: (l) => lines.push(l) });
    const second = startRetentionRunner(t.db, { intervalMs: 20, firstPassDelayMs: 0, settings, log: (l) => lines.push(l) });
    try {
      await expect.poll(() => Math.min(first.passes, second.passes), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect([first.lastPass?.ran, second.lastPass?.ran].filter(Boolean)).toHaveLength(1);
      const holder = (await getLease(t.db, retentionLeaseName))?.holder;
      expect([first.holder, second.holder]).toContain(holder);
      expect(await t.db.prisma.request.count()).toBe(1);
      // Said once, when something was deleted.
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^\[faultline\] retention: deleted 2 calls and \d+ minute rollup rows older than 7 days, 0 rollup rows older than 90 days/);
      expect(currentMinuteRollupFloor()).toBeDefined();
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    expect(await getLease(t.db, retentionLeaseName)).toBeNull();
  });
});

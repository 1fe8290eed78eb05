// The alert runner's timer on a real database with real time: it ticks by itself, never starts
// a tick while one runs, holds the evaluator lease while running and gives it up when stopped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLease } from '@/lib/db/queries/get-lease';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '@/lib/testing/webhook-receiver';
import { createAlertRule } from './alert-rules';
import { alertLeaseName } from './run-alert-evaluation';
import { alertLeaseMs, startAlertRunner } from './start-alert-runner';

const baseUrl = 'http://faultline.test';

let t: TestDatabase;
let receiver: WebhookReceiver;
beforeEach(async () => {
  [t, receiver] = await Promise.all([createTestDatabase(), startWebhookReceiver()]);
});
afterEach(async () => {
  await Promise.all([t?.drop(), receiver?.close()]);
});

describe('startAlertRunner', () => {
  it('ticks on its own, holds the lease while running and gives it up on stop', async () => {
    const lines: string[] = [];
    const runner = startAlertRunner(t.db, { intervalMs: 20, firstTickDelayMs: 0, baseUrl, log: (l) => lines.push(l) });
    try {
      await expect.poll(() => runner.ticks, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect((await getLease(t.db, alertLeaseName))?.holder).toBe(runner.holder);
      // Said once, not every tick.
      expect(lines).toEqual(['[faultline] alerts: this process evaluates the alert rules']);
    } finally {
      await runner.stop();
    }
    const ticks = runner.ticks;
    expect(await getLease(t.db, alertLeaseName)).toBeNull();
    // Stopped means stopped: a 20 ms interval would have ticked (and taken the lease) again by now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runner.ticks).toBe(ticks);
    expect(await getLease(t.db, alertLeaseName)).toBeNull();
  });

  it('never starts a tick while one is still running, however short the interval', async () => {
    const now = Date.now();
    const created = await createAlertRule(t.db, {
      name: 'stalling channel',
      metric: 'rate',
      codes: [429],
      comparator: '>',
      threshold: 0.2,
      windowSeconds: 300,
      scope: { each: 'key' },
      channels: [{ type: 'webhook', url: receiver.url('/stall') }],
    });
    expect(created.ok).toBe(true);
    await seedCalls(
      t.db,
      Array.from({ length: 10 }, (_, i) => makeRequest({ apiKeyFingerprint: 'fp_stall', startMs: now - 120_000 + i, statusCode: 429 })),
    );
    receiver.hang('/stall');
    const runner = startAlertRunner(t.db, { intervalMs: 10, firstTickDelayMs: 0, baseUrl, log: () => {}, delivery: { timeoutMs: 1_000 } });
    try {
      await expect.poll(() => receiver.received('/stall').length, { timeout: 10_000 }).toBe(1);
      // With a 10 ms interval, ticks started on a timer regardless would have finished many times by now.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(runner.ticks).toBe(0);
      await expect.poll(() => runner.ticks, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    } finally {
      await runner.stop();
    }
  });
});

describe('alertLeaseMs', () => {
  it('lasts three intervals, and at least 30 s', () => {
    expect(alertLeaseMs(30_000)).toBe(90_000);
    expect(alertLeaseMs(5_000)).toBe(30_000);
  });
});

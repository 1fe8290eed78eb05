import { describe, expect, it } from 'vitest';
import { minuteRollupFloor, retentionCutoffs } from './retention-cutoffs';
import { describeRetentionPass, type RetentionPassResult } from './run-retention-pass';

const dayMs = 86_400_000;
const now = Date.UTC(2026, 10, 25, 18, 7, 30);
const minute = (ms: number) => Math.floor(ms / 60_000);

describe('retentionCutoffs', () => {
  const cut = retentionCutoffs({ rawDays: 7, rollupDays: 90 }, now);

  it('deletes raw calls exactly at the raw retention', () => {
    expect(cut.requestsBeforeMs).toBe(now - 7 * dayMs);
  });

  it('keeps minute rollups an hour past the floor readers rely on, in whole 10-minute buckets', () => {
    expect(cut.minuteRollupsBeforeMinute % 10).toBe(0);
    expect(cut.minuteRollupsBeforeMinute).toBeLessThanOrEqual(minuteRollupFloor(7, now) - 60);
    expect(cut.minuteRollupsBeforeMinute).toBeGreaterThan(minuteRollupFloor(7, now) - 70);
    // A reader whose clock is up to an hour behind still finds every minute row it reads.
    expect(cut.minuteRollupsBeforeMinute).toBeLessThanOrEqual(minuteRollupFloor(7, now - 3_600_000));
  });

  it('keeps the coarse rollups, ingest counters and alert history for the rollup retention, in whole hours', () => {
    expect(cut.coarseRollupsBeforeMinute % 60).toBe(0);
    expect(cut.coarseRollupsBeforeMinute).toBeLessThanOrEqual(minute(now - 90 * dayMs));
    expect(cut.coarseRollupsBeforeMinute).toBeGreaterThan(minute(now - 90 * dayMs) - 60);
    expect(cut.ingestMinutesBeforeMinute).toBe(minute(now - 90 * dayMs));
    expect(cut.alertHistoryBeforeMs).toBe(now - 90 * dayMs);
  });

  it('forgets login failures after a day and sessions once expired', () => {
    expect(cut.loginFailuresBeforeMs).toBe(now - dayMs);
    expect(cut.sessionsExpiredBeforeMs).toBe(now);
  });
});

describe('describeRetentionPass', () => {
  const nothing: RetentionPassResult = { ran: true, calls: 0, minuteRollups: 0, coarseRollups: 0, other: 0, batches: 11, leaseLost: false, stopped: false };
  const settings = { rawDays: 7, rollupDays: 90 };

  it('says nothing when nothing was deleted', () => {
    expect(describeRetentionPass(nothing, settings, 12)).toBeNull();
  });

  it('gives one line with every count', () => {
    const result = { ...nothing, calls: 120_000, minuteRollups: 4_000, coarseRollups: 300, other: 2, batches: 75 };
    expect(describeRetentionPass(result, settings, 2_345)).toBe(
      '[faultline] retention: deleted 120,000 calls and 4,000 minute rollup rows older than 7 days, 300 rollup rows older than 90 days, 2 other rows in 75 batches (2.3 s)',
    );
    expect(describeRetentionPass({ ...result, stopped: true }, settings, 100)).toMatch(/stopped early\)$/);
  });
});

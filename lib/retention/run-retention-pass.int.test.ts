// The retention pass on a real database: old rows of every table go, recent ones stay, rollups
// outlive raw calls, batches add up, the dashboard's recent figures do not move, the read path
// answers a range crossing the minute-retention boundary from the rollups that are left, and
// only the lease holder prunes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { acquireLease } from '@/lib/db/queries/acquire-lease';
import { getIngestStats } from '@/lib/db/queries/get-ingest-stats';
import { diffNarrowRollups } from '@/lib/db/queries/diff-narrow-rollups';
import { getSummary } from '@/lib/db/queries/get-summary';
import { makeRequest } from '@/lib/testing/make-request';
import { foldAllMarkedBuckets } from '@/lib/rollup/fold-marked-buckets';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { setMinuteRollupRetention } from './minute-rollup-horizon';
import { retentionCutoffs } from './retention-cutoffs';
import { retentionLeaseName, runRetentionPass } from './run-retention-pass';

const t = createTestDatabaseForFile();
const dayMs = 86_400_000;
const now = Date.now();
const settings = { rawDays: 7, rollupDays: 90 };
const minuteOf = (ms: number) => Math.floor(ms / 60_000);
const calls: ClassifiedRequest[] = [];
const ages = { recent: 3 * dayMs, pastRaw: 12 * dayMs, pastRollups: 100 * dayMs };

function callsAged(count: number, maxAgeMs: number, minAgeMs: number, seed: number): ClassifiedRequest[] {
  const statuses = [200, 201, 401, 403, 429, 422];
  return Array.from({ length: count }, (_, i) => {
    const statusCode = statuses[(i * 7 + seed) % statuses.length] ?? 200;
    return makeRequest({
      startMs: now - minAgeMs - Math.floor(((i * 7919 + seed) % 10_007) / 10_007 * (maxAgeMs - minAgeMs)),
      statusCode,
      errorKeys: statusCode === 422 ? ['name: is missing', 'timezone: must be a string'] : statusCode >= 400 ? [`E${statusCode}`] : [],
      endpointId: `ep${i % 3}`,
      apiKeyFingerprint: `fp_${i % 4}`,
    });
  });
}

let summaryBefore: Awaited<ReturnType<typeof getSummary>>;
let statsBefore: Awaited<ReturnType<typeof getIngestStats>>;
const recentFilter = { fromMinute: minuteOf(now - 2 * dayMs) + 3, toMinute: minuteOf(now) + 1 };

beforeAll(async () => {
  // Calls of the last 3 days, of 3 to 12 days ago, and of 90 to 100 days ago, each acknowledged then.
  const groups: [number, number, number][] = [[ages.recent, 0, 1], [ages.pastRaw, ages.recent, 2], [ages.pastRollups, 90 * dayMs + 3_600_000, 3]];
  for (const [maxAge, minAge, seed] of groups) {
    const group = callsAged(600, maxAge, minAge, seed);
    calls.push(...group);
    for (let i = 0; i < group.length; i += 300) await seedCalls(t.db, group.slice(i, i + 300), now - minAge - 60_000 * i);
  }
  // Calls on both sides of the ragged start of the boundary-crossing range below.
  const edge = (minuteOf(now - 10 * dayMs) + 7) * 60_000;
  const edgeCalls = [-5, -1, 0, 2].map((m) => makeRequest({ startMs: edge + m * 60_000 + 1_000, statusCode: 429, errorKeys: ['E429'] }));
  calls.push(...edgeCalls);
  await seedCalls(t.db, edgeCalls);
  // As the fold job would have, seconds after each of these arrived.
  await foldAllMarkedBuckets(t.db);
  const old = BigInt(now - 95 * dayMs);
  const recent = BigInt(now - dayMs);
  const event = { ruleId: 'r1', instanceKey: '', fromState: 'ok', toState: 'firing', threshold: 1 };
  await t.db.prisma.alertEvent.createMany({ data: [{ ...event, atMs: old }, { ...event, atMs: recent }] });
  const delivery = { ruleId: 'r1', instanceKey: '', episode: 1, kind: 'firing', target: 'http://x.test/', payload: '{}', createdMs: old };
  await t.db.prisma.alertDelivery.createMany({
    data: [
      { ...delivery, status: 'delivered', updatedMs: old },
      { ...delivery, status: 'pending', updatedMs: old },
      { ...delivery, status: 'failed', updatedMs: recent },
    ],
  });
  // Old calls went straight to the coarse grains (ingest's old-calls path), narrow ones included.
  expect(await diffNarrowRollups(t.db)).toEqual({ status_total_rollups: 0, status_rollups: 0, endpoint_rollups: 0, key_rollups: 0 });
  summaryBefore = await getSummary(t.db, recentFilter);
  statsBefore = await getIngestStats(t.db);
});

afterAll(() => setMinuteRollupRetention(undefined));

describe('runRetentionPass', () => {
  it('prunes old rows of every table in batches and keeps recent ones', async () => {
    const result = await runRetentionPass(t.db, { holder: 'me', nowMs: now, leaseMs: 60_000, settings, batchSize: 100, minPauseMs: 0 });
    const cut = retentionCutoffs(settings, now);
    const kept = calls.filter((c) => c.startMs >= cut.requestsBeforeMs);
    expect(result).toMatchObject({ ran: true, calls: calls.length - kept.length, leaseLost: false, stopped: false });
    // 1,200 old calls, 100 a batch.
    expect(result.batches).toBeGreaterThan(12);

    const p = t.db.prisma;
    expect(await p.request.count()).toBe(kept.length);
    expect(await p.request.count({ where: { startMs: { lt: BigInt(cut.requestsBeforeMs) } } })).toBe(0);
    const keptKeys = kept.reduce((n, c) => n + new Set(c.errorKeys).size, 0);
    expect(await p.requestErrorKey.count()).toBe(keptKeys);

    for (const table of [p.requestMinute, p.errorKeyMinute] as const) {
      expect(await (table as typeof p.requestMinute).count({ where: { minute: { lt: cut.minuteRollupsBeforeMinute } } })).toBe(0);
    }
    expect(await p.requestMinute.count({ where: { minute: { gte: cut.minuteRollupsBeforeMinute + 60 } } })).toBeGreaterThan(0);
    expect(await p.requestRollup.count({ where: { minute: { lt: cut.coarseRollupsBeforeMinute } } })).toBe(0);
    expect(await p.errorKeyRollup.count({ where: { minute: { lt: cut.coarseRollupsBeforeMinute } } })).toBe(0);
    for (const table of [p.statusTotalRollup, p.statusRollup, p.endpointRollup, p.keyRollup] as const) {
      expect(await (table as typeof p.statusRollup).count({ where: { minute: { lt: cut.coarseRollupsBeforeMinute } } })).toBe(0);
    }
    expect(await p.statusRollup.count({ where: { minute: { gte: cut.coarseRollupsBeforeMinute } } })).toBeGreaterThan(0);
    expect(await diffNarrowRollups(t.db)).toEqual({ status_total_rollups: 0, status_rollups: 0, endpoint_rollups: 0, key_rollups: 0 });

    // Rollups outlive raw calls: the calls of 3 to 12 days ago are all still counted hourly.
    const pastRaw = calls.filter((c) => c.startMs < now - ages.recent && c.startMs > now - ages.pastRaw);
    const hourly = await p.requestRollup.aggregate({ _sum: { count: true }, where: { grain: 60, minute: { gte: cut.coarseRollupsBeforeMinute } } });
    expect(hourly._sum.count).toBe(kept.length + pastRaw.filter((c) => c.startMs < cut.requestsBeforeMs).length);

    expect(await p.alertEvent.count()).toBe(1);
    expect((await p.alertDelivery.findMany({ orderBy: { id: 'asc' } })).map((d) => d.status)).toEqual(['pending', 'failed']);
  });

  it('leaves the recent figures and the all-time ingest counters unchanged', async () => {
    expect(await getSummary(t.db, recentFilter)).toEqual(summaryBefore);
    const stats = await getIngestStats(t.db);
    expect(stats).toEqual(statsBefore);
    const cut = retentionCutoffs(settings, now);
    expect(await t.db.prisma.ingestMinute.count({ where: { minute: { lt: cut.ingestMinutesBeforeMinute } } })).toBe(1);
  });

  it('finds nothing more to delete on the next pass', async () => {
    const result = await runRetentionPass(t.db, { holder: 'me', nowMs: now, leaseMs: 60_000, settings, batchSize: 100 });
    expect(result).toMatchObject({ ran: true, calls: 0, minuteRollups: 0, coarseRollups: 0, other: 0 });
  });

  it('answers a range crossing the minute-retention boundary from 10-minute rollups, its old edge widened', async () => {
    setMinuteRollupRetention(settings.rawDays);
    const filter = { fromMinute: minuteOf(now - 10 * dayMs) + 7, toMinute: minuteOf(now - dayMs) + 3 };
    // The ragged start is older than the minute rollups: it widens to its 10-minute bucket.
    const widenedFrom = Math.floor(filter.fromMinute / 10) * 10;
    const inRange = calls.filter((c) => minuteOf(c.startMs) >= widenedFrom && minuteOf(c.startMs) < filter.toMinute);
    const summary = await getSummary(t.db, filter);
    expect(summary.total).toBe(inRange.length);
    const byErrorKey: Record<string, number> = {};
    for (const c of inRange) for (const k of c.errorKeys) byErrorKey[k] = (byErrorKey[k] ?? 0) + 1;
    expect(summary.byErrorKey).toEqual(byErrorKey);
  });

  it('lets only the lease holder prune', async () => {
    expect(await acquireLease(t.db, { name: retentionLeaseName, holder: 'other', nowMs: Date.now() + 120_000, ttlMs: 60_000 })).toBe(true);
    const result = await runRetentionPass(t.db, { holder: 'me', nowMs: now + 200 * dayMs, leaseMs: 60_000, settings });
    expect(result.ran).toBe(false);
    expect(await t.db.prisma.request.count()).toBeGreaterThan(0);
  });
});

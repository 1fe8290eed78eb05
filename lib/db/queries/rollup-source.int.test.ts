// The tiered rollups give exactly what the raw calls say, for ranges that cut hours and
// 10-minute buckets anywhere, with and without filters, for totals and for chart buckets:
// before the fold job ran (every bucket marked), halfway through, and after it.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { foldAllMarkedBuckets } from '@/lib/rollup/fold-marked-buckets';
import { foldDirtyBucket, listFoldableBuckets } from './fold-dirty-buckets';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { getStatusCountsByBucket } from './get-status-counts-by-bucket';
import { getSummary } from './get-summary';
import type { RollupFilter } from './rollup-filter';

const t = createTestDatabaseForFile();
const calls: ClassifiedRequest[] = [];
// A fixed day, so hour and 10-minute boundaries are known; 5 hours of calls.
const base = Date.UTC(2026, 0, 5, 8, 0);
const hourMs = 3_600_000;
const minuteOf = (ms: number) => Math.floor(ms / 60_000);

beforeAll(async () => {
  const statuses = [200, 200, 201, 401, 403, 429, 422, 0];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const run = randomBytes(3).toString('hex');
  for (let i = 0; i < 1500; i++) {
    const statusCode = statuses[Math.floor(random() * statuses.length)] ?? 200;
    calls.push(
      makeRequest({
        startMs: base + Math.floor(random() * 5 * hourMs),
        statusCode,
        errorKeys: statusCode === 422 ? ['name: is missing', 'timezone: must be a string'] : statusCode >= 400 ? [`E${statusCode}`] : [],
        service: `svc-${run}-${i % 3}`,
        endpointId: `ep${run}${i % 4}`,
        apiKeyFingerprint: `fp_${run}_${i % 5}`,
        durationMs: 10 + (i % 700),
      }),
    );
  }
  for (let i = 0; i < calls.length; i += 500) {
    await seedCalls(t.db, calls.slice(i, i + 500));
  }
});

function truth(filter: RollupFilter) {
  const inRange = calls.filter((c) => {
    const m = minuteOf(c.startMs);
    return (
      m >= filter.fromMinute &&
      m < filter.toMinute &&
      (filter.service === undefined || c.service === filter.service) &&
      (filter.key === undefined || c.apiKeyFingerprint === filter.key)
    );
  });
  const byStatus: Record<string, number> = {};
  const byErrorKey: Record<string, number> = {};
  for (const c of inRange) {
    const code = c.statusCode === 0 ? 'network' : String(c.statusCode);
    byStatus[code] = (byStatus[code] ?? 0) + 1;
    for (const k of c.errorKeys) byErrorKey[k] = (byErrorKey[k] ?? 0) + 1;
  }
  return { inRange, byStatus, byErrorKey };
}

const ranges: [string, number, number][] = [
  ['whole hours', minuteOf(base), minuteOf(base + 5 * hourMs)],
  ['ragged edges', minuteOf(base) + 7, minuteOf(base + 4 * hourMs) + 23],
  ['inside one hour', minuteOf(base) + 61, minuteOf(base) + 97],
  ['inside one 10-minute bucket', minuteOf(base) + 122, minuteOf(base) + 127],
  ['empty', minuteOf(base) + 30, minuteOf(base) + 30],
];

function itAnswersLikeTheRawCalls(): void {
  it.each(ranges)('summaries match the raw calls: %s', async (_name, fromMinute, toMinute) => {
    const service = calls[0]?.service;
    for (const filter of [{ fromMinute, toMinute }, { fromMinute, toMinute, service }, { fromMinute, toMinute, key: calls[1]?.apiKeyFingerprint }]) {
      const expected = truth(filter);
      const summary = await getSummary(t.db, filter);
      expect(summary.total).toBe(expected.inRange.length);
      expect(summary.byStatus).toEqual(expected.byStatus);
      expect(summary.byErrorKey).toEqual(expected.byErrorKey);
    }
  });

  it.each([1, 5, 10, 30, 60, 120])('chart buckets of %i minutes match the raw calls on ragged edges', async (step) => {
    const filter = { fromMinute: minuteOf(base) + 7, toMinute: minuteOf(base + 4 * hourMs) + 23 };
    const rows = await getStatusCountsByBucket(t.db, filter, step);
    const expected = new Map<string, number>();
    for (const c of truth(filter).inRange) {
      const m = minuteOf(c.startMs);
      const id = `${m - (m % step)}/${c.statusCode}`;
      expected.set(id, (expected.get(id) ?? 0) + 1);
    }
    const actual = new Map<string, number>();
    for (const r of rows) {
      const id = `${r.bucketMinute}/${r.statusCode}`;
      actual.set(id, (actual.get(id) ?? 0) + r.count);
    }
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });
}

describe('tiered rollups with every bucket marked for the fold job', () => {
  it('has nothing in the coarse grains yet', async () => {
    expect(await t.db.prisma.requestRollup.count()).toBe(0);
    expect(await t.db.prisma.rollupDirtyBucket.count()).toBe(30);
  });
  itAnswersLikeTheRawCalls();
});

describe('tiered rollups with half the buckets folded', () => {
  beforeAll(async () => {
    const marked = await listFoldableBuckets(t.db, Date.now(), 0, 1_000);
    // Every other bucket: most hours then hold a folded and a marked bucket.
    for (const bucket of marked.filter((_, i) => i % 2 === 0)) expect(await foldDirtyBucket(t.db, bucket)).toBe(true);
  });
  itAnswersLikeTheRawCalls();
});

describe('tiered rollups after the fold job', () => {
  beforeAll(async () => {
    await foldAllMarkedBuckets(t.db);
  });
  itAnswersLikeTheRawCalls();

  it('keeps every grain in step with the minute rollups', async () => {
    const [minutes, tens, hours] = await Promise.all([
      t.db.prisma.requestMinute.aggregate({ _sum: { count: true } }),
      t.db.prisma.requestRollup.aggregate({ _sum: { count: true }, where: { grain: 10 } }),
      t.db.prisma.requestRollup.aggregate({ _sum: { count: true }, where: { grain: 60 } }),
    ]);
    expect(minutes._sum.count).toBe(calls.length);
    expect(tens._sum.count).toBe(calls.length);
    expect(hours._sum.count).toBe(calls.length);
    expect(await t.db.prisma.requestRollup.count({ where: { grain: 60 } })).toBeLessThan(await t.db.prisma.requestMinute.count());
  });
});

// The per-endpoint and per-key stats, the failures-by-bucket sparkline query and the one-pass
// query that answers both for a table, on a real
// database seeded with known calls (SQLite, or PostgreSQL with FAULTLINE_TEST_DB=postgresql).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { type DimensionBucketCount, getFailuresByBucket } from './get-failures-by-bucket';
import { getStatusTotals } from './get-status-totals';
import { endpointStatsFromRow, listEndpointStats } from './list-endpoint-stats';
import { keyStatsFromRow, listKeyStats } from './list-key-stats';
import {
  endpointDimension,
  keyDimension,
  listEndpointStatsWithFailures,
  listInOnePass,
  listKeyStatsWithFailures,
} from './list-stats-with-failures';
import type { RollupFilter } from './rollup-filter';
import { sameRollupRows } from './rollup-source';

const t = createTestDatabaseForFile();
const minute = 60_000;
// 10:00 UTC: a whole hour, so 5- and 60-minute buckets start at known minutes.
const base = Date.UTC(2026, 1, 3, 10, 0);
const m0 = base / minute;
const run = randomBytes(4).toString('hex');
const service = `svc-${run}`;
const otherService = `svc-other-${run}`;
// 16 hex characters like real endpoint ids, in the order of n.
const ep = (n: number) => `${run}${n.toString(16).padStart(8, '0')}`;
const epA = ep(1);
const epB = ep(2);
const epC = ep(3);
const fpA = `fp_a_${run}`;
const fpB = `fp_b_${run}`;

function call(m: number, statusCode: number, overrides: Partial<ClassifiedRequest>): ClassifiedRequest {
  return makeRequest({ startMs: base + m * minute + 1_000, statusCode, service, environment: 'production', ...overrides });
}
const a = { endpointId: epA, method: 'GET', route: '/api/v4/users', host: 'cc1.voiso.com', apiKeyFingerprint: fpA };
const b = { endpointId: epB, method: 'POST', route: '/api/v4/contacts', host: 'cc2.voiso.com', apiKeyFingerprint: fpB };
const c = { endpointId: epC, method: 'GET', route: '/api/v4/calls', host: 'cc1.voiso.com', apiKeyFingerprint: fpB };

// In the range [m0, m0 + 10) for `service`:
//   epA/fpA: 3×401 (m0), 1×429 + 2×200 (m1)          → 6 calls, 4 failures
//   epB/fpB: 2×200 + 1 without response (m2), 1×403 (m3); epB without key: 1×500 (m3) → 5 calls, 3 failures
//   epC/fpB: 5×200 (m4)                               → 5 calls, 0 failures
const calls: ClassifiedRequest[] = [
  call(0, 401, { ...a, durationMs: 10 }),
  call(0, 401, { ...a, durationMs: 20 }),
  call(0, 401, { ...a, durationMs: 30 }),
  call(1, 429, { ...a, durationMs: 40 }),
  call(1, 200, { ...a, durationMs: 100 }),
  call(1, 200, { ...a, durationMs: 200 }),
  call(2, 200, b),
  call(2, 200, b),
  call(2, 0, { ...b, errorType: 'ECONNREFUSED', errorKeys: ['ECONNREFUSED'] }),
  call(3, 403, b),
  call(3, 500, { ...b, apiKeyFingerprint: '', authScheme: 'none' }),
  ...Array.from({ length: 5 }, () => call(4, 200, c)),
  // Outside the range: the minute before and the minute at its end.
  call(-1, 401, a),
  call(10, 401, a),
  // Inside the range, another service.
  call(5, 429, { ...a, service: otherService }),
];
const range: RollupFilter = { fromMinute: m0, toMinute: m0 + 10, service };

beforeAll(async () => {
  await seedCalls(t.db, calls);
  await t.db.prisma.apiKey.update({ where: { fingerprint: fpA }, data: { label: 'billing worker', environment: 'production' } });
});


describe('listEndpointStats', () => {
  it('totals calls, failures (>= 400 and no response) and 401/403/429 per endpoint, with what the endpoint is', async () => {
    const rows = await listEndpointStats(t.db, range, { order: 'errors', limit: 10 });
    expect(rows.map(({ lastSeenMs, meanDurationMs, ...r }) => r)).toEqual([
      { endpointId: epA, method: 'GET', host: 'cc1.voiso.com', route: '/api/v4/users', total: 6, errors: 4, unauthorized: 3, forbidden: 0, rateLimited: 1 },
      { endpointId: epB, method: 'POST', host: 'cc2.voiso.com', route: '/api/v4/contacts', total: 5, errors: 3, unauthorized: 0, forbidden: 1, rateLimited: 0 },
      { endpointId: epC, method: 'GET', host: 'cc1.voiso.com', route: '/api/v4/calls', total: 5, errors: 0, unauthorized: 0, forbidden: 0, rateLimited: 0 },
    ]);
    expect(rows[0]?.meanDurationMs).toBeCloseTo(400 / 6, 6);
    // Last seen is the endpoint's last call ever, not only within the range.
    expect(rows[0]?.lastSeenMs).toBe(base + 10 * minute + 1_000);
  });

  it('orders by calls with failures breaking ties, and the id after that', async () => {
    const rows = await listEndpointStats(t.db, range, { order: 'total', limit: 10 });
    expect(rows.map((r) => r.endpointId)).toEqual([epA, epB, epC]);
    const tie = await listEndpointStats(t.db, { ...range, endpoint: undefined, fromMinute: m0 + 2 }, { order: 'total', limit: 10 });
    // From m2: epC 5 calls, epB 5 calls (3 failures) → epB first; epA 0 calls is absent.
    expect(tie.map((r) => [r.endpointId, r.total, r.errors])).toEqual([
      [epB, 5, 3],
      [epC, 5, 0],
    ]);
  });

  it('keeps only failing endpoints with failingOnly, and honours the limit', async () => {
    expect((await listEndpointStats(t.db, range, { order: 'errors', limit: 10, failingOnly: true })).map((r) => r.endpointId)).toEqual([epA, epB]);
    expect((await listEndpointStats(t.db, range, { order: 'errors', limit: 1 })).map((r) => r.endpointId)).toEqual([epA]);
    expect((await listEndpointStats(t.db, range, { order: 'total', limit: 2, failingOnly: true })).map((r) => r.endpointId)).toEqual([epA, epB]);
  });

  it('applies the key, endpoint and service filters and the range bounds', async () => {
    const byKey = await listEndpointStats(t.db, { ...range, key: fpB }, { order: 'errors', limit: 10 });
    expect(byKey.map((r) => [r.endpointId, r.total, r.errors])).toEqual([
      [epB, 4, 2],
      [epC, 5, 0],
    ]);
    const noKey = await listEndpointStats(t.db, { ...range, key: '' }, { order: 'errors', limit: 10 });
    expect(noKey.map((r) => [r.endpointId, r.total, r.errors])).toEqual([[epB, 1, 1]]);
    const other = await listEndpointStats(t.db, { ...range, service: otherService }, { order: 'errors', limit: 10 });
    expect(other.map((r) => [r.endpointId, r.total, r.rateLimited])).toEqual([[epA, 1, 1]]);
    const wide = await listEndpointStats(t.db, { ...range, fromMinute: m0 - 1, toMinute: m0 + 11 }, { order: 'errors', limit: 10 });
    expect(wide.find((r) => r.endpointId === epA)?.unauthorized).toBe(5);
    expect(await listEndpointStats(t.db, { ...range, fromMinute: m0 + 20, toMinute: m0 + 30 }, { order: 'errors', limit: 10 })).toEqual([]);
  });
});

describe('listKeyStats', () => {
  it('totals per key with the user-given label and environment; calls without a key are the "" row', async () => {
    const rows = await listKeyStats(t.db, range, { order: 'errors', limit: 10 });
    expect(rows).toEqual([
      {
        fingerprint: fpA,
        label: 'billing worker',
        environment: 'production',
        total: 6,
        errors: 4,
        unauthorized: 3,
        forbidden: 0,
        rateLimited: 1,
        // First and last seen are the key's whole history, beyond the range.
        firstSeenMs: base - minute + 1_000,
        lastSeenMs: base + 10 * minute + 1_000,
      },
      {
        fingerprint: fpB,
        label: null,
        environment: null,
        total: 9,
        errors: 2,
        unauthorized: 0,
        forbidden: 1,
        rateLimited: 0,
        firstSeenMs: base + 2 * minute + 1_000,
        lastSeenMs: base + 4 * minute + 1_000,
      },
      { fingerprint: '', label: null, environment: null, total: 1, errors: 1, unauthorized: 0, forbidden: 0, rateLimited: 0, firstSeenMs: null, lastSeenMs: null },
    ]);
  });

  it('orders by calls, filters failing keys, limits, and filters by endpoint', async () => {
    expect((await listKeyStats(t.db, range, { order: 'total', limit: 10 })).map((r) => r.fingerprint)).toEqual([fpB, fpA, '']);
    expect((await listKeyStats(t.db, range, { order: 'total', limit: 1 })).map((r) => r.fingerprint)).toEqual([fpB]);
    expect((await listKeyStats(t.db, { ...range, fromMinute: m0 + 4 }, { order: 'total', limit: 10, failingOnly: true })).map((r) => r.fingerprint)).toEqual([]);
    const byEndpoint = await listKeyStats(t.db, { ...range, endpoint: epB }, { order: 'errors', limit: 10 });
    expect(byEndpoint.map((r) => [r.fingerprint, r.total, r.errors])).toEqual([
      [fpB, 4, 2],
      ['', 1, 1],
    ]);
  });
});

describe('getFailuresByBucket', () => {
  const sorted = (rows: DimensionBucketCount[]) => [...rows].sort((x, y) => x.bucketMinute - y.bucketMinute || x.id.localeCompare(y.id));

  it('gives calls and failures per minute for the asked endpoints, and no row for minutes without calls', async () => {
    const rows = await getFailuresByBucket(t.db, range, 'endpoint', [epA, epB, epC], 1);
    expect(sorted(rows)).toEqual(
      sorted([
        { id: epA, bucketMinute: m0, total: 3, failures: 3 },
        { id: epA, bucketMinute: m0 + 1, total: 3, failures: 1 },
        { id: epB, bucketMinute: m0 + 2, total: 3, failures: 1 },
        { id: epB, bucketMinute: m0 + 3, total: 2, failures: 2 },
        { id: epC, bucketMinute: m0 + 4, total: 5, failures: 0 },
      ]),
    );
  });

  it('sums whole buckets of a wider step, only for the asked ids', async () => {
    expect(sorted(await getFailuresByBucket(t.db, range, 'endpoint', [epA, epC], 5))).toEqual([
      { id: epA, bucketMinute: m0, total: 6, failures: 4 },
      { id: epC, bucketMinute: m0, total: 5, failures: 0 },
    ]);
  });

  it('works per key, including the "" key, and answers [] for no ids', async () => {
    expect(sorted(await getFailuresByBucket(t.db, range, 'key', [fpB, ''], 1))).toEqual([
      { id: fpB, bucketMinute: m0 + 2, total: 3, failures: 1 },
      { id: '', bucketMinute: m0 + 3, total: 1, failures: 1 },
      { id: fpB, bucketMinute: m0 + 3, total: 1, failures: 1 },
      { id: fpB, bucketMinute: m0 + 4, total: 5, failures: 0 },
    ]);
    expect(await getFailuresByBucket(t.db, range, 'key', [], 1)).toEqual([]);
  });
});

describe('over several hours (read partly from the coarse rollups)', () => {
  const hours = `svc-hours-${run}`;
  const epH = ep(9);
  const start = Date.UTC(2026, 1, 4, 0, 0);
  const at = (h: number, m: number) => start + h * 3_600_000 + m * minute + 5_000;
  const h = (hh: number, mm: number, statusCode: number) =>
    makeRequest({ startMs: at(hh, mm), statusCode, service: hours, endpointId: epH, apiKeyFingerprint: fpA });

  beforeAll(async () => {
    const batch = [h(0, 5, 401), h(0, 59, 200), h(1, 0, 429), h(1, 30, 200), h(2, 15, 403), h(2, 45, 0), h(3, 10, 401)];
    await seedCalls(t.db, batch);
  });

  // 00:03 – 03:05: cuts into the first and last hour.
  const filter: RollupFilter = { fromMinute: start / minute + 3, toMinute: start / minute + 3 * 60 + 5, service: hours };

  it('totals exactly what the raw calls say', async () => {
    const [stats] = await listEndpointStats(t.db, filter, { order: 'errors', limit: 5 });
    expect(stats && [stats.total, stats.errors, stats.unauthorized, stats.forbidden, stats.rateLimited]).toEqual([6, 4, 1, 1, 1]);
    const [key] = await listKeyStats(t.db, filter, { order: 'errors', limit: 5 });
    expect(key && [key.fingerprint, key.total, key.errors]).toEqual([fpA, 6, 4]);
    expect(await getStatusTotals(t.db, filter)).toEqual({ total: 6, byStatus: { '200': 2, '401': 1, '403': 1, '429': 1, network: 1 } });
  });

  it('buckets by hour', async () => {
    const first = start / minute;
    expect(await getFailuresByBucket(t.db, filter, 'endpoint', [epH], 60)).toEqual([
      { id: epH, bucketMinute: first, total: 2, failures: 1 },
      { id: epH, bucketMinute: first + 60, total: 2, failures: 1 },
      { id: epH, bucketMinute: first + 120, total: 2, failures: 2 },
    ]);
  });
});

describe('listEndpointStatsWithFailures / listKeyStatsWithFailures', () => {
  const byBucket = (rows: DimensionBucketCount[]) => [...rows].sort((x, y) => x.bucketMinute - y.bucketMinute || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const first = Date.UTC(2026, 1, 4, 0, 0) / minute;
  const filters: RollupFilter[] = [
    range,
    { ...range, key: fpB },
    { ...range, key: '' },
    { ...range, endpoint: epB },
    { ...range, fromMinute: m0 + 2 },
    { ...range, fromMinute: m0 - 1, toMinute: m0 + 11 },
    { ...range, fromMinute: m0 + 20, toMinute: m0 + 30 },
    { fromMinute: first + 3, toMinute: first + 3 * 60 + 5, service: `svc-hours-${run}` },
  ];
  const options = [
    { order: 'errors', limit: 10 },
    { order: 'total', limit: 2 },
    { order: 'errors', limit: 1, failingOnly: true },
    { order: 'total', limit: 10, failingOnly: true },
  ] as const;

  it('answers exactly what the stats query and then the sparkline query for its ids answer, in one pass or two', async () => {
    for (const filter of filters) {
      for (const o of options) {
        for (const step of [1, 5, 60]) {
          const endpointStats = await listEndpointStats(t.db, filter, o);
          const endpointIds = endpointStats.map((s) => s.endpointId);
          const endpointBuckets = byBucket(await getFailuresByBucket(t.db, filter, 'endpoint', endpointIds, step));
          for (const endpoints of [
            await listEndpointStatsWithFailures(t.db, filter, o, step),
            await listInOnePass(t.db, endpointDimension, filter, o, step, endpointStatsFromRow, (s) => s.endpointId),
          ]) {
            expect(endpoints.stats).toEqual(endpointStats);
            expect(byBucket(endpoints.buckets)).toEqual(endpointBuckets);
          }
          const keyStats = await listKeyStats(t.db, filter, o);
          const keyIds = keyStats.map((s) => s.fingerprint);
          const keyBuckets = byBucket(await getFailuresByBucket(t.db, filter, 'key', keyIds, step));
          for (const keys of [
            await listKeyStatsWithFailures(t.db, filter, o, step),
            await listInOnePass(t.db, keyDimension, filter, o, step, keyStatsFromRow, (s) => s.fingerprint),
          ]) {
            expect(keys.stats).toEqual(keyStats);
            expect(byBucket(keys.buckets)).toEqual(keyBuckets);
          }
        }
      }
    }
    // One pass exactly where the sparklines read the ranking's rows: hourly steps, not 10-minute ones.
    expect(sameRollupRows({ fromMinute: first + 3, toMinute: first + 3 + 7 * 24 * 60 }, 60)).toBe(true);
    expect(sameRollupRows({ fromMinute: first + 3, toMinute: first + 3 + 24 * 60 }, 10)).toBe(false);
    // The fixture ranks something in both tables and draws failures.
    const some = await listInOnePass(t.db, endpointDimension, range, { order: 'errors', limit: 10 }, 1, endpointStatsFromRow, (s) => s.endpointId);
    expect(some.stats.map((s) => s.endpointId)).toEqual([epA, epB, epC]);
    expect(some.buckets.filter((b) => b.id === epA)).toEqual([
      { id: epA, bucketMinute: m0, total: 3, failures: 3 },
      { id: epA, bucketMinute: m0 + 1, total: 3, failures: 1 },
    ]);
  });
});

describe('getStatusTotals', () => {
  it('totals calls by status over the range, "network" for calls without a response', async () => {
    expect(await getStatusTotals(t.db, range)).toEqual({ total: 16, byStatus: { '200': 9, '401': 3, '403': 1, '429': 1, '500': 1, network: 1 } });
    expect(await getStatusTotals(t.db, { ...range, fromMinute: m0 + 20, toMinute: m0 + 30 })).toEqual({ total: 0, byStatus: {} });
  });
});

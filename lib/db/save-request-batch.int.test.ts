import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/test-database';
import { makeRequest } from '@/lib/testing/make-request';
import { saveRequestBatch, saveRequestBatches } from './save-request-batch';
import { toNumber } from './sql-dialect';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const tally = (n: number) => ({ received: n, ignored: 0, rejected: 0 });

describe('saveRequestBatch', () => {
  it('stores new calls once and folds only new ones into the rollups', async () => {
    const minute = Date.UTC(2026, 0, 1, 10, 0);
    const batch = [
      makeRequest({ startMs: minute + 1_000, statusCode: 401, durationMs: 10 }),
      makeRequest({ startMs: minute + 2_000, statusCode: 401, durationMs: 300 }),
      makeRequest({ startMs: minute + 3_000, statusCode: 200, durationMs: 20 }),
      makeRequest({
        startMs: minute + 4_000,
        statusCode: 422,
        errorKeys: ['name: is missing', 'timezone: must be a string'],
      }),
    ];
    const first = await saveRequestBatch(t.db, batch, tally(4), Date.now());
    expect(first).toEqual({ stored: 4, duplicates: 0 });

    // An exporter retry resends two of them, plus one new call.
    const retry = [batch[0]!, batch[3]!, makeRequest({ startMs: minute + 5_000, statusCode: 401, durationMs: 5 })];
    const second = await saveRequestBatch(t.db, retry, tally(3), Date.now());
    expect(second).toEqual({ stored: 1, duplicates: 2 });

    expect(await t.db.prisma.request.count()).toBe(5);
    const rollup = await t.db.prisma.requestMinute.findMany({ where: { statusCode: 401 } });
    expect(rollup).toHaveLength(1);
    expect(rollup[0]).toMatchObject({ count: 3, durationMaxMs: 300 });
    expect(rollup[0]!.durationSumMs).toBeCloseTo(315);
    expect(rollup[0]).toMatchObject({ latLe50: 2, latLe500: 1 });

    const keys = await t.db.prisma.errorKeyMinute.findMany({ orderBy: { errorKey: 'asc' } });
    expect(keys.map((k) => [k.errorKey, k.count])).toEqual([
      ['Unauthorized', 3],
      ['name: is missing', 1],
      ['timezone: must be a string', 1],
    ]);
    expect(await t.db.prisma.requestErrorKey.count()).toBe(5);

    const ingest = await t.db.prisma.ingestMinute.findMany();
    const sum = (f: 'received' | 'stored' | 'duplicates') => ingest.reduce((a, r) => a + toNumber(r[f]), 0);
    expect([sum('received'), sum('stored'), sum('duplicates')]).toEqual([7, 5, 2]);

    const endpoint = await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: 'ep00000000000001' } });
    expect(Number(endpoint.firstSeenMs)).toBe(minute + 1_000);
    expect(Number(endpoint.lastSeenMs)).toBe(minute + 5_000);
  });

  it('counts a span repeated inside one export request once', async () => {
    const r = makeRequest({ endpointId: 'ep00000000000002' });
    const result = await saveRequestBatch(t.db, [r, { ...r }], tally(2), Date.now());
    expect(result).toEqual({ stored: 1, duplicates: 1 });
  });

  it('handles batches larger than one multi-row statement', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) =>
      makeRequest({ endpointId: 'ep00000000000003', statusCode: i % 3 === 0 ? 429 : 200, errorKeys: i % 3 === 0 ? ['Too many requests'] : [] }),
    );
    const result = await saveRequestBatch(t.db, many, tally(many.length), Date.now());
    expect(result.stored).toBe(3_000);
    const rows = await t.db.prisma.requestMinute.findMany({ where: { endpointId: 'ep00000000000003' } });
    expect(rows.reduce((a, r) => a + r.count, 0)).toBe(3_000);
  });

  it('survives concurrent writers of the same rollup rows', async () => {
    const minute = Date.UTC(2026, 0, 2, 10, 0);
    const batches = Array.from({ length: 8 }, () =>
      Array.from({ length: 50 }, () => makeRequest({ endpointId: 'ep00000000000004', startMs: minute, statusCode: 403, errorKeys: ['Forbidden'] })),
    );
    const results = await Promise.all(batches.map((b) => saveRequestBatch(t.db, b, tally(b.length), Date.now())));
    expect(results.reduce((a, r) => a + r.stored, 0)).toBe(400);
    const row = await t.db.prisma.requestMinute.findFirstOrThrow({ where: { endpointId: 'ep00000000000004' } });
    expect(row.count).toBe(400);
  });

  it('saves several exports in one transaction with a result per export', async () => {
    const minute = Date.UTC(2026, 0, 3, 10, 0);
    const call = (statusCode: number, second: number) => makeRequest({ endpointId: 'ep00000000000005', startMs: minute + second * 1_000, statusCode });
    const already = call(429, 1);
    await saveRequestBatch(t.db, [already], tally(1), minute);
    const shared = call(401, 2);
    const exports = [
      { requests: [call(200, 3), shared, already], tally: { received: 4, ignored: 1, rejected: 0 }, receivedMs: minute + 10_000 },
      // The same span as the first export's: stored once, a duplicate here.
      { requests: [{ ...shared }, call(401, 4)], tally: tally(2), receivedMs: minute + 20_000 },
      { requests: [], tally: { received: 3, ignored: 2, rejected: 1 }, receivedMs: minute + 70_000 },
    ];
    const results = await saveRequestBatches(t.db, exports);
    expect(results).toEqual([
      { stored: 2, duplicates: 1 },
      { stored: 1, duplicates: 1 },
      { stored: 0, duplicates: 0 },
    ]);
    const rows = await t.db.prisma.requestMinute.findMany({ where: { endpointId: 'ep00000000000005' }, orderBy: { statusCode: 'asc' } });
    expect(rows.map((r) => [r.statusCode, r.count])).toEqual([[200, 1], [401, 2], [429, 1]]);
    const stored = await t.db.prisma.request.findMany({ where: { endpointId: 'ep00000000000005' }, orderBy: { startMs: 'asc' } });
    // Each call keeps the arrival time of the export it came in.
    expect(stored.map((r) => Number(r.receivedMs))).toEqual([minute, minute + 10_000, minute + 10_000, minute + 20_000]);
    // Counters land in each export's arrival minute.
    const counters = await t.db.prisma.ingestMinute.findMany({ where: { minute: { in: [minute / 60_000, minute / 60_000 + 1] } }, orderBy: { minute: 'asc' } });
    expect(counters.map((c) => [c.received, c.stored, c.duplicates, c.ignored, c.rejected].map(Number))).toEqual([
      [1 + 4 + 2, 1 + 2 + 1, 2, 1, 0],
      [3, 0, 0, 2, 1],
    ]);
  });
});

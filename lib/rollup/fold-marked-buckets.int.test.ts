// Ingest marks 10-minute buckets and the fold job rebuilds their coarse rollups: the rebuilt
// rows equal folding the calls directly, a bucket written during its fold stays marked,
// calls older than foldFromMinute skip the marks, retention keeps the minute rows the fold
// still needs, and the runner folds by itself. The narrow coarse rollups always equal
// request_rollups summed onto their dimensions.
import { afterAll, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { deleteOldRollups } from '@/lib/db/queries/delete-old-rollups';
import { diffNarrowRollups } from '@/lib/db/queries/diff-narrow-rollups';
import { closedBucketQuietMs, foldDirtyBucket, listFoldableBuckets } from '@/lib/db/queries/fold-dirty-buckets';
import { saveRequestBatch } from '@/lib/db/save-request-batch';
import { makeRequest } from '@/lib/testing/make-request';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { foldAllMarkedBuckets, foldMarkedBuckets } from './fold-marked-buckets';
import { rollupMinutes } from './rollup-minutes';
import { type RollupFoldRunner, startRollupFoldRunner } from './start-rollup-fold-runner';

const t = createTestDatabaseForFile();
const tally = (n: number) => ({ received: n, ignored: 0, rejected: 0 });
const minuteOf = (ms: number) => Math.floor(ms / 60_000);
// Each test works in its own day, far from the others.
const day = (n: number) => Date.UTC(2026, 1, n, 9, 0);

function calls(startMs: number, count: number, spreadMinutes: number, endpointId: string): ClassifiedRequest[] {
  const statuses = [200, 401, 403, 429, 422];
  return Array.from({ length: count }, (_, i) => {
    const statusCode = statuses[i % statuses.length]!;
    return makeRequest({
      startMs: startMs + ((i * 7919) % (spreadMinutes * 60)) * 1_000,
      statusCode,
      endpointId,
      apiKeyFingerprint: `fp_${i % 3}`,
      durationMs: 5 + ((i * 37) % 3_000),
      errorKeys: statusCode === 422 ? ['name: is missing', 'email: is invalid'] : statusCode >= 400 ? [`E${statusCode}`] : [],
    });
  });
}

async function coarseRows(endpointId: string, grain: number) {
  const rows = await t.db.prisma.requestRollup.findMany({ where: { endpointId, grain } });
  return rows
    .map((r) => `${r.minute}/${r.apiKeyFingerprint}/${r.statusCode}: ${r.count} ${r.durationMaxMs} ${r.latLe50}/${r.latLe1000}/${r.latLe5000}`)
    .sort();
}

function expectedRows(list: ClassifiedRequest[], grain: number) {
  return rollupMinutes(list, grain)
    .requestMinutes.map((r) => `${r.minute}/${r.apiKeyFingerprint}/${r.statusCode}: ${r.count} ${r.durationMaxMs} ${r.latencyBuckets[0]}/${r.latencyBuckets[4]}/${r.latencyBuckets[6]}`)
    .sort();
}

const noDifference = { status_total_rollups: 0, status_rollups: 0, endpoint_rollups: 0, key_rollups: 0 };

let runner: RollupFoldRunner | undefined;
afterAll(async () => {
  await runner?.stop();
});

describe('folding marked buckets', () => {
  it('rebuilds grain 10 and 60 exactly as folding the calls directly would', async () => {
    const list = calls(day(1) + 7 * 60_000, 900, 150, 'ep_fold_exact');
    for (let i = 0; i < list.length; i += 300) await saveRequestBatch(t.db, list.slice(i, i + 300), tally(300), Date.now());
    expect(await coarseRows('ep_fold_exact', 10)).toEqual([]);
    const marked = await t.db.prisma.rollupDirtyBucket.findMany({ where: { bucketMinute: { gte: minuteOf(day(1)), lt: minuteOf(day(2)) } } });
    expect(marked.map((m) => m.bucketMinute)).toEqual(Array.from({ length: 16 }, (_, i) => minuteOf(day(1)) + i * 10));

    await foldAllMarkedBuckets(t.db);
    expect(await coarseRows('ep_fold_exact', 10)).toEqual(expectedRows(list, 10));
    expect(await coarseRows('ep_fold_exact', 60)).toEqual(expectedRows(list, 60));
    const keys = await t.db.prisma.errorKeyRollup.aggregate({ _sum: { count: true }, where: { endpointId: 'ep_fold_exact', grain: 60 } });
    expect(keys._sum.count).toBe(list.reduce((n, c) => n + c.errorKeys.length, 0));
    expect(await t.db.prisma.rollupDirtyBucket.count()).toBe(0);

    expect(await diffNarrowRollups(t.db)).toEqual(noDifference);
    expect(await t.db.prisma.statusRollup.count({ where: { grain: 60 } })).toBeGreaterThan(0);

    // Idempotent: folding a bucket again changes nothing.
    await foldDirtyBucket(t.db, { bucketMinute: minuteOf(day(1)) + 20, version: 0 });
    expect(await coarseRows('ep_fold_exact', 60)).toEqual(expectedRows(list, 60));
    expect(await diffNarrowRollups(t.db)).toEqual(noDifference);
  });

  it('folds a closed bucket after a short lull in its writes and an open one only after it was quiet', async () => {
    const now = Date.now();
    const closedBucket = minuteOf(now - 3 * 3_600_000) - (minuteOf(now - 3 * 3_600_000) % 10);
    const recentBucket = minuteOf(now - 15 * 60_000) - (minuteOf(now - 15 * 60_000) % 10);
    await saveRequestBatch(t.db, calls(closedBucket * 60_000, 10, 5, 'ep_fold_open'), tally(10), now);
    await saveRequestBatch(t.db, calls(recentBucket * 60_000, 10, 5, 'ep_fold_open'), tally(10), now);
    await saveRequestBatch(t.db, [makeRequest({ startMs: now, endpointId: 'ep_fold_open' })], tally(1), now);
    // Just written: only the bucket that closed over an hour ago is folded anyway.
    expect((await listFoldableBuckets(t.db, Date.now(), 60_000, 100)).map((b) => b.bucketMinute)).toEqual([closedBucket]);
    const afterLull = Date.now() + closedBucketQuietMs + 100;
    expect((await listFoldableBuckets(t.db, afterLull, 60_000, 100)).map((b) => b.bucketMinute)).toEqual([closedBucket, recentBucket]);
    expect((await listFoldableBuckets(t.db, Date.now() + 61_000, 60_000, 100)).length).toBe(3);
    expect(await foldMarkedBuckets(t.db, { nowMs: afterLull, quietMs: 60_000 })).toEqual({ folded: 2, changedMeanwhile: 0 });
    expect(await t.db.prisma.rollupDirtyBucket.count()).toBe(1);
    await foldAllMarkedBuckets(t.db);
  });

  it('keeps a bucket marked when calls arrive during its fold, and folds them next time', async () => {
    const first = calls(day(3), 50, 9, 'ep_fold_race');
    await saveRequestBatch(t.db, first, tally(50), Date.now());
    const [bucket] = await listFoldableBuckets(t.db, Date.now(), 0, 1);
    // Stored after the fold job read the mark, before its fold committed.
    const late = calls(day(3) + 30_000, 20, 9, 'ep_fold_race');
    await saveRequestBatch(t.db, late, tally(20), Date.now());
    expect(await foldDirtyBucket(t.db, bucket!)).toBe(false);
    expect(await t.db.prisma.rollupDirtyBucket.count()).toBe(1);
    await foldAllMarkedBuckets(t.db);
    expect(await coarseRows('ep_fold_race', 60)).toEqual(expectedRows([...first, ...late], 60));
  });

  it('writes calls older than foldFromMinute straight into the coarse grains, unmarked', async () => {
    const old = calls(day(5), 40, 30, 'ep_fold_old');
    const recent = calls(day(6), 40, 30, 'ep_fold_old');
    await saveRequestBatch(t.db, [...old, ...recent], tally(80), Date.now(), { foldFromMinute: minuteOf(day(6)) });
    expect(await coarseRows('ep_fold_old', 60)).toEqual(expectedRows(old, 60));
    // The old calls reached the narrow tables too, before any fold.
    expect(await diffNarrowRollups(t.db)).toEqual(noDifference);
    // Again, into rows that exist: the narrow rows add up, as request_rollups' do.
    const older = calls(day(5) + 5 * 60_000, 20, 10, 'ep_fold_old');
    await saveRequestBatch(t.db, older, tally(20), Date.now(), { foldFromMinute: minuteOf(day(6)) });
    old.push(...older);
    expect(await diffNarrowRollups(t.db)).toEqual(noDifference);
    const marked = await t.db.prisma.rollupDirtyBucket.findMany();
    expect(marked.map((m) => m.bucketMinute)).toEqual([0, 10, 20].map((m) => minuteOf(day(6)) + m));
    await foldAllMarkedBuckets(t.db);
    expect(await coarseRows('ep_fold_old', 60)).toEqual(expectedRows([...old, ...recent], 60));
  });

  it('never prunes the minute rows of a bucket still marked', async () => {
    const list = calls(day(8), 30, 20, 'ep_fold_prune');
    await saveRequestBatch(t.db, list, tally(30), Date.now());
    const before = await t.db.prisma.requestMinute.count({ where: { endpointId: 'ep_fold_prune' } });
    await deleteOldRollups(t.db, 'request_minutes', minuteOf(day(9)), 10_000);
    expect(await t.db.prisma.requestMinute.count({ where: { endpointId: 'ep_fold_prune' } })).toBe(before);
    await foldAllMarkedBuckets(t.db);
    await deleteOldRollups(t.db, 'request_minutes', minuteOf(day(9)), 10_000);
    expect(await t.db.prisma.requestMinute.count({ where: { endpointId: 'ep_fold_prune' } })).toBe(0);
    expect(await coarseRows('ep_fold_prune', 60)).toEqual(expectedRows(list, 60));
  });

  it('runs in the server as a job that folds by itself', async () => {
    const list = calls(day(10), 60, 25, 'ep_fold_runner');
    await saveRequestBatch(t.db, list, tally(60), Date.now());
    runner = startRollupFoldRunner(t.db, { intervalMs: 50, quietMs: 0, log: () => {} });
    const deadline = Date.now() + 10_000;
    while ((await t.db.prisma.rollupDirtyBucket.count()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await t.db.prisma.rollupDirtyBucket.count()).toBe(0);
    expect(runner.folded).toBeGreaterThanOrEqual(3);
    expect(await coarseRows('ep_fold_runner', 60)).toEqual(expectedRows(list, 60));
    // Gives the lease up, as on shutdown, for the next test's runner.
    await runner.stop();
  });
});

describe('folding while ingest writes the same buckets', () => {
  it('ends with every grain equal to the calls, on concurrent writers and a fast fold job', async () => {
    const start = day(12);
    const written: ClassifiedRequest[] = [];
    let writing = true;
    const fold = startRollupFoldRunner(t.db, { intervalMs: 5, quietMs: 0, log: () => {} });
    try {
      // Four writers keep hitting the same few buckets while the job folds them over and over.
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let round = 0; writing; round++) {
          const batch = calls(start + ((round * 4 + w) % 30) * 60_000, 40, 3, 'ep_fold_concurrent');
          await saveRequestBatch(t.db, batch, tally(batch.length), Date.now());
          written.push(...batch);
          // A SQLite write never waits on I/O: without a turn of the event loop the fold job's
          // timer (and the one ending this loop) would never run.
          await new Promise((resolve) => setImmediate(resolve));
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      writing = false;
      await Promise.all(writers);
      const deadline = Date.now() + 15_000;
      while ((await t.db.prisma.rollupDirtyBucket.count()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await fold.stop();
    }
    expect(written.length).toBeGreaterThan(400);
    expect(fold.folded).toBeGreaterThan(3);
    expect(await t.db.prisma.rollupDirtyBucket.count()).toBe(0);
    expect(await coarseRows('ep_fold_concurrent', 10)).toEqual(expectedRows(written, 10));
    expect(await coarseRows('ep_fold_concurrent', 60)).toEqual(expectedRows(written, 60));
    expect(await diffNarrowRollups(t.db)).toEqual(noDifference);
  });
});

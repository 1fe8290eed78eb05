// Rebuilds the coarse rollups (request_rollups/error_key_rollups) of 10-minute buckets that
// ingest marked in rollup_dirty_buckets: grain 10 from the bucket's minute rows, then grain 60
// for its hour from the hour's grain-10 rows, then removes the mark unless ingest moved its
// version meanwhile (the bucket is then rebuilt again next time). One transaction per bucket.
// The narrow coarse rollups (lib/rollup/narrow-rollups.ts) are rebuilt from the wide rows just
// written, in the same transaction, so they never disagree with them.
// Rebuilding (not adding) makes a fold idempotent: a crash or a second run changes nothing.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { rollupDimensionColumns } from '../rollup-columns';
import { latencyBucketColumns } from '../latency-buckets';
import { toNumber } from '../sql-dialect';
import { rebuildNarrowBucketSql } from './narrow-rollup-sql';

export interface DirtyBucket {
  bucketMinute: number;
  version: number;
}

const latencySums = latencyBucketColumns.map((c) => `SUM(${c})`).join(', ');
const requestColumns = Prisma.raw(`grain, minute, ${rollupDimensionColumns}, status_class, count, duration_sum_ms, duration_max_ms, ${latencyBucketColumns.join(', ')}`);
const requestAggregates = Prisma.raw(`${rollupDimensionColumns}, status_class, SUM(count), SUM(duration_sum_ms), MAX(duration_max_ms), ${latencySums}`);
const requestGroup = Prisma.raw(`${rollupDimensionColumns}, status_class`);
const errorKeyColumns = Prisma.raw(`grain, minute, ${rollupDimensionColumns}, error_key, count`);
const errorKeyAggregates = Prisma.raw(`${rollupDimensionColumns}, error_key, SUM(count)`);
const errorKeyGroup = Prisma.raw(`${rollupDimensionColumns}, error_key`);

/** A closed bucket still being written (late spans, an exporter's backlog) waits for a lull this long. */
export const closedBucketQuietMs = 1_000;
/** ...unless it closed this long ago: then every pass folds it, so a steady trickle cannot keep it marked. */
const closedBucketMaxWaitMinutes = 60;

/**
 * Marked buckets ready to fold, oldest first: closed ones (the current minute is past them)
 * after a short lull in their writes, and open ones that had no new calls for `quietMs`. A
 * bucket under writes is not rebuilt again and again (each rebuild rereads all its rows and
 * holds the write lock), while a pause still folds everything within seconds.
 */
export async function listFoldableBuckets(db: Database, nowMs: number, quietMs: number, limit: number): Promise<DirtyBucket[]> {
  const nowMinute = Math.floor(nowMs / 60_000);
  const rows = await db.prisma.$queryRaw<{ bucket_minute: unknown; version: unknown }[]>`
    SELECT bucket_minute, version FROM rollup_dirty_buckets
    WHERE (bucket_minute + 10 <= ${nowMinute} AND changed_ms <= ${nowMs - closedBucketQuietMs})
       OR bucket_minute + ${10 + closedBucketMaxWaitMinutes} <= ${nowMinute}
       OR changed_ms <= ${nowMs - quietMs}
    ORDER BY bucket_minute LIMIT ${limit}`;
  return rows.map((r) => ({ bucketMinute: toNumber(r.bucket_minute), version: toNumber(r.version) }));
}

/** Rebuilds one bucket's grain-10 rows and its hour's grain-60 rows; true when the mark was removed. */
export async function foldDirtyBucket(db: Database, bucket: DirtyBucket): Promise<boolean> {
  const b = bucket.bucketMinute;
  const hour = b - (b % 60);
  return db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM request_rollups WHERE grain = 10 AND minute = ${b}`;
      await tx.$executeRaw`
        INSERT INTO request_rollups (${requestColumns})
        SELECT 10, ${b}, ${requestAggregates} FROM request_minutes
        WHERE minute >= ${b} AND minute < ${b + 10} GROUP BY ${requestGroup}`;
      await tx.$executeRaw`DELETE FROM error_key_rollups WHERE grain = 10 AND minute = ${b}`;
      await tx.$executeRaw`
        INSERT INTO error_key_rollups (${errorKeyColumns})
        SELECT 10, ${b}, ${errorKeyAggregates} FROM error_key_minutes
        WHERE minute >= ${b} AND minute < ${b + 10} GROUP BY ${errorKeyGroup}`;
      // The hour from its grain-10 rows: they are complete for every bucket not marked, and a
      // marked one makes readers skip this hour row until that bucket is folded too.
      await tx.$executeRaw`DELETE FROM request_rollups WHERE grain = 60 AND minute = ${hour}`;
      await tx.$executeRaw`
        INSERT INTO request_rollups (${requestColumns})
        SELECT 60, ${hour}, ${requestAggregates} FROM request_rollups
        WHERE grain = 10 AND minute >= ${hour} AND minute < ${hour + 60} GROUP BY ${requestGroup}`;
      await tx.$executeRaw`DELETE FROM error_key_rollups WHERE grain = 60 AND minute = ${hour}`;
      await tx.$executeRaw`
        INSERT INTO error_key_rollups (${errorKeyColumns})
        SELECT 60, ${hour}, ${errorKeyAggregates} FROM error_key_rollups
        WHERE grain = 10 AND minute >= ${hour} AND minute < ${hour + 60} GROUP BY ${errorKeyGroup}`;
      const rebuilt = [
        { grain: 10, minute: b },
        { grain: 60, minute: hour },
      ];
      for (const statement of rebuildNarrowBucketSql(rebuilt)) await tx.$executeRaw(statement);
      const removed = await tx.$executeRaw`
        DELETE FROM rollup_dirty_buckets WHERE bucket_minute = ${b} AND version = ${bucket.version}`;
      return removed === 1;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

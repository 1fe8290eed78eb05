// The rows of one coarse rollup segment (grain 10 or 60) as rollup-source.ts reads them.
// Coarse rows of a bucket marked in rollup_dirty_buckets are stale until the fold job rebuilds
// them (fold-dirty-buckets.ts): the segment skips the rows whose bucket (grain 10) or hour
// (grain 60) holds a marked bucket, and reads those stretches from minute rows instead, driven
// by the few marks so the minute table is range-scanned only there. One statement, so marks
// and rows come from one snapshot even while a fold commits.
import { Prisma } from '../generated/sqlite/client';

export interface CoarseSegmentTables {
  minutes: Prisma.Sql;
  coarse: Prisma.Sql;
  columns: Prisma.Sql;
}

export function coarseSegmentSql(
  tables: CoarseSegmentTables,
  segment: { grain: number; fromMinute: number; toMinute: number },
  dimensions: Prisma.Sql,
): Prisma.Sql {
  const { grain: g, fromMinute: from, toMinute: to } = segment;
  const marks = Prisma.sql`FROM rollup_dirty_buckets WHERE bucket_minute >= ${from} AND bucket_minute < ${to}`;
  // Rows before the first marked block skip the NOT IN probe (10% of a 7-day query at 10M).
  return Prisma.sql`SELECT ${tables.columns} FROM ${tables.coarse}
    WHERE grain = ${g} AND minute >= ${from} AND minute < ${to}${dimensions}
      AND (minute < COALESCE((SELECT MIN(bucket_minute - bucket_minute % ${g}) ${marks}), ${to}) OR minute NOT IN (SELECT bucket_minute - bucket_minute % ${g} ${marks}))
    UNION ALL
    SELECT ${tables.columns} FROM (SELECT DISTINCT bucket_minute - bucket_minute % ${g} AS block_start ${marks}) marked
    JOIN ${tables.minutes} ON minute >= marked.block_start AND minute < marked.block_start + ${g}
    WHERE true${dimensions}`;
}

// Deletes rollup rows before an epoch minute, at most `limit` per call (one short statement),
// from the minute tables or from one grain of the coarse tables. Both are keyed by (grain,)
// minute first, so the range scan uses the primary key. The narrow coarse tables
// (lib/rollup/narrow-rollups.ts) are pruned at the same cutoff as request_rollups.
import { endpointRollups, keyRollups, type NarrowTableName, statusRollups, statusTotalRollups } from '@/lib/rollup/narrow-rollups';
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { rollupDimensionColumns } from '../rollup-columns';
import { rowLocatorSql } from '../sql-dialect';

export type CoarseRollupTable = 'request_rollups' | 'error_key_rollups' | NarrowTableName;
export type RollupTable = 'request_minutes' | 'error_key_minutes' | CoarseRollupTable;

// On SQLite a batch is addressed by primary key: request_minutes, request_rollups and the
// narrow rollups are WITHOUT ROWID tables (migrations …_rollups_without_rowid, …_narrow_rollups).
const primaryKeys: Readonly<Record<RollupTable, string>> = {
  request_minutes: `minute, ${rollupDimensionColumns}`,
  error_key_minutes: `minute, ${rollupDimensionColumns}, error_key`,
  request_rollups: `grain, minute, ${rollupDimensionColumns}`,
  error_key_rollups: `grain, minute, ${rollupDimensionColumns}, error_key`,
  status_total_rollups: `grain, minute, ${statusTotalRollups.dimensions.join(', ')}`,
  status_rollups: `grain, minute, ${statusRollups.dimensions.join(', ')}`,
  endpoint_rollups: `grain, minute, ${endpointRollups.dimensions.join(', ')}`,
  key_rollups: `grain, minute, ${keyRollups.dimensions.join(', ')}`,
};

/** Rows deleted; `grain` is required for the coarse tables (request_rollups, error_key_rollups, the narrow ones). */
export async function deleteOldRollups(db: Database, table: RollupTable, beforeMinute: number, limit: number, grain?: number): Promise<number> {
  const coarse = table !== 'request_minutes' && table !== 'error_key_minutes';
  if (coarse !== (grain !== undefined)) throw new Error(`deleteOldRollups: ${table} ${coarse ? 'needs' : 'takes no'} grain`);
  const name = Prisma.raw(table);
  // Minute rows of a bucket still marked for the fold job are what it rebuilds the coarse grains
  // from: kept until it has (it runs every second, so only a stalled fold ever holds them back).
  const where =
    grain === undefined
      ? Prisma.sql`minute < ${beforeMinute} AND minute < COALESCE((SELECT MIN(bucket_minute) FROM rollup_dirty_buckets), ${beforeMinute})`
      : Prisma.sql`grain = ${grain} AND minute < ${beforeMinute}`;
  const key = Prisma.raw(primaryKeys[table]);
  // ARRAY(...) makes PostgreSQL look the ctids up directly (a TID scan) rather than scan for them.
  const selected =
    db.target.provider === 'sqlite'
      ? Prisma.sql`(${key}) IN (SELECT ${key} FROM ${name} WHERE ${where} LIMIT ${limit})`
      : Prisma.sql`${rowLocatorSql(db)} = ANY(ARRAY(SELECT ${rowLocatorSql(db)} FROM ${name} WHERE ${where} LIMIT ${limit}))`;
  // In a transaction only so that, on SQLite, it queues like ingest's transactions instead of
  // running on the shared connection in the middle of one.
  return db.prisma.$transaction((tx) => tx.$executeRaw`DELETE FROM ${name} WHERE ${selected}`, { maxWait: 10_000, timeout: 60_000 });
}

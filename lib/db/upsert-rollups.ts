// Adds newly stored calls to the minute rollups (request_minutes/error_key_minutes). The 10- and
// 60-minute grains (request_rollups/error_key_rollups) are not written here for recent calls:
// their 10-minute buckets are marked in rollup_dirty_buckets and the fold job rebuilds them
// from the minute rows (fold-dirty-buckets.ts), which took ~40% off the ingest transaction;
// readers use minute rows for marked buckets meanwhile. Calls older than `foldFromMinute`
// (whose minute rows retention may already prune) still go straight into the coarse grains.
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { epochMinute, type MinuteRollup, type RollupDimensions, rollupMinutes } from '@/lib/rollup/rollup-minutes';
import { coarseGrains } from '@/lib/rollup/plan-rollup-segments';
import type { Database, PrismaDb } from './client';
import type { DriverTx } from './driver-transaction';
import { Prisma } from './generated/sqlite/client';
import { type JsonColumnType, jsonRowsSelect } from './json-rows';
import { latencyBucketColumns } from './latency-buckets';
import { upsertNarrowRollups } from './queries/narrow-rollup-sql';
import { chunk, greatestSql } from './sql-dialect';
import { preparedStatement } from './sqlite-connection';

export type Tx = Omit<PrismaDb, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

interface RollupTables {
  requests: string;
  errorKeys: string;
  /** Leading primary-key column and its value, for request_rollups; none for the minute tables. */
  grain?: number;
}

/** The grain of rollup_dirty_buckets: the finest coarse grain. */
export const foldBucketMinutes = 10;

/**
 * Upserts the minute rollups of `fresh`; returns the 10-minute buckets (epoch minutes) whose
 * coarse grains must be rebuilt. Calls before `foldFromMinute` are written to the coarse grains
 * here instead.
 */
export async function upsertRollups(db: Database, tx: DriverTx, fresh: ClassifiedRequest[], foldFromMinute?: number): Promise<number[]> {
  if (fresh.length === 0) return [];
  await upsertGrain(db, tx, rollupMinutes(fresh), { requests: 'request_minutes', errorKeys: 'error_key_minutes' });
  const buckets = new Set<number>();
  const old: ClassifiedRequest[] = [];
  for (const r of fresh) {
    const minute = epochMinute(r.startMs);
    if (foldFromMinute !== undefined && minute < foldFromMinute) old.push(r);
    else buckets.add(minute - (minute % foldBucketMinutes));
  }
  if (old.length > 0) {
    // Finest grain first, then the narrow tables: the fold job's order, so that on PostgreSQL
    // the two never wait for each other's row locks the other way round.
    const byGrain = [...coarseGrains].sort((a, b) => a - b).map((grain) => ({ grain, rollup: rollupMinutes(old, grain) }));
    for (const { grain, rollup } of byGrain) {
      await upsertGrain(db, tx, rollup, { requests: 'request_rollups', errorKeys: 'error_key_rollups', grain });
    }
    // The narrow coarse rollups (narrow-rollup-sql.ts) get the same calls, added the same way.
    await upsertNarrowRollups(db, tx, byGrain.map(({ grain, rollup }) => ({ grain, rows: rollup.requestMinutes })));
  }
  return [...buckets].sort((a, b) => a - b);
}

/**
 * Marks buckets for the fold job; run last in the ingest transaction, since on PostgreSQL the
 * current bucket's row is locked by every writer until it commits.
 */
export async function markDirtyBuckets(tx: DriverTx, buckets: readonly number[], nowMs: number): Promise<void> {
  if (buckets.length === 0) return;
  const values = Prisma.join(buckets.map((b) => Prisma.sql`(${b}, 1, ${nowMs})`));
  await tx.execute(Prisma.sql`
    INSERT INTO rollup_dirty_buckets (bucket_minute, version, changed_ms) VALUES ${values}
    ON CONFLICT (bucket_minute) DO UPDATE SET
      version = rollup_dirty_buckets.version + 1,
      changed_ms = excluded.changed_ms`);
}

// Bounds one statement's JSON text; a 512-span export makes at most 512 rows per grain.
const rowsPerStatement = 5_000;
const dimensionTypes: JsonColumnType[] = ['integer', 'text', 'text', 'text', 'text', 'integer'];
const requestRowTypes: JsonColumnType[] = [...dimensionTypes, 'text', 'integer', 'real', 'real', ...latencyBucketColumns.map((): JsonColumnType => 'integer')];
const errorKeyRowTypes: JsonColumnType[] = [...dimensionTypes, 'text', 'integer'];

/** One rollup table's upsert: rows add their counts to the row with the same key. */
interface RollupUpsert {
  table: string;
  /** Inserted columns after the key columns' leading `grain` (coarse tables only). */
  columns: string[];
  conflict: string[];
  /** The DO UPDATE SET list. */
  updates: string;
}

function rollupUpserts(db: Database, tables: RollupTables): { requests: RollupUpsert; errorKeys: RollupUpsert } {
  const dimensions = ['minute', 'endpoint_id', 'api_key_fingerprint', 'service', 'environment', 'status_code'];
  const t = tables.requests;
  return {
    requests: {
      table: t,
      columns: [...dimensions, 'status_class', 'count', 'duration_sum_ms', 'duration_max_ms', ...latencyBucketColumns],
      conflict: dimensions,
      updates: [
        `count = ${t}.count + excluded.count`,
        `duration_sum_ms = ${t}.duration_sum_ms + excluded.duration_sum_ms`,
        `duration_max_ms = ${greatestSql(db, `${t}.duration_max_ms`, 'excluded.duration_max_ms').sql}`,
        ...latencyBucketColumns.map((c) => `${c} = ${t}.${c} + excluded.${c}`),
      ].join(', '),
    },
    errorKeys: {
      table: tables.errorKeys,
      columns: [...dimensions, 'error_key', 'count'],
      conflict: [...dimensions, 'error_key'],
      updates: `count = ${tables.errorKeys}.count + excluded.count`,
    },
  };
}

async function upsertGrain(db: Database, tx: DriverTx, rollup: MinuteRollup, tables: RollupTables): Promise<void> {
  const upserts = rollupUpserts(db, tables);
  const dimensions = (m: RollupDimensions) => [m.minute, m.endpointId, m.apiKeyFingerprint, m.service, m.environment, m.statusCode];
  const requestRows = rollup.requestMinutes.map((m) => [...dimensions(m), m.statusClass, m.count, m.durationSumMs, m.durationMaxMs, ...m.latencyBuckets]);
  const errorKeyRows = rollup.errorKeyMinutes.map((k) => [...dimensions(k), k.errorKey, k.count]);
  await upsertRows(db, tx, upserts.requests, requestRowTypes, requestRows, tables.grain);
  await upsertRows(db, tx, upserts.errorKeys, errorKeyRowTypes, errorKeyRows, tables.grain);
}

async function upsertRows(db: Database, tx: DriverTx, upsert: RollupUpsert, types: JsonColumnType[], rows: unknown[][], grain: number | undefined): Promise<void> {
  if (rows.length === 0) return;
  // The grain leads the coarse tables' key; a constant in the statement, not a value per row.
  const grainColumn = grain === undefined ? '' : 'grain, ';
  const grainValue = grain === undefined ? '' : `${Number(grain)}, `;
  const head = `INSERT INTO ${upsert.table} (${grainColumn}${upsert.columns.join(', ')})`;
  const tail = `ON CONFLICT (${grainColumn}${upsert.conflict.join(', ')}) DO UPDATE SET ${upsert.updates}`;
  if (tx.sqlite) {
    const statement = preparedStatement(tx.sqlite, `${head} VALUES (${grainValue}${upsert.columns.map(() => '?').join(', ')}) ${tail}`);
    for (const row of rows) statement.run(row);
    return;
  }
  for (const part of chunk(rows, rowsPerStatement)) {
    await tx.execute(Prisma.sql`${Prisma.raw(head)} SELECT ${Prisma.raw(grainValue)}* FROM (${jsonRowsSelect(db, types, part)}) AS batch WHERE true ${Prisma.raw(tail)}`);
  }
}

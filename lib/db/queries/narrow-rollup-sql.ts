// SQL of the narrow coarse rollups (lib/rollup/narrow-rollups.ts): their columns, the rebuild
// of one coarse bucket from request_rollups (the fold job, after it rebuilt that bucket's wide
// rows in the same transaction), and the additive upsert of rows of old calls (ingest's
// old-calls path, which adds to request_rollups the same way: safe under concurrent writers,
// where a rebuild from request_rollups could miss another transaction's uncommitted rows).
import { latencyBucketColumns } from '@/lib/db/latency-buckets';
import { type NarrowRow, type NarrowTable, narrowTables, projectNarrowRows } from '@/lib/rollup/narrow-rollups';
import type { RequestMinuteRow } from '@/lib/rollup/rollup-minutes';
import type { Database } from '../client';
import type { DriverTx } from '../driver-transaction';
import { Prisma } from '../generated/sqlite/client';
import { type JsonColumnType, jsonRowsSelect } from '../json-rows';
import { chunk, greatestSql } from '../sql-dialect';

const durationColumns = ['duration_sum_ms', 'duration_max_ms', ...latencyBucketColumns];

/** The table's columns after (grain): minute, dimensions, status_class, count[, durations]. */
export function narrowColumns(table: NarrowTable): string {
  return ['minute', ...table.dimensions, 'status_class', 'count', ...(table.durations ? durationColumns : [])].join(', ');
}

function aggregates(table: NarrowTable): string {
  const durations = table.durations ? ['SUM(duration_sum_ms)', 'MAX(duration_max_ms)', ...latencyBucketColumns.map((c) => `SUM(${c})`)] : [];
  return [...table.dimensions, 'status_class', 'SUM(count)', ...durations].join(', ');
}

/**
 * Statements that rebuild every narrow table's rows of the given coarse buckets (grain and
 * minute each) from request_rollups' rows of those buckets: run them after those rows are
 * final. Two statements per table whatever the number of buckets: a raw statement through
 * Prisma costs about a millisecond on its own, and the fold holds SQLite's write lock.
 */
export function rebuildNarrowBucketSql(buckets: readonly { grain: number; minute: number }[]): Prisma.Sql[] {
  const which = Prisma.join(
    buckets.map((b) => Prisma.sql`(grain = ${b.grain} AND minute = ${b.minute})`),
    ' OR ',
  );
  return narrowTables.flatMap((t) => {
    const name = Prisma.raw(t.name);
    return [
      Prisma.sql`DELETE FROM ${name} WHERE ${which}`,
      Prisma.sql`INSERT INTO ${name} (grain, ${Prisma.raw(narrowColumns(t))})
        SELECT grain, ${Prisma.raw(['minute', aggregates(t)].join(', '))} FROM request_rollups
        WHERE ${which}
        GROUP BY ${Prisma.raw(['grain', 'minute', ...t.dimensions, 'status_class'].join(', '))}`,
    ];
  });
}

const typeOf: Record<string, JsonColumnType> = { endpoint_id: 'text', api_key_fingerprint: 'text', service: 'text', environment: 'text', status_code: 'integer' };

function rowTypes(table: NarrowTable): JsonColumnType[] {
  const durations: JsonColumnType[] = table.durations ? ['real', 'real', ...latencyBucketColumns.map((): JsonColumnType => 'integer')] : [];
  return ['integer', ...table.dimensions.map((d) => typeOf[d] as JsonColumnType), 'text', 'integer', ...durations];
}

// A 512-span export makes at most 512 rows per grain; this bounds one statement's JSON text.
const rowsPerStatement = 5_000;

/** Adds request rollup rows of one coarse grain to every narrow table (ingest's old-calls path). */
export async function upsertNarrowRollups(db: Database, tx: DriverTx, byGrain: readonly { grain: number; rows: readonly RequestMinuteRow[] }[]): Promise<void> {
  // Table by table, as the fold job rebuilds them: the same lock order on PostgreSQL.
  for (const table of narrowTables) {
    for (const { grain, rows } of byGrain) {
      const projected = projectNarrowRows(rows, table);
      for (const part of chunk<NarrowRow>(projected, rowsPerStatement)) await tx.execute(upsertSql(db, table, grain, part));
    }
  }
}

function upsertSql(db: Database, table: NarrowTable, grain: number, rows: NarrowRow[]): Prisma.Sql {
  const name = table.name;
  const durations = table.durations
    ? [
        `duration_sum_ms = ${name}.duration_sum_ms + excluded.duration_sum_ms`,
        `duration_max_ms = ${greatestSql(db, `${name}.duration_max_ms`, 'excluded.duration_max_ms').sql}`,
        ...latencyBucketColumns.map((c) => `${c} = ${name}.${c} + excluded.${c}`),
      ]
    : [];
  const updates = [`count = ${name}.count + excluded.count`, ...durations].join(', ');
  return Prisma.sql`
    INSERT INTO ${Prisma.raw(name)} (grain, ${Prisma.raw(narrowColumns(table))})
    SELECT ${Prisma.raw(String(Number(grain)))}, * FROM (${jsonRowsSelect(db, rowTypes(table), rows)}) AS batch
    WHERE true
    ON CONFLICT (grain, minute, ${Prisma.raw(table.dimensions.join(', '))}) DO UPDATE SET ${Prisma.raw(updates)}`;
}

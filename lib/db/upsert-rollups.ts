// Adds newly stored calls to every rollup grain: request_minutes/error_key_minutes, and the
// 10- and 60-minute buckets of request_rollups/error_key_rollups. Called inside the ingest
// transaction, so all grains always agree.
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { type MinuteRollup, rollupMinutes } from '@/lib/rollup/rollup-minutes';
import { coarseGrains } from '@/lib/rollup/plan-rollup-segments';
import type { Database, PrismaDb } from './client';
import { Prisma } from './generated/sqlite/client';
import { latencyBucketColumns } from './latency-buckets';
import { chunk, greatestSql, rowsPerInsert } from './sql-dialect';

export type Tx = Omit<PrismaDb, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

interface RollupTables {
  requests: string;
  errorKeys: string;
  /** Leading primary-key column and its value, for request_rollups; none for the minute tables. */
  grain?: number;
}

export async function upsertRollups(db: Database, tx: Tx, fresh: ClassifiedRequest[]): Promise<void> {
  if (fresh.length === 0) return;
  await upsertGrain(db, tx, rollupMinutes(fresh), { requests: 'request_minutes', errorKeys: 'error_key_minutes' });
  for (const grain of coarseGrains) {
    await upsertGrain(db, tx, rollupMinutes(fresh, grain), { requests: 'request_rollups', errorKeys: 'error_key_rollups', grain });
  }
}

async function upsertGrain(db: Database, tx: Tx, rollup: MinuteRollup, tables: RollupTables): Promise<void> {
  const grainColumn = Prisma.raw(tables.grain === undefined ? '' : 'grain, ');
  const grainValue = tables.grain === undefined ? Prisma.empty : Prisma.sql`${tables.grain}, `;
  const requestTable = Prisma.raw(tables.requests);
  const errorKeyTable = Prisma.raw(tables.errorKeys);
  const latencyColumns = Prisma.raw(latencyBucketColumns.join(', '));
  const latencyUpdates = Prisma.raw(latencyBucketColumns.map((c) => `${c} = ${tables.requests}.${c} + excluded.${c}`).join(', '));
  for (const part of chunk(rollup.requestMinutes, rowsPerInsert(19))) {
    const values = part.map(
      (m) =>
        Prisma.sql`(${grainValue}${m.minute}, ${m.endpointId}, ${m.apiKeyFingerprint}, ${m.service}, ${m.environment}, ${m.statusCode}, ${m.statusClass}, ${m.count}, ${m.durationSumMs}, ${m.durationMaxMs}, ${Prisma.join(m.latencyBuckets)})`,
    );
    await tx.$executeRaw`
      INSERT INTO ${requestTable} (${grainColumn}minute, endpoint_id, api_key_fingerprint, service, environment, status_code, status_class, count, duration_sum_ms, duration_max_ms, ${latencyColumns})
      VALUES ${Prisma.join(values)}
      ON CONFLICT (${grainColumn}minute, endpoint_id, api_key_fingerprint, service, environment, status_code) DO UPDATE SET
        count = ${requestTable}.count + excluded.count,
        duration_sum_ms = ${requestTable}.duration_sum_ms + excluded.duration_sum_ms,
        duration_max_ms = ${greatestSql(db, `${tables.requests}.duration_max_ms`, 'excluded.duration_max_ms')},
        ${latencyUpdates}`;
  }
  for (const part of chunk(rollup.errorKeyMinutes, rowsPerInsert(9))) {
    const values = part.map(
      (k) =>
        Prisma.sql`(${grainValue}${k.minute}, ${k.endpointId}, ${k.apiKeyFingerprint}, ${k.service}, ${k.environment}, ${k.statusCode}, ${k.errorKey}, ${k.count})`,
    );
    await tx.$executeRaw`
      INSERT INTO ${errorKeyTable} (${grainColumn}minute, endpoint_id, api_key_fingerprint, service, environment, status_code, error_key, count)
      VALUES ${Prisma.join(values)}
      ON CONFLICT (${grainColumn}minute, endpoint_id, api_key_fingerprint, service, environment, status_code, error_key) DO UPDATE SET
        count = ${errorKeyTable}.count + excluded.count`;
  }
}

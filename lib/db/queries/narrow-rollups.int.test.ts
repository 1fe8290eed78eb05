// The narrow coarse rollups (status_rollups, endpoint_rollups, key_rollups) answer exactly as
// request_rollups does: for every filter and every set of needed columns, the narrowest table
// rollup-source.ts picks gives the same sums as the wide one, before the fold job ran, halfway
// and after it; filters the narrow tables cannot answer fall back to request_rollups; and the
// migration backfills them from request_rollups on an existing database.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { latencyBucketColumns } from '@/lib/db/latency-buckets';
import { foldAllMarkedBuckets } from '@/lib/rollup/fold-marked-buckets';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile, testProvider } from '@/lib/testing/test-database';
import { Prisma } from '../generated/sqlite/client';
import { diffNarrowRollups } from './diff-narrow-rollups';
import { foldDirtyBucket, listFoldableBuckets } from './fold-dirty-buckets';
import { listFilterOptions } from './list-filter-options';
import { listKeyServices } from './list-key-services';
import type { RollupFilter } from './rollup-filter';
import { type RollupNeeds, requestRollupSource, requestRollupTable } from './rollup-source';

const t = createTestDatabaseForFile();
const base = Date.UTC(2026, 0, 12, 8, 0);
const hourMs = 3_600_000;
const minuteOf = (ms: number) => Math.floor(ms / 60_000);
const run = randomBytes(3).toString('hex');
const calls: ClassifiedRequest[] = [];

beforeAll(async () => {
  const statuses = [200, 200, 201, 401, 403, 429, 422, 500, 0];
  for (let i = 0; i < 1500; i++) {
    const statusCode = statuses[(i * 7) % statuses.length] ?? 200;
    calls.push(
      makeRequest({
        startMs: base + ((i * 7919) % (5 * 3600)) * 1_000 + (i % 997),
        statusCode,
        service: `svc-${run}-${i % 3}`,
        environment: i % 4 === 0 ? 'staging' : 'production',
        endpointId: `ep${run}${i % 4}`,
        apiKeyFingerprint: `fp_${run}_${i % 5}`,
        durationMs: 10 + ((i * 37) % 3_000),
      }),
    );
  }
  for (let i = 0; i < calls.length; i += 500) await seedCalls(t.db, calls.slice(i, i + 500));
});

// Known before the calls are seeded: it.each lists the filters at collection time.
const filters: [string, Partial<RollupFilter>][] = [
  ['no filter', {}],
  ['service', { service: `svc-${run}-0` }],
  ['environment', { environment: 'staging' }],
  ['endpoint', { endpoint: `ep${run}0` }],
  ['key', { key: `fp_${run}_0` }],
  ['endpoint and key', { endpoint: `ep${run}0`, key: `fp_${run}_0` }],
  ['service and key', { service: `svc-${run}-0`, key: `fp_${run}_1` }],
];
const needsList: RollupNeeds[] = [{}, { services: true }, { endpoint: true }, { key: true }, { durations: true }, { endpoint: true, durations: true }, { key: true, durations: true }];
const ranges: [number, number][] = [
  [minuteOf(base) + 7, minuteOf(base + 4 * hourMs) + 23],
  [minuteOf(base), minuteOf(base + 5 * hourMs)],
];

/** Every column the needs allow, summed per chart bucket (or over the range). */
async function sums(source: Prisma.Sql, needs: RollupNeeds, step?: number) {
  const groups = ['status_code', 'status_class', ...(needs.services ? ['service', 'environment'] : []), ...(needs.endpoint ? ['endpoint_id'] : []), ...(needs.key ? ['api_key_fingerprint'] : [])];
  const durations = needs.durations ? ['SUM(duration_sum_ms)', 'MAX(duration_max_ms)', ...latencyBucketColumns.map((c) => `SUM(${c})`)] : [];
  const bucket = step === undefined ? Prisma.sql`0` : Prisma.sql`minute - (minute % ${step})`;
  const rows = await t.db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT ${bucket} AS bucket, ${Prisma.raw(groups.join(', '))}, ${Prisma.raw(['SUM(count)', ...durations].map((d, i) => `${d} AS v${i}`).join(', '))}
    FROM ${source} rm GROUP BY ${Prisma.raw(['1', ...groups].join(', '))}`;
  return rows.map((r) => JSON.stringify(Object.values(r).map((v) => (typeof v === 'bigint' ? Number(v) : typeof v === 'string' ? v : Number(v))))).sort();
}

function itAnswersLikeTheWideTable(): void {
  it.each(filters)('gives request_rollups’ sums for every need and step: %s', async (_name, dims) => {
    for (const [fromMinute, toMinute] of ranges) {
      const filter = { fromMinute, toMinute, ...dims };
      for (const needs of needsList) {
        for (const step of [undefined, 10, 60]) {
          const narrow = await sums(requestRollupSource(filter, step, needs), needs, step);
          const wide = await sums(requestRollupSource(filter, step), needs, step);
          expect(narrow, `${JSON.stringify(needs)} step ${step}`).toEqual(wide);
        }
      }
      expect((await sums(requestRollupSource(filter, undefined, {}), {})).length).toBeGreaterThan(0);
    }
  });
}

describe('choosing the table', () => {
  const range = { fromMinute: 0, toMinute: 60 };
  it('takes the narrowest table holding the grouping and the filter', () => {
    expect(requestRollupTable(range, {})).toBe('status_total_rollups');
    expect(requestRollupTable({ ...range, service: 's' }, {})).toBe('status_rollups');
    expect(requestRollupTable({ ...range, environment: 'e' }, {})).toBe('status_rollups');
    expect(requestRollupTable(range, { services: true })).toBe('status_rollups');
    expect(requestRollupTable(range, { endpoint: true, durations: true })).toBe('endpoint_rollups');
    expect(requestRollupTable(range, { durations: true })).toBe('endpoint_rollups');
    expect(requestRollupTable({ ...range, endpoint: 'e' }, {})).toBe('endpoint_rollups');
    expect(requestRollupTable(range, { key: true })).toBe('key_rollups');
    expect(requestRollupTable({ ...range, key: 'k' }, {})).toBe('key_rollups');
  });
  it('falls back to request_rollups when no narrow table holds both', () => {
    expect(requestRollupTable({ ...range, key: 'k' }, { endpoint: true })).toBe('request_rollups');
    expect(requestRollupTable({ ...range, endpoint: 'e' }, { key: true })).toBe('request_rollups');
    expect(requestRollupTable({ ...range, key: 'k' }, { durations: true })).toBe('request_rollups');
    expect(requestRollupTable({ ...range, endpoint: 'e', key: 'k' }, {})).toBe('request_rollups');
  });
});

describe('narrow rollups with every bucket marked', () => {
  it('has nothing folded yet', async () => {
    expect(await t.db.prisma.statusTotalRollup.count()).toBe(0);
  });
  itAnswersLikeTheWideTable();
});

describe('narrow rollups with half the buckets folded', () => {
  beforeAll(async () => {
    const marked = await listFoldableBuckets(t.db, Date.now(), 0, 1_000);
    for (const bucket of marked.filter((_, i) => i % 2 === 1)) expect(await foldDirtyBucket(t.db, bucket)).toBe(true);
  });
  itAnswersLikeTheWideTable();
});

describe('narrow rollups after the fold job', () => {
  beforeAll(async () => {
    await foldAllMarkedBuckets(t.db);
  });
  itAnswersLikeTheWideTable();

  it('serve the queries that list services and environments (the filter pickers, a key\'s callers)', async () => {
    const [fromMinute, toMinute] = ranges[1]!;
    const options = await listFilterOptions(t.db, fromMinute, toMinute);
    expect(options.services.length).toBeGreaterThan(0);
    expect(options.environments.length).toBeGreaterThan(0);
    const wide = await t.db.prisma.$queryRaw<{ service: string }[]>`SELECT DISTINCT service FROM ${requestRollupSource({ fromMinute, toMinute })} rm ORDER BY 1`;
    expect(options.services).toEqual(wide.map((r) => r.service));
    expect((await listKeyServices(t.db, { fromMinute, toMinute }, { limit: 50 })).length).toBe(wide.length);
  });

  it('equal request_rollups summed onto their dimensions, with far fewer rows', async () => {
    expect(await diffNarrowRollups(t.db)).toEqual({ status_total_rollups: 0, status_rollups: 0, endpoint_rollups: 0, key_rollups: 0 });
    const wide = await t.db.prisma.requestRollup.count();
    expect(await t.db.prisma.statusRollup.count()).toBeLessThan(wide / 3);
    expect(await t.db.prisma.statusTotalRollup.count()).toBeLessThan(await t.db.prisma.statusRollup.count());
  });

  it('are backfilled from request_rollups by the migration', async () => {
    const before = await t.db.prisma.endpointRollup.count();
    for (const table of ['status_total_rollups', 'status_rollups', 'endpoint_rollups', 'key_rollups']) await t.db.prisma.$executeRawUnsafe(`DROP TABLE ${table}`);
    const folder = testProvider() === 'postgresql' ? 'migrations-postgres' : 'migrations';
    const sql = fs.readFileSync(path.join(process.cwd(), 'prisma', folder, '20261125230828_narrow_rollups', 'migration.sql'), 'utf8');
    for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) {
      await t.db.prisma.$executeRawUnsafe(statement);
    }
    expect(await t.db.prisma.endpointRollup.count()).toBe(before);
    expect(await diffNarrowRollups(t.db)).toEqual({ status_total_rollups: 0, status_rollups: 0, endpoint_rollups: 0, key_rollups: 0 });
  });
});

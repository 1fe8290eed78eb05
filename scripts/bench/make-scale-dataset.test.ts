// The query benchmark's fast writer stores exactly what the ingest path stores: the same calls,
// written by writeScaleDataset in two parts (the second merging into the first's rollups, as
// when 1M is extended to 10M) and through saveRequestBatch, leave identical tables. SQLite only:
// the writer uses its driver directly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { createDatabase } from '@/lib/db/client';
import { saveRequestBatch } from '@/lib/db/save-request-batch';
import { foldAllMarkedBuckets } from '@/lib/rollup/fold-marked-buckets';
import { writeScaleDataset } from './make-scale-dataset';
import { ScaleTraffic } from './make-scale-traffic';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-scale-dataset-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function migratedFile(name: string) {
  const filePath = path.join(dir, name);
  const target = { provider: 'sqlite' as const, filePath, url: `file:${filePath}` };
  await applyMigrations(target);
  return target;
}

// One export request per service and hour keeps the reference write to a few hundred transactions.
const receivedMs = (call: ClassifiedRequest) => (Math.floor(call.startMs / 3_600_000) + 1) * 3_600_000 + call.service.length;

const tables: Record<string, string> = {
  requests: `SELECT trace_id, span_id, parent_span_id, span_name, start_ms, typeof(start_ms) AS t1, duration_ms, typeof(duration_ms) AS t2,
    service, environment, endpoint_id, method, host, route, status_code, status_class, error_type, error_key, error_body,
    api_key_fingerprint, auth_scheme, accept, retry_after, resend_count, extra_attributes, received_ms FROM requests`,
  request_error_keys: 'SELECT r.trace_id, r.span_id, k.error_key FROM request_error_keys k JOIN requests r ON r.id = k.request_id',
  request_minutes: 'SELECT * FROM request_minutes',
  error_key_minutes: 'SELECT * FROM error_key_minutes',
  request_rollups: 'SELECT * FROM request_rollups',
  error_key_rollups: 'SELECT * FROM error_key_rollups',
  status_total_rollups: 'SELECT * FROM status_total_rollups',
  status_rollups: 'SELECT * FROM status_rollups',
  endpoint_rollups: 'SELECT * FROM endpoint_rollups',
  key_rollups: 'SELECT * FROM key_rollups',
  endpoints: 'SELECT * FROM endpoints',
  api_keys: 'SELECT * FROM api_keys',
  ingest_minutes: 'SELECT * FROM ingest_minutes',
};

function dump(filePath: string): Record<string, string[]> {
  const db = new Sqlite(filePath, { readonly: true });
  try {
    return Object.fromEntries(
      Object.entries(tables).map(([name, sql]) => [name, db.prepare(sql).all().map((row) => JSON.stringify(row)).sort()]),
    );
  } finally {
    db.close();
  }
}

describe('writeScaleDataset', () => {
  it('leaves the same requests, error keys, rollups, endpoints, keys and ingest counts as saveRequestBatch', async () => {
    const traffic = new ScaleTraffic({ total: 6_000, endMs: Date.UTC(2026, 10, 25, 12, 34, 56), days: 2 });
    const first = { every: 10, part: 0 };
    const rest = { every: 10, part: 0, except: true };

    const fast = await migratedFile('fast.db');
    expect(writeScaleDataset(fast.filePath, traffic.calls(first), { receivedMs, fast: true }).calls).toBe(600);
    expect(writeScaleDataset(fast.filePath, traffic.calls(rest), { receivedMs, fast: true }).calls).toBe(5_400);

    const reference = await migratedFile('reference.db');
    const db = createDatabase(reference);
    for (const part of [first, rest]) {
      const batches = new Map<number, ClassifiedRequest[]>();
      for (const call of traffic.calls(part)) {
        const at = receivedMs(call);
        batches.set(at, [...(batches.get(at) ?? []), call]);
      }
      for (const [at, batch] of batches) await saveRequestBatch(db, batch, { received: batch.length, ignored: 0, rejected: 0 }, at);
    }
    // The server's fold job builds the coarse grains from the minute rows afterwards.
    await foldAllMarkedBuckets(db);
    await db.prisma.$disconnect();

    const got = dump(fast.filePath);
    const want = dump(reference.filePath);
    for (const name of Object.keys(tables)) {
      expect(got[name]?.length, name).toBeGreaterThan(0);
      expect(got[name], name).toEqual(want[name]);
    }
    // The traffic has what the overview is about: 401, 403 and 429, and 422s naming two fields.
    const statuses = new Set(got.requests?.map((r) => (JSON.parse(r) as { status_code: number }).status_code));
    for (const code of [200, 401, 403, 429, 422, 0]) expect(statuses.has(code), String(code)).toBe(true);
    const withKey = got.requests?.filter((r) => !r.includes('"error_key":null')).length ?? 0;
    expect(got.request_error_keys?.length).toBeGreaterThan(withKey);
  });
});

// Ingest throughput, measured side by side in one run on SQLite:
//   route: real OTLP protobuf bodies through the real POST /v1/traces handler
//          (read, decode, classify, store, roll up, commit), sequential and 4 concurrent;
//   raw:   the same rows inserted with prepared better-sqlite3 statements, one
//          transaction per batch: the storage's physical limit.
// Run: npm run bench
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { classifySpan } from '@/lib/classify/classify-span';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { decodeExport } from '@/lib/otlp/decode-export';
import { makeExportBatches } from './make-export-batches';

const batches = Number(process.env.BENCH_BATCHES ?? 40);
const token = 'bench-ingest-token-0123456789';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-'));
  const { protobuf } = makeExportBatches(batches);
  const spans = batches * 512;

  // Raw driver baseline on its own database file.
  const rawTarget = { provider: 'sqlite' as const, filePath: path.join(dir, 'raw.db'), url: `file:${path.join(dir, 'raw.db')}` };
  await applyMigrations(rawTarget);
  const rows = protobuf.map((body) =>
    decodeExport('protobuf', body).spans.flatMap((s) => {
      const c = classifySpan(s);
      return c.kind === 'request' ? [c.request] : [];
    }),
  );
  const rawSeconds = rawInsert(rawTarget.filePath, rows);

  // The route, on a fresh database of its own.
  const routeFile = path.join(dir, 'route.db');
  process.env.DATABASE_URL = `file:${routeFile}`;
  process.env.FAULTLINE_INGEST_TOKEN = token;
  await applyMigrations({ provider: 'sqlite', filePath: routeFile, url: `file:${routeFile}` });
  const { POST } = await import('@/app/v1/traces/route');
  const send = async (body: Uint8Array) => {
    const res = await POST(
      new Request('http://bench/v1/traces', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-protobuf', Authorization: `Bearer ${token}` },
        body: body as Uint8Array<ArrayBuffer>,
      }),
    );
    if (res.status !== 200) throw new Error(`route answered ${res.status}`);
  };
  const half = Math.floor(batches / 2);
  let t = performance.now();
  for (const body of protobuf.slice(0, half)) await send(body);
  const sequentialSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const queue = protobuf.slice(half);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let body = queue.shift(); body; body = queue.shift()) await send(body);
    }),
  );
  const concurrentSeconds = (performance.now() - t) / 1000;

  const rawRate = spans / rawSeconds;
  const seqRate = (half * 512) / sequentialSeconds;
  const concRate = ((batches - half) * 512) / concurrentSeconds;
  console.log(`\nIngest throughput on SQLite, ${batches} batches × 512 spans (${os.cpus().length} cores)`);
  console.table({
    'raw prepared inserts (limit)': { 'spans/s': Math.round(rawRate), 'ratio to raw': 1 },
    'POST /v1/traces, 1 sender': { 'spans/s': Math.round(seqRate), 'ratio to raw': +(seqRate / rawRate).toFixed(3) },
    'POST /v1/traces, 4 senders': { 'spans/s': Math.round(concRate), 'ratio to raw': +(concRate / rawRate).toFixed(3) },
  });
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

function rawInsert(file: string, batchRows: ClassifiedRequest[][]): number {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    `INSERT INTO requests (trace_id, span_id, parent_span_id, span_name, start_ms, duration_ms, service, environment, endpoint_id, method, host, route, status_code, status_class, error_type, error_key, error_body, api_key_fingerprint, auth_scheme, accept, retry_after, resend_count, received_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBatch = db.transaction((rows: ClassifiedRequest[]) => {
    for (const r of rows) {
      insert.run(r.traceId, r.spanId, r.parentSpanId, r.spanName, r.startMs, r.durationMs, r.service, r.environment, r.endpointId, r.method, r.host, r.route, r.statusCode, r.statusClass, r.errorType, r.errorKeys[0] ?? null, r.errorBody, r.apiKeyFingerprint, r.authScheme, r.accept, r.retryAfter, r.resendCount, Date.now());
    }
  });
  const t = performance.now();
  for (const rows of batchRows) insertBatch(rows);
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return seconds;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// The storage's physical limit for the ingest benchmark: the same classified rows inserted
// straight into `requests` of a fresh, migrated database with the driver, one transaction per
// 512-row batch. SQLite: one prepared better-sqlite3 INSERT run per row. PostgreSQL: one named
// (server-side prepared) multi-row INSERT per batch with pg.
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';

export const requestColumns = [
  'trace_id', 'span_id', 'parent_span_id', 'span_name', 'start_ms', 'duration_ms', 'service', 'environment',
  'endpoint_id', 'method', 'host', 'route', 'status_code', 'status_class', 'error_type', 'error_key', 'error_body',
  'api_key_fingerprint', 'auth_scheme', 'accept', 'retry_after', 'resend_count', 'extra_attributes', 'received_ms',
];

/** One row's values in requestColumns order, exactly as the ingest write path stores them. */
function rowValues(r: ClassifiedRequest, receivedMs: number): unknown[] {
  return [
    r.traceId, r.spanId, r.parentSpanId, r.spanName, r.startMs, r.durationMs, r.service, r.environment,
    r.endpointId, r.method, r.host, r.route, r.statusCode, r.statusClass, r.errorType, r.errorKeys[0] ?? null, r.errorBody,
    r.apiKeyFingerprint, r.authScheme, r.accept, r.retryAfter, r.resendCount,
    r.extraAttributes === null ? null : JSON.stringify(r.extraAttributes), receivedMs,
  ];
}

export interface RawResult {
  rows: number;
  seconds: number;
  method: string;
}

export function rawInsertSqlite(file: string, batches: ClassifiedRequest[][]): RawResult {
  const db = new Sqlite(file);
  // The file is already in WAL mode (set by the migrations, as for the server); synchronous stays at
  // its default, as in the server's connection.
  const placeholders = requestColumns.map(() => '?').join(', ');
  const insert = db.prepare(`INSERT INTO requests (${requestColumns.join(', ')}) VALUES (${placeholders})`);
  const insertBatch = db.transaction((rows: ClassifiedRequest[], receivedMs: number) => {
    for (const r of rows) insert.run(...rowValues(r, receivedMs));
  });
  const t = performance.now();
  for (const rows of batches) insertBatch(rows, Date.now());
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return { rows: batches.reduce((n, b) => n + b.length, 0), seconds, method: 'better-sqlite3 prepared INSERT per row, 1 transaction per batch' };
}

export async function rawInsertPostgres(url: string, batches: ClassifiedRequest[][]): Promise<RawResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t = performance.now();
    for (const rows of batches) {
      const receivedMs = Date.now();
      const tuples = rows.map((_, i) => `(${requestColumns.map((_, c) => `$${i * requestColumns.length + c + 1}`).join(', ')})`);
      await client.query('BEGIN');
      await client.query({
        // Named: the server parses and plans it once per row count, then only binds.
        name: `bench_raw_requests_${rows.length}`,
        text: `INSERT INTO requests (${requestColumns.join(', ')}) VALUES ${tuples.join(', ')}`,
        values: rows.flatMap((r) => rowValues(r, receivedMs)),
      });
      await client.query('COMMIT');
    }
    const seconds = (performance.now() - t) / 1000;
    return { rows: batches.reduce((n, b) => n + b.length, 0), seconds, method: 'pg named prepared multi-row INSERT per batch, 1 transaction per batch' };
  } finally {
    await client.end();
  }
}

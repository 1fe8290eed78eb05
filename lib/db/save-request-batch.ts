// The ingest write path: one transaction per export request that stores new calls,
// skips ones already stored (exporters retry), and folds only the new ones into the
// rollups, so a resent span is counted once. Each table gets one statement whose rows
// travel as one JSON parameter (json-rows.ts), run on the driver Prisma shares with us
// (driver-transaction.ts): through Prisma's query pipeline the same work took ~5x longer.
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { epochMinute } from '@/lib/rollup/rollup-minutes';
import type { Database } from './client';
import { Prisma } from './generated/sqlite/client';
import { type DriverTx, runInDriverTransaction } from './driver-transaction';
import { type JsonColumnType, jsonRowsSelect } from './json-rows';
import { chunk, greatestSql, leastSql, toNumber } from './sql-dialect';
import { type Tx, upsertRollups } from './upsert-rollups';

export interface IngestTally {
  /** Spans in the export request. */
  received: number;
  /** Spans that are not HTTP client calls. */
  ignored: number;
  /** Spans dropped as invalid. */
  rejected: number;
}

export interface SaveResult {
  stored: number;
  duplicates: number;
}

const requestColumns = Prisma.raw(
  'trace_id, span_id, parent_span_id, span_name, start_ms, duration_ms, service, environment, endpoint_id, method, host, route, status_code, status_class, error_type, error_key, error_body, api_key_fingerprint, auth_scheme, accept, retry_after, resend_count, extra_attributes, received_ms',
);
const requestTypes: JsonColumnType[] = [
  'text', 'text', 'text', 'text', 'integer', 'real', 'text', 'text', 'text', 'text', 'text', 'text',
  'integer', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer', 'text', 'integer',
];
// Bounds one statement's JSON text (a few MB) for exports far larger than the usual 512 spans.
const rowsPerStatement = 5_000;

export async function saveRequestBatch(
  db: Database,
  requests: readonly ClassifiedRequest[],
  tally: IngestTally,
  receivedMs: number,
): Promise<SaveResult> {
  const unique = dedupe(requests);
  return runInDriverTransaction(db, async (tx) => {
    const inserted = await insertRequests(db, tx, unique, receivedMs);
    const fresh = unique.filter((r) => inserted.has(`${r.traceId}/${r.spanId}`));
    await insertErrorKeys(db, tx, fresh, inserted);
    await upsertRollups(db, tx, fresh);
    await upsertEndpointsAndKeys(db, tx, fresh);
    const duplicates = requests.length - fresh.length;
    await tx.execute(ingestCountsSql(epochMinute(receivedMs), { ...tally, stored: fresh.length, duplicates, refusedRequests: 0 }));
    return { stored: fresh.length, duplicates };
  });
}

function dedupe(requests: readonly ClassifiedRequest[]): ClassifiedRequest[] {
  const seen = new Set<string>();
  return requests.filter((r) => {
    const id = `${r.traceId}/${r.spanId}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Returns "traceId/spanId" → row id for the rows this call inserted (not the duplicates). */
async function insertRequests(db: Database, tx: DriverTx, requests: ClassifiedRequest[], receivedMs: number): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  for (const part of chunk(requests, rowsPerStatement)) {
    const values = part.map((r) => [
      r.traceId, r.spanId, r.parentSpanId, r.spanName, r.startMs, r.durationMs, r.service, r.environment,
      r.endpointId, r.method, r.host, r.route, r.statusCode, r.statusClass, r.errorType, r.errorKeys[0] ?? null,
      r.errorBody, r.apiKeyFingerprint, r.authScheme, r.accept, r.retryAfter, r.resendCount,
      r.extraAttributes === null ? null : JSON.stringify(r.extraAttributes), receivedMs,
    ]);
    const rows = await tx.query<{ id: unknown; trace_id: string; span_id: string }>(Prisma.sql`
      INSERT INTO requests (${requestColumns}) ${jsonRowsSelect(db, requestTypes, values)}
      ON CONFLICT (trace_id, span_id) DO NOTHING
      RETURNING id, trace_id, span_id`);
    for (const row of rows) inserted.set(`${row.trace_id}/${row.span_id}`, toNumber(row.id));
  }
  return inserted;
}

async function insertErrorKeys(db: Database, tx: DriverTx, fresh: ClassifiedRequest[], ids: Map<string, number>): Promise<void> {
  const pairs: [number, string][] = [];
  for (const r of fresh) {
    const id = ids.get(`${r.traceId}/${r.spanId}`);
    if (id === undefined) continue;
    for (const key of new Set(r.errorKeys)) pairs.push([id, key]);
  }
  for (const part of chunk(pairs, rowsPerStatement)) {
    await tx.execute(Prisma.sql`INSERT INTO request_error_keys (request_id, error_key) ${jsonRowsSelect(db, ['integer', 'text'], part)}`);
  }
}

async function upsertEndpointsAndKeys(db: Database, tx: DriverTx, fresh: ClassifiedRequest[]): Promise<void> {
  const endpoints = new Map<string, { method: string; host: string; route: string; first: number; last: number }>();
  const keys = new Map<string, { first: number; last: number }>();
  for (const r of fresh) {
    const e = endpoints.get(r.endpointId);
    if (e) {
      e.first = Math.min(e.first, r.startMs);
      e.last = Math.max(e.last, r.startMs);
    } else endpoints.set(r.endpointId, { method: r.method, host: r.host, route: r.route, first: r.startMs, last: r.startMs });
    if (r.apiKeyFingerprint) {
      const k = keys.get(r.apiKeyFingerprint);
      if (k) {
        k.first = Math.min(k.first, r.startMs);
        k.last = Math.max(k.last, r.startMs);
      } else keys.set(r.apiKeyFingerprint, { first: r.startMs, last: r.startMs });
    }
  }
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (endpoints.size > 0) {
    await tx.execute(Prisma.sql`
      INSERT INTO endpoints (id, method, host, route, first_seen_ms, last_seen_ms)
      ${jsonRowsSelect(db, ['text', 'text', 'text', 'text', 'integer', 'integer'], sorted(endpoints).map(([id, e]) => [id, e.method, e.host, e.route, e.first, e.last]))}
      ON CONFLICT (id) DO UPDATE SET
        first_seen_ms = ${leastSql(db, 'endpoints.first_seen_ms', 'excluded.first_seen_ms')},
        last_seen_ms = ${greatestSql(db, 'endpoints.last_seen_ms', 'excluded.last_seen_ms')}`);
  }
  if (keys.size > 0) {
    await tx.execute(Prisma.sql`
      INSERT INTO api_keys (fingerprint, first_seen_ms, last_seen_ms)
      ${jsonRowsSelect(db, ['text', 'integer', 'integer'], sorted(keys).map(([fp, k]) => [fp, k.first, k.last]))}
      ON CONFLICT (fingerprint) DO UPDATE SET
        first_seen_ms = ${leastSql(db, 'api_keys.first_seen_ms', 'excluded.first_seen_ms')},
        last_seen_ms = ${greatestSql(db, 'api_keys.last_seen_ms', 'excluded.last_seen_ms')}`);
  }
}

export interface IngestCounts extends IngestTally {
  stored: number;
  duplicates: number;
  refusedRequests: number;
}

export const noIngestCounts: IngestCounts = { received: 0, ignored: 0, rejected: 0, stored: 0, duplicates: 0, refusedRequests: 0 };

/** Adds to the minute's ingest counters: the one writer of ingest_minutes. */
export async function addIngestCounts(tx: Tx, minute: number, c: IngestCounts): Promise<void> {
  await tx.$executeRaw(ingestCountsSql(minute, c));
}

function ingestCountsSql(minute: number, c: IngestCounts): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO ingest_minutes (minute, received, stored, duplicates, ignored, rejected, refused_requests)
    VALUES (${minute}, ${c.received}, ${c.stored}, ${c.duplicates}, ${c.ignored}, ${c.rejected}, ${c.refusedRequests})
    ON CONFLICT (minute) DO UPDATE SET
      received = ingest_minutes.received + excluded.received,
      stored = ingest_minutes.stored + excluded.stored,
      duplicates = ingest_minutes.duplicates + excluded.duplicates,
      ignored = ingest_minutes.ignored + excluded.ignored,
      rejected = ingest_minutes.rejected + excluded.rejected,
      refused_requests = ingest_minutes.refused_requests + excluded.refused_requests`;
}

// The ingest write path: one transaction that stores the new calls of one or more export
// requests (the ingest writer groups requests that arrive while a write runs: one commit for
// all of them), skips ones already stored (exporters retry), and folds only the new ones into
// the rollups, so a resent span is counted once. Statements run on the driver Prisma shares
// with us (driver-transaction.ts): through Prisma's query pipeline the same work took ~5x
// longer. On PostgreSQL each table gets one statement whose rows travel as one JSON parameter
// (json-rows.ts, one round trip); on SQLite each row is one run of a prepared statement
// (sqlite-connection.ts, 3x faster than the JSON statement there).
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { epochMinute } from '@/lib/rollup/rollup-minutes';
import type { Database } from './client';
import { Prisma } from './generated/sqlite/client';
import { type DriverTx, runInDriverTransaction } from './driver-transaction';
import { type JsonColumnType, jsonRowsSelect } from './json-rows';
import { chunk, greatestSql, leastSql, toNumber } from './sql-dialect';
import { preparedStatement } from './sqlite-connection';
import { markDirtyBuckets, type Tx, upsertRollups } from './upsert-rollups';

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

const requestColumnList =
  'trace_id, span_id, parent_span_id, span_name, start_ms, duration_ms, service, environment, endpoint_id, method, host, route, status_code, status_class, error_type, error_key, error_body, api_key_fingerprint, auth_scheme, accept, retry_after, resend_count, extra_attributes, received_ms';
const requestTypes: JsonColumnType[] = [
  'text', 'text', 'text', 'text', 'integer', 'real', 'text', 'text', 'text', 'text', 'text', 'text',
  'integer', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer', 'text', 'integer',
];
// Bounds one statement's JSON text (a few MB) for exports far larger than the usual 512 spans.
const rowsPerStatement = 5_000;

/** One export request's calls, as saved together with others in one transaction. */
export interface ExportToSave {
  requests: readonly ClassifiedRequest[];
  tally: IngestTally;
  /** When the export arrived: requests.received_ms and its ingest_minutes row. */
  receivedMs: number;
}

interface OwnedRequest {
  request: ClassifiedRequest;
  /** Index of the export it came in. */
  owner: number;
  receivedMs: number;
}

export async function saveRequestBatch(
  db: Database,
  requests: readonly ClassifiedRequest[],
  tally: IngestTally,
  receivedMs: number,
  options: SaveOptions = {},
): Promise<SaveResult> {
  const [result] = await saveRequestBatches(db, [{ requests, tally, receivedMs }], options);
  return result!;
}

/**
 * Saves several exports in one transaction; one result per export, in order. A span that
 * appears twice (in one export or across them, or already stored) is stored once and counted
 * as stored for its first occurrence and as a duplicate for the others.
 */
export interface SaveOptions {
  /** Calls that start before this epoch minute go straight into the coarse rollups (see upsert-rollups.ts). */
  foldFromMinute?: number;
}

export async function saveRequestBatches(db: Database, exports: readonly ExportToSave[], options: SaveOptions = {}): Promise<SaveResult[]> {
  const unique = dedupe(exports);
  return runInDriverTransaction(db, async (tx) => {
    const inserted = await insertRequests(db, tx, unique);
    const fresh = unique.filter((r) => inserted.has(requestKey(r.request)));
    const freshRequests = fresh.map((r) => r.request);
    await insertErrorKeys(db, tx, freshRequests, inserted);
    const dirtyBuckets = await upsertRollups(db, tx, freshRequests, options.foldFromMinute);
    await upsertEndpointsAndKeys(db, tx, freshRequests);
    const storedBy = exports.map(() => 0);
    for (const r of fresh) storedBy[r.owner]! += 1;
    const results = exports.map((e, i) => ({ stored: storedBy[i]!, duplicates: e.requests.length - storedBy[i]! }));
    for (const [minute, c] of ingestCountsByMinute(exports, results)) await tx.execute(ingestCountsSql(minute, c));
    await markDirtyBuckets(tx, dirtyBuckets, Date.now());
    return results;
  });
}

const requestKey = (r: ClassifiedRequest) => `${r.traceId}/${r.spanId}`;

function dedupe(exports: readonly ExportToSave[]): OwnedRequest[] {
  const seen = new Set<string>();
  const unique: OwnedRequest[] = [];
  exports.forEach((e, owner) => {
    for (const request of e.requests) {
      const id = requestKey(request);
      if (seen.has(id)) continue;
      seen.add(id);
      unique.push({ request, owner, receivedMs: e.receivedMs });
    }
  });
  return unique;
}

/** The exports' counters summed per arrival minute, in minute order (a fixed lock order on PostgreSQL). */
function ingestCountsByMinute(exports: readonly ExportToSave[], results: readonly SaveResult[]): [number, IngestCounts][] {
  const byMinute = new Map<number, IngestCounts>();
  exports.forEach((e, i) => {
    const minute = epochMinute(e.receivedMs);
    const c = byMinute.get(minute) ?? noIngestCounts;
    byMinute.set(minute, {
      received: c.received + e.tally.received,
      ignored: c.ignored + e.tally.ignored,
      rejected: c.rejected + e.tally.rejected,
      stored: c.stored + results[i]!.stored,
      duplicates: c.duplicates + results[i]!.duplicates,
      refusedRequests: 0,
    });
  });
  return [...byMinute].sort(([a], [b]) => a - b);
}

/** One request row's values, in requestColumnList order. */
function requestRowValues({ request: r, receivedMs }: OwnedRequest): unknown[] {
  return [
    r.traceId, r.spanId, r.parentSpanId, r.spanName, r.startMs, r.durationMs, r.service, r.environment,
    r.endpointId, r.method, r.host, r.route, r.statusCode, r.statusClass, r.errorType, r.errorKeys[0] ?? null,
    r.errorBody, r.apiKeyFingerprint, r.authScheme, r.accept, r.retryAfter, r.resendCount,
    r.extraAttributes === null ? null : JSON.stringify(r.extraAttributes), receivedMs,
  ];
}

/** Returns "traceId/spanId" → row id for the rows this call inserted (not the duplicates). */
async function insertRequests(db: Database, tx: DriverTx, requests: OwnedRequest[]): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  if (tx.sqlite) {
    const insert = preparedStatement(tx.sqlite, `INSERT INTO requests (${requestColumnList}) VALUES (${requestColumnList.split(',').map(() => '?').join(', ')}) ON CONFLICT (trace_id, span_id) DO NOTHING`);
    for (const owned of requests) {
      const { changes, lastInsertRowid } = insert.run(requestRowValues(owned));
      if (changes > 0) inserted.set(requestKey(owned.request), Number(lastInsertRowid));
    }
    return inserted;
  }
  for (const part of chunk(requests, rowsPerStatement)) {
    const rows = await tx.query<{ id: unknown; trace_id: string; span_id: string }>(Prisma.sql`
      INSERT INTO requests (${Prisma.raw(requestColumnList)}) ${jsonRowsSelect(db, requestTypes, part.map(requestRowValues))}
      ON CONFLICT (trace_id, span_id) DO NOTHING
      RETURNING id, trace_id, span_id`);
    for (const row of rows) inserted.set(`${row.trace_id}/${row.span_id}`, toNumber(row.id));
  }
  return inserted;
}

async function insertErrorKeys(db: Database, tx: DriverTx, fresh: ClassifiedRequest[], ids: Map<string, number>): Promise<void> {
  const pairs: [number, string][] = [];
  for (const r of fresh) {
    const id = ids.get(requestKey(r));
    if (id === undefined) continue;
    for (const key of new Set(r.errorKeys)) pairs.push([id, key]);
  }
  if (tx.sqlite) {
    const insert = preparedStatement(tx.sqlite, 'INSERT INTO request_error_keys (request_id, error_key) VALUES (?, ?)');
    for (const pair of pairs) insert.run(pair);
    return;
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

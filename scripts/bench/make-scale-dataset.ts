// Writes generated calls (in start-time order) straight into a migrated SQLite file with the
// driver, producing exactly the rows lib/db/save-request-batch.ts would: requests,
// request_error_keys, every rollup grain (folded per hour with the write path's own
// rollupMinutes, then upserted as aggregated rows) and the narrow coarse rollups projected from
// them (lib/rollup/narrow-rollups.ts), endpoints, api_keys and ingest_minutes.
// make-scale-dataset.test.ts proves the equivalence. Adding calls to an existing file merges
// into its rollups, so a 1M dataset extends to 10M. With `fast`, the journal is in memory, fsync
// is off and the raw tables' indexes are rebuilt at the end: a benchmark fixture that a crash
// may corrupt, never a way to run Faultline.
import Sqlite from 'better-sqlite3';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { latencyBucketColumns } from '@/lib/db/latency-buckets';
import { type NarrowTable, narrowTables, projectNarrowRows } from '@/lib/rollup/narrow-rollups';
import { coarseGrains } from '@/lib/rollup/plan-rollup-segments';
import { epochMinute, type MinuteRollup, rollupMinutes } from '@/lib/rollup/rollup-minutes';

export interface ScaleWriteOptions {
  fast?: boolean;
  /** When each call's export request reached the server (received_ms, ingest_minutes). */
  receivedMs: (call: ClassifiedRequest) => number;
}

export interface ScaleWriteStats {
  calls: number;
  seconds: number;
}

type Value = string | number | null;

/** Multi-row INSERTs of a fixed shape: rows are buffered and sent `rowsPerStatement` at a time. */
class BatchedInsert {
  private readonly many: Sqlite.Statement;
  private readonly one: Sqlite.Statement;
  private readonly buffer: Value[];
  private filled = 0;

  constructor(
    db: Sqlite.Database,
    head: string,
    private readonly columns: number,
    tail = '',
    private readonly rowsPerStatement = 64,
    /** Rows this table's rows refer to (foreign key), written first. */
    private readonly parent?: BatchedInsert,
  ) {
    const row = `(${new Array(columns).fill('?').join(', ')})`;
    this.many = db.prepare(`${head} VALUES ${new Array(rowsPerStatement).fill(row).join(', ')} ${tail}`);
    this.one = db.prepare(`${head} VALUES ${row} ${tail}`);
    this.buffer = new Array(columns * rowsPerStatement);
  }

  add(values: Value[]): void {
    for (let i = 0; i < this.columns; i++) this.buffer[this.filled * this.columns + i] = values[i] ?? null;
    if (++this.filled === this.rowsPerStatement) {
      this.parent?.flush();
      this.many.run(this.buffer);
      this.filled = 0;
    }
  }

  flush(): void {
    this.parent?.flush();
    for (let r = 0; r < this.filled; r++) this.one.run(this.buffer.slice(r * this.columns, (r + 1) * this.columns));
    this.filled = 0;
  }
}

const dimensions = 'minute, endpoint_id, api_key_fingerprint, service, environment, status_code';
const lat = latencyBucketColumns.join(', ');

function requestRollupInsert(db: Sqlite.Database, table: string, grain: boolean): BatchedInsert {
  const g = grain ? 'grain, ' : '';
  const latencyUpdates = latencyBucketColumns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  return new BatchedInsert(
    db,
    `INSERT INTO ${table} (${g}${dimensions}, status_class, count, duration_sum_ms, duration_max_ms, ${lat})`,
    (grain ? 1 : 0) + 18,
    `ON CONFLICT (${g}${dimensions}) DO UPDATE SET count = ${table}.count + excluded.count,
       duration_sum_ms = ${table}.duration_sum_ms + excluded.duration_sum_ms,
       duration_max_ms = MAX(${table}.duration_max_ms, excluded.duration_max_ms), ${latencyUpdates}`,
  );
}

function errorKeyRollupInsert(db: Sqlite.Database, table: string, grain: boolean): BatchedInsert {
  const g = grain ? 'grain, ' : '';
  return new BatchedInsert(
    db,
    `INSERT INTO ${table} (${g}${dimensions}, error_key, count)`,
    (grain ? 1 : 0) + 8,
    `ON CONFLICT (${g}${dimensions}, error_key) DO UPDATE SET count = ${table}.count + excluded.count`,
  );
}

function narrowRollupInsert(db: Sqlite.Database, table: NarrowTable): BatchedInsert {
  const name = table.name;
  const dims = table.dimensions.join(', ');
  const durations = table.durations ? `, duration_sum_ms, duration_max_ms, ${lat}` : '';
  const durationUpdates = table.durations
    ? `, duration_sum_ms = ${name}.duration_sum_ms + excluded.duration_sum_ms, duration_max_ms = MAX(${name}.duration_max_ms, excluded.duration_max_ms), ` +
      latencyBucketColumns.map((c) => `${c} = ${name}.${c} + excluded.${c}`).join(', ')
    : '';
  return new BatchedInsert(
    db,
    `INSERT INTO ${name} (grain, minute, ${dims}, status_class, count${durations})`,
    4 + table.dimensions.length + (table.durations ? 2 + latencyBucketColumns.length : 0),
    `ON CONFLICT (grain, minute, ${dims}) DO UPDATE SET count = ${name}.count + excluded.count${durationUpdates}`,
  );
}

interface SeenRange {
  first: number;
  last: number;
  method?: string;
  host?: string;
  route?: string;
}

export function writeScaleDataset(filePath: string, calls: Iterable<ClassifiedRequest>, options: ScaleWriteOptions): ScaleWriteStats {
  const started = performance.now();
  const db = new Sqlite(filePath);
  // The raw tables' secondary indexes are rebuilt after the load (a sort beats a random insert
  // per row into the trace-id index); the rebuilt file holds the same rows and indexes.
  const deferred = options.fast
    ? (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('requests', 'request_error_keys')`).all() as {
        name: string;
        sql: string;
      }[])
    : [];
  if (options.fast) {
    // better-sqlite3 runs SQLite in defensive mode, which refuses journal_mode = OFF; MEMORY is next best.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1000000');
    for (const index of deferred) db.exec(`DROP INDEX "${index.name}"`);
  }
  const sequence = db.prepare(`SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'requests'), 0), COALESCE((SELECT MAX(id) FROM requests), 0)) AS n`);
  let nextId = Number((sequence.get() as { n: number }).n) + 1;

  const requests = new BatchedInsert(
    db,
    'INSERT INTO requests (id, trace_id, span_id, parent_span_id, span_name, start_ms, duration_ms, service, environment, endpoint_id, method, host, route, status_code, status_class, error_type, error_key, error_body, api_key_fingerprint, auth_scheme, accept, retry_after, resend_count, extra_attributes, received_ms)',
    25,
  );
  const errorKeys = new BatchedInsert(db, 'INSERT INTO request_error_keys (request_id, error_key)', 2, '', 256, requests);
  const minuteRows = requestRollupInsert(db, 'request_minutes', false);
  const minuteKeys = errorKeyRollupInsert(db, 'error_key_minutes', false);
  const coarseRows = requestRollupInsert(db, 'request_rollups', true);
  const coarseKeys = errorKeyRollupInsert(db, 'error_key_rollups', true);
  const narrowRows = narrowTables.map((table) => ({ table, insert: narrowRollupInsert(db, table) }));

  const endpoints = new Map<string, SeenRange>();
  const keys = new Map<string, SeenRange>();
  const ingest = new Map<number, number>();
  let hour: Call[] = [];
  let hourStart = Number.NaN;
  let count = 0;
  let committed = 0;

  const addRollup = (rollup: MinuteRollup, grain?: number) => {
    const rows = grain === undefined ? minuteRows : coarseRows;
    const keyRows = grain === undefined ? minuteKeys : coarseKeys;
    const lead = grain === undefined ? [] : [grain];
    for (const m of rollup.requestMinutes) {
      rows.add([...lead, m.minute, m.endpointId, m.apiKeyFingerprint, m.service, m.environment, m.statusCode, m.statusClass, m.count, m.durationSumMs, m.durationMaxMs, ...m.latencyBuckets]);
    }
    for (const k of rollup.errorKeyMinutes) {
      keyRows.add([...lead, k.minute, k.endpointId, k.apiKeyFingerprint, k.service, k.environment, k.statusCode, k.errorKey, k.count]);
    }
    if (grain === undefined) return;
    for (const { table, insert } of narrowRows) for (const row of projectNarrowRows(rollup.requestMinutes, table)) insert.add([grain, ...row]);
  };
  const flushHour = () => {
    if (hour.length === 0) return;
    addRollup(rollupMinutes(hour));
    for (const grain of coarseGrains) addRollup(rollupMinutes(hour, grain), grain);
    hour = [];
    if (count - committed >= 250_000) {
      // Large transactions, but not one for everything: dirty pages stay within the cache.
      flushAll();
      db.exec('COMMIT; BEGIN');
      committed = count;
    }
  };
  const flushAll = () => {
    for (const insert of [requests, errorKeys, minuteRows, minuteKeys, coarseRows, coarseKeys, ...narrowRows.map((n) => n.insert)]) insert.flush();
  };

  const row: Value[] = new Array(25);
  db.exec('BEGIN');
  try {
    for (const call of calls) {
      const callHour = Math.floor(epochMinute(call.startMs) / 60);
      if (callHour !== hourStart) {
        flushHour();
        hourStart = callHour;
      }
      hour.push(call);
      const id = nextId++;
      const receivedMs = options.receivedMs(call);
      row[0] = id;
      row[1] = call.traceId;
      row[2] = call.spanId;
      row[3] = call.parentSpanId;
      row[4] = call.spanName;
      row[5] = call.startMs;
      row[6] = call.durationMs;
      row[7] = call.service;
      row[8] = call.environment;
      row[9] = call.endpointId;
      row[10] = call.method;
      row[11] = call.host;
      row[12] = call.route;
      row[13] = call.statusCode;
      row[14] = call.statusClass;
      row[15] = call.errorType;
      row[16] = call.errorKeys[0] ?? null;
      row[17] = call.errorBody;
      row[18] = call.apiKeyFingerprint;
      row[19] = call.authScheme;
      row[20] = call.accept;
      row[21] = call.retryAfter;
      row[22] = call.resendCount;
      row[23] = call.extraAttributes === null ? null : JSON.stringify(call.extraAttributes);
      row[24] = receivedMs;
      requests.add(row);
      if (call.errorKeys.length > 0) for (const key of new Set(call.errorKeys)) errorKeys.add([id, key]);
      see(endpoints, call.endpointId, call.startMs, call);
      if (call.apiKeyFingerprint) see(keys, call.apiKeyFingerprint, call.startMs);
      const minute = epochMinute(receivedMs);
      ingest.set(minute, (ingest.get(minute) ?? 0) + 1);
      count++;
    }
    flushHour();
    flushAll();
    writeSeen(db, endpoints, keys, ingest);
    db.exec('COMMIT');
    for (const index of deferred) db.exec(index.sql);
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    throw err;
  }
  if (options.fast) db.pragma('journal_mode = WAL');
  db.close();
  return { calls: count, seconds: (performance.now() - started) / 1000 };
}

type Call = ClassifiedRequest;

function see(map: Map<string, SeenRange>, id: string, ms: number, endpoint?: Call): void {
  const seen = map.get(id);
  if (seen) {
    if (ms < seen.first) seen.first = ms;
    if (ms > seen.last) seen.last = ms;
  } else map.set(id, { first: ms, last: ms, method: endpoint?.method, host: endpoint?.host, route: endpoint?.route });
}

/** endpoints, api_keys and ingest_minutes, merged with what the file already holds. */
function writeSeen(db: Sqlite.Database, endpoints: Map<string, SeenRange>, keys: Map<string, SeenRange>, ingest: Map<number, number>): void {
  const endpoint = db.prepare(`INSERT INTO endpoints (id, method, host, route, first_seen_ms, last_seen_ms) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET first_seen_ms = MIN(endpoints.first_seen_ms, excluded.first_seen_ms),
      last_seen_ms = MAX(endpoints.last_seen_ms, excluded.last_seen_ms)`);
  for (const [id, e] of endpoints) endpoint.run(id, e.method, e.host, e.route, e.first, e.last);
  const key = db.prepare(`INSERT INTO api_keys (fingerprint, first_seen_ms, last_seen_ms) VALUES (?, ?, ?)
    ON CONFLICT (fingerprint) DO UPDATE SET first_seen_ms = MIN(api_keys.first_seen_ms, excluded.first_seen_ms),
      last_seen_ms = MAX(api_keys.last_seen_ms, excluded.last_seen_ms)`);
  for (const [fingerprint, k] of keys) key.run(fingerprint, k.first, k.last);
  const minute = db.prepare(`INSERT INTO ingest_minutes (minute, received, stored, duplicates, ignored, rejected, refused_requests)
    VALUES (?, ?, ?, 0, 0, 0, 0)
    ON CONFLICT (minute) DO UPDATE SET received = ingest_minutes.received + excluded.received, stored = ingest_minutes.stored + excluded.stored`);
  for (const [m, n] of ingest) minute.run(m, n, n);
}

// Individual stored calls, newest first, filtered and paged by an opaque (start, id) cursor so
// a page never repeats or skips a call while new ones arrive. Feeds the request explorer,
// the recent failures of endpoint and key pages, and /api/v1/requests.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';

export interface RequestFilter {
  fromMs: number;
  toMs: number;
  /** Exact status codes (0 = no response). */
  statuses?: number[];
  /** `4xx`, `network`, … */
  statusClass?: string;
  /** Status >= 400 or no response. */
  failedOnly?: boolean;
  endpoint?: string;
  key?: string;
  service?: string;
  environment?: string;
  /** Calls carrying this error key (any of their keys). */
  errorKey?: string;
}

export interface RequestCursor {
  startMs: number;
  id: number;
}

export interface StoredRequest {
  id: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  spanName: string;
  startMs: number;
  durationMs: number;
  service: string;
  environment: string;
  endpointId: string;
  method: string;
  host: string;
  route: string;
  statusCode: number;
  statusClass: string;
  errorType: string | null;
  errorKey: string | null;
  errorBody: string | null;
  apiKeyFingerprint: string;
  authScheme: string;
  accept: string | null;
  retryAfter: string | null;
  resendCount: number | null;
  receivedMs: number;
}

export interface RequestPage {
  requests: StoredRequest[];
  /** Pass back to get the next (older) page; null on the last page. */
  nextCursor: RequestCursor | null;
}

function whereSql(f: RequestFilter, cursor?: RequestCursor): Prisma.Sql {
  const parts = [Prisma.sql`r.start_ms >= ${f.fromMs}`, Prisma.sql`r.start_ms < ${f.toMs}`];
  if (f.statuses?.length) parts.push(Prisma.sql`r.status_code IN (${Prisma.join(f.statuses)})`);
  if (f.statusClass) parts.push(Prisma.sql`r.status_class = ${f.statusClass}`);
  if (f.failedOnly) parts.push(Prisma.sql`(r.status_code >= 400 OR r.status_code = 0)`);
  if (f.endpoint) parts.push(Prisma.sql`r.endpoint_id = ${f.endpoint}`);
  if (f.key !== undefined) parts.push(Prisma.sql`r.api_key_fingerprint = ${f.key}`);
  if (f.service) parts.push(Prisma.sql`r.service = ${f.service}`);
  if (f.environment !== undefined) parts.push(Prisma.sql`r.environment = ${f.environment}`);
  if (f.errorKey) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM request_error_keys k WHERE k.request_id = r.id AND k.error_key = ${f.errorKey})`);
  }
  if (cursor) {
    parts.push(Prisma.sql`(r.start_ms < ${cursor.startMs} OR (r.start_ms = ${cursor.startMs} AND r.id < ${cursor.id}))`);
  }
  return Prisma.join(parts, ' AND ');
}

function toStoredRequest(r: Record<string, unknown>): StoredRequest {
  const text = (v: unknown) => (v == null ? null : String(v));
  return {
    id: toNumber(r.id),
    traceId: String(r.trace_id),
    spanId: String(r.span_id),
    parentSpanId: text(r.parent_span_id),
    spanName: String(r.span_name),
    startMs: toNumber(r.start_ms),
    durationMs: toNumber(r.duration_ms),
    service: String(r.service),
    environment: String(r.environment),
    endpointId: String(r.endpoint_id),
    method: String(r.method),
    host: String(r.host),
    route: String(r.route),
    statusCode: toNumber(r.status_code),
    statusClass: String(r.status_class),
    errorType: text(r.error_type),
    errorKey: text(r.error_key),
    errorBody: text(r.error_body),
    apiKeyFingerprint: String(r.api_key_fingerprint),
    authScheme: String(r.auth_scheme),
    accept: text(r.accept),
    retryAfter: text(r.retry_after),
    resendCount: r.resend_count == null ? null : toNumber(r.resend_count),
    receivedMs: toNumber(r.received_ms),
  };
}

export async function listRequests(
  db: Database,
  filter: RequestFilter,
  page: { limit: number; cursor?: RequestCursor },
): Promise<RequestPage> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT r.* FROM requests r WHERE ${whereSql(filter, page.cursor)}
    ORDER BY r.start_ms DESC, r.id DESC LIMIT ${page.limit + 1}`;
  const requests = rows.slice(0, page.limit).map(toStoredRequest);
  const last = requests[requests.length - 1];
  return { requests, nextCursor: rows.length > page.limit && last ? { startMs: last.startMs, id: last.id } : null };
}

/** One stored call by id, or null. */
export async function getRequestById(db: Database, id: number): Promise<StoredRequest | null> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`SELECT r.* FROM requests r WHERE r.id = ${id}`;
  return rows[0] ? toStoredRequest(rows[0]) : null;
}

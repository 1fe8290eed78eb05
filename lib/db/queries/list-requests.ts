// Individual stored calls, newest first, filtered and paged by an opaque (start, id) cursor so
// a page never repeats or skips a call while new ones arrive. Feeds the request explorer,
// the recent failures of endpoint and key pages, and /api/v1/requests.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';
import { listErrorKeysOfRequests } from './list-error-keys-of-requests';
import { type StoredRequest, toStoredRequest } from './stored-request';

export type { StoredRequest } from './stored-request';

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

/** The last call of a page: the next page starts strictly after it in (start_ms, id) order. */
export interface RequestCursor {
  startMs: number;
  id: number;
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
  if (f.endpoint !== undefined) parts.push(Prisma.sql`r.endpoint_id = ${f.endpoint}`);
  if (f.key !== undefined) parts.push(Prisma.sql`r.api_key_fingerprint = ${f.key}`);
  if (f.service !== undefined) parts.push(Prisma.sql`r.service = ${f.service}`);
  if (f.environment !== undefined) parts.push(Prisma.sql`r.environment = ${f.environment}`);
  if (f.errorKey !== undefined) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM request_error_keys e WHERE e.request_id = r.id AND e.error_key = ${f.errorKey})`);
  }
  if (cursor) {
    // The plain `start_ms <= x` bound lets both planners range-scan the (…, start_ms) indexes;
    // the OR alone would hide it.
    parts.push(Prisma.sql`r.start_ms <= ${cursor.startMs}`);
    parts.push(Prisma.sql`(r.start_ms < ${cursor.startMs} OR r.id < ${cursor.id})`);
  }
  return Prisma.join(parts, ' AND ');
}

/** The page's SQL (one row more than the limit tells whether an older page exists). */
export function listRequestsSql(filter: RequestFilter, page: { limit: number; cursor?: RequestCursor }): Prisma.Sql {
  return Prisma.sql`
    SELECT r.*, k.label AS api_key_label FROM requests r
    LEFT JOIN api_keys k ON k.fingerprint = r.api_key_fingerprint
    WHERE ${whereSql(filter, page.cursor)}
    ORDER BY r.start_ms DESC, r.id DESC LIMIT ${page.limit + 1}`;
}

export async function listRequests(
  db: Database,
  filter: RequestFilter,
  page: { limit: number; cursor?: RequestCursor },
): Promise<RequestPage> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>(listRequestsSql(filter, page));
  const shown = rows.slice(0, page.limit);
  const keys = await listErrorKeysOfRequests(db, shown.map((r) => toNumber(r.id)));
  const requests = shown.map((r) => toStoredRequest(r, keys.get(toNumber(r.id)) ?? []));
  const last = requests[requests.length - 1];
  return { requests, nextCursor: rows.length > page.limit && last ? { startMs: last.startMs, id: last.id } : null };
}

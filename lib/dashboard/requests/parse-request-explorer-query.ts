// The request explorer's own URL parameters (status, class, errorKey, failed, cursor, request),
// on top of the view every page reads. A bad value becomes a notice and is ignored, never a crash.
import {
  cursorSchema,
  errorKeySchema,
  failedSchema,
  requestIdSchema,
  statusClassSchema,
  statusListSchema,
} from '@/lib/api/schemas/requests-request-schema';
import type { SearchParams } from '@/lib/dashboard/dashboard-view';
import type { RequestCursor } from '@/lib/db/queries/list-requests';
import type { z } from 'zod';

/** The explorer's parameters as they go back into links, in their normalised spelling. */
export interface RequestExplorerParams {
  status?: string;
  class?: string;
  errorKey?: string;
  failed?: 'true';
  cursor?: string;
  request?: string;
}

export interface RequestExplorerQuery {
  params: RequestExplorerParams;
  statuses?: number[];
  statusClass?: string;
  errorKey?: string;
  failedOnly?: boolean;
  cursor?: RequestCursor;
  /** The call to show in the detail drawer. */
  requestId?: number;
  /** Why the `request` parameter names no call (shown inside the drawer). */
  requestProblem?: string;
  /** Why other parameters were ignored. */
  problems: string[];
}

function first(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  const text = Array.isArray(value) ? value[0] : value;
  // An empty form field means "no filter", not a bad one.
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

function check<S extends z.ZodType>(schema: S, text: string): { ok: true; value: z.infer<S> } | { ok: false; message: string } {
  const parsed = schema.safeParse(text);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? 'invalid' };
}

export function parseRequestExplorerQuery(params: SearchParams): RequestExplorerQuery {
  const query: RequestExplorerQuery = { params: {}, problems: [] };
  const ignored = (what: string, message: string) => query.problems.push(`Ignored ${what}: ${message}.`);

  const status = first(params, 'status');
  if (status !== undefined) {
    const r = check(statusListSchema, status);
    if (r.ok) {
      query.statuses = r.value;
      query.params.status = r.value.join(',');
    } else ignored(`status "${status}"`, r.message);
  }
  const statusClass = first(params, 'class');
  if (statusClass !== undefined) {
    const r = check(statusClassSchema, statusClass);
    if (r.ok) query.statusClass = query.params.class = r.value;
    else ignored(`class "${statusClass}"`, r.message);
  }
  const errorKey = first(params, 'errorKey');
  if (errorKey !== undefined) {
    const r = check(errorKeySchema, errorKey);
    if (r.ok) query.errorKey = query.params.errorKey = r.value;
    else ignored('the error key', r.message);
  }
  const failed = first(params, 'failed');
  if (failed !== undefined) {
    const r = check(failedSchema, failed);
    if (!r.ok) ignored(`failed "${failed}"`, r.message);
    else if (r.value) {
      query.failedOnly = true;
      query.params.failed = 'true';
    }
  }
  const cursor = first(params, 'cursor');
  if (cursor !== undefined) {
    const r = check(cursorSchema, cursor);
    if (r.ok) {
      query.cursor = r.value;
      query.params.cursor = cursor;
    } else query.problems.push('The page link was not valid (a changed or truncated cursor); showing the newest calls.');
  }
  const request = first(params, 'request');
  if (request !== undefined) {
    const r = check(requestIdSchema, request);
    if (r.ok) {
      query.requestId = r.value;
      query.params.request = String(r.value);
    } else query.requestProblem = `"${request}" is not a call id: ${r.message}.`;
  }
  return query;
}

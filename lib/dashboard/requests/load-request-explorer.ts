// Everything the request explorer page shows for its URL: one page of calls (50, newest
// first) under the view's range and filters, and the call open in the detail drawer.
import type { DashboardView } from '@/lib/dashboard/dashboard-view';
import { getDatabase } from '@/lib/db/client';
import { getRequestById } from '@/lib/db/queries/get-request-by-id';
import { listRequests, type RequestFilter, type RequestPage } from '@/lib/db/queries/list-requests';
import type { StoredRequest } from '@/lib/db/queries/stored-request';
import type { RequestExplorerQuery } from './parse-request-explorer-query';

export const requestsPerPage = 50;

export interface RequestExplorerData {
  page: RequestPage;
  /** The drawer's call; null when the id is unknown, undefined when no drawer is open. */
  detail: StoredRequest | null | undefined;
}

export function explorerRequestFilter(view: DashboardView, query: RequestExplorerQuery): RequestFilter {
  return {
    fromMs: view.fromMs,
    toMs: view.toMs,
    ...view.filters,
    statuses: query.statuses,
    statusClass: query.statusClass,
    errorKey: query.errorKey,
    failedOnly: query.failedOnly,
  };
}

export async function loadRequestExplorer(view: DashboardView, query: RequestExplorerQuery): Promise<RequestExplorerData> {
  const db = getDatabase();
  // The drawer reads its call by id, so a link from another page opens it whatever this page lists.
  const [page, detail] = await Promise.all([
    listRequests(db, explorerRequestFilter(view, query), { limit: requestsPerPage, cursor: query.cursor }),
    query.requestId === undefined ? undefined : getRequestById(db, query.requestId),
  ]);
  return { page, detail };
}

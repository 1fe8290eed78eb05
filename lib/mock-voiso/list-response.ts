// Pages a list endpoint's records into `{ data, meta: { page, per_page, total } }`, or a 422 for bad paging.
import { jsonResponse, type MockResponse } from './mock-response';
import { type ListQueryRequest, listQueryRequestSchema } from './schemas/voiso-request-schemas';
import { validateQuery } from './validate-request';

/** For endpoints that validate paging together with their own filters (so one 422 lists all fields). */
export function pagedResponse<T>(records: readonly T[], { page, per_page }: ListQueryRequest): MockResponse {
  const start = (page - 1) * per_page;
  return jsonResponse(200, {
    data: records.slice(start, start + per_page),
    meta: { page, per_page, total: records.length },
  });
}

export function listResponse<T>(records: readonly T[], query: URLSearchParams): MockResponse {
  const paging = validateQuery(listQueryRequestSchema, query);
  return paging.ok ? pagedResponse(records, paging.value) : paging.response;
}

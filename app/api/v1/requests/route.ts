// GET /api/v1/requests — stored calls, newest first, filtered and paged by an opaque cursor
import { parseQuery } from '@/lib/api/parse-query';
import { requestsRequestSchema } from '@/lib/api/schemas/requests-request-schema';
import { encodeRequestCursor } from '@/lib/dashboard/requests/request-cursor';
import { requestToJson } from '@/lib/dashboard/requests/request-to-json';
import { listRequests } from '@/lib/db/queries/list-requests';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(async (request, { db }) => {
  const { status, class: statusClass, errorKey, failed, limit, cursor, ...range } = parseQuery(requestsRequestSchema, request.url);
  const page = await listRequests(db, { ...range, statuses: status, statusClass, errorKey, failedOnly: failed }, { limit, cursor });
  return Response.json({
    requests: page.requests.map(requestToJson),
    nextCursor: page.nextCursor ? encodeRequestCursor(page.nextCursor) : null,
  });
});

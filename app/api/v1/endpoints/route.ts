// GET /api/v1/endpoints — calls, failures and 401/403/429 per endpoint for a time range
import { parseQuery } from '@/lib/api/parse-query';
import { statsListRequestSchema } from '@/lib/api/schemas/stats-list-request-schema';
import { toRollupFilter } from '@/lib/api/to-rollup-filter';
import { listEndpointStats } from '@/lib/db/queries/list-endpoint-stats';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(async (request, { db }) => {
  const query = parseQuery(statsListRequestSchema, request.url);
  const rows = await listEndpointStats(db, toRollupFilter(query), { order: query.order, limit: query.limit, failingOnly: query.failing });
  return Response.json({
    endpoints: rows.map(({ lastSeenMs, ...stats }) => ({ ...stats, lastSeenAt: new Date(lastSeenMs).toISOString() })),
  });
});

// GET /api/v1/endpoints/{id} — one endpoint over a range: totals, statuses, ranked error keys, API keys, latency
import { parseQuery } from '@/lib/api/parse-query';
import { rangeFilterRequestSchema } from '@/lib/api/schemas/time-range-schema';
import { toRollupFilter } from '@/lib/api/to-rollup-filter';
import { endpointDetailToJson } from '@/lib/dashboard/endpoint/endpoint-detail-to-json';
import { getEndpointDetail } from '@/lib/dashboard/endpoint/get-endpoint-detail';
import { ApiError } from '@/lib/http/api-error';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  // withApiAuth passes handlers the request only, so the path parameter is closed over.
  const { id } = await context.params;
  return withApiAuth(async (req, { db }) => {
    const query = parseQuery(rangeFilterRequestSchema, req.url);
    const detail = await getEndpointDetail(db, id, toRollupFilter(query));
    if (!detail) throw new ApiError('not_found', `No endpoint with id "${id}" has been seen.`);
    return Response.json(endpointDetailToJson(detail));
  })(request);
}

// GET /api/v1/timeseries — counts and rates of chosen status codes per time bucket
import { parseQuery } from '@/lib/api/parse-query';
import { timeseriesRequestSchema } from '@/lib/api/schemas/time-range-schema';
import { toRollupFilter } from '@/lib/api/to-rollup-filter';
import { getStatusSeries } from '@/lib/series/get-status-series';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(async (request, { db }) => {
  const query = parseQuery(timeseriesRequestSchema, request.url);
  const series = await getStatusSeries(db, toRollupFilter(query), query);
  return Response.json({ step: query.step, series });
});

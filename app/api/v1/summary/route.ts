// GET /api/v1/summary — calls by status and by error key for a time range
import { parseQuery } from '@/lib/api/parse-query';
import { rangeFilterRequestSchema } from '@/lib/api/schemas/time-range-schema';
import { toRollupFilter } from '@/lib/api/to-rollup-filter';
import { getSummary } from '@/lib/db/queries/get-summary';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(async (request, { db }) => {
  const query = parseQuery(rangeFilterRequestSchema, request.url);
  return Response.json(await getSummary(db, toRollupFilter(query)));
});

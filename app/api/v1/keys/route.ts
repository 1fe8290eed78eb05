// GET /api/v1/keys — calls, failures and 401/403/429 per API key fingerprint for a time range
import { parseQuery } from '@/lib/api/parse-query';
import { statsListRequestSchema } from '@/lib/api/schemas/stats-list-request-schema';
import { toRollupFilter } from '@/lib/api/to-rollup-filter';
import { listKeyStats } from '@/lib/db/queries/list-key-stats';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const GET = withApiAuth(async (request, { db }) => {
  const query = parseQuery(statsListRequestSchema, request.url);
  const rows = await listKeyStats(db, toRollupFilter(query), { order: query.order, limit: query.limit, failingOnly: query.failing });
  return Response.json({
    keys: rows.map(({ firstSeenMs, lastSeenMs, ...stats }) => ({ ...stats, firstSeenAt: isoOrNull(firstSeenMs), lastSeenAt: isoOrNull(lastSeenMs) })),
  });
});

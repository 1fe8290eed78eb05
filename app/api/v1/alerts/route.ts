// GET /api/v1/alerts — every alert instance and its state, firing first (optionally one rule's, or some states)
import { parseQuery } from '@/lib/api/parse-query';
import { alertsRequestSchema } from '@/lib/api/schemas/alerts-request-schema';
import { listAlertInstances } from '@/lib/alerts/list-alert-activity';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(async (request, { db }) => {
  const query = parseQuery(alertsRequestSchema, request.url);
  return Response.json({ alerts: await listAlertInstances(db, { ruleId: query.rule, states: query.state }) });
});

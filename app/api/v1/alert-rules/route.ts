// GET /api/v1/alert-rules — every alert rule
// POST /api/v1/alert-rules — create an alert rule (201 with its id; 422 with the field errors)
import { alertRuleBody } from '@/lib/alerts/alert-rule-body';
import { createAlertRule, listAlertRules } from '@/lib/alerts/alert-rules';
import { invalidRuleError } from '@/lib/http/invalid-rule-error';
import { readJsonBody } from '@/lib/http/read-json-body';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(async (_request, { db }) => Response.json({ rules: await listAlertRules(db) }));

export const POST = withApiAuth(async (request, { db }) => {
  const result = await createAlertRule(db, await readJsonBody(request, alertRuleBody));
  if (!result.ok) throw invalidRuleError(result.fieldErrors);
  return Response.json({ rule: result.rule }, { status: 201, headers: { Location: `/api/v1/alert-rules/${encodeURIComponent(result.rule.id)}` } });
});

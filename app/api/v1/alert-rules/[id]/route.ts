// GET /api/v1/alert-rules/{id} — one alert rule
// PUT /api/v1/alert-rules/{id} — replace an alert rule's definition (422 with the field errors)
// DELETE /api/v1/alert-rules/{id} — delete a rule with its states, history and delivery log
import { alertRuleBody } from '@/lib/alerts/alert-rule-body';
import { deleteAlertRule, getAlertRule, updateAlertRule } from '@/lib/alerts/alert-rules';
import { ApiError } from '@/lib/http/api-error';
import { invalidRuleError } from '@/lib/http/invalid-rule-error';
import { readJsonBody } from '@/lib/http/read-json-body';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const notFound = (id: string) => new ApiError('not_found', `No alert rule with id "${id}".`);

// withApiAuth passes handlers the request only, so the path parameter is closed over.
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return withApiAuth(async (_req, { db }) => {
    const rule = await getAlertRule(db, id);
    if (!rule) throw notFound(id);
    return Response.json({ rule });
  })(request);
}

export async function PUT(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return withApiAuth(async (req, { db }) => {
    const result = await updateAlertRule(db, id, await readJsonBody(req, alertRuleBody));
    if (!result.ok) throw 'notFound' in result ? notFound(id) : invalidRuleError(result.fieldErrors);
    return Response.json({ rule: result.rule });
  })(request);
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return withApiAuth(async (_req, { db }) => {
    if (!(await deleteAlertRule(db, id))) throw notFound(id);
    return new Response(null, { status: 204 });
  })(request);
}

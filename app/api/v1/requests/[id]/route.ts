// GET /api/v1/requests/{id} — one stored call with all its error keys
import { requestDetailRequestSchema } from '@/lib/api/schemas/requests-request-schema';
import { requestToJson } from '@/lib/dashboard/requests/request-to-json';
import { getRequestById } from '@/lib/db/queries/get-request-by-id';
import { ApiError } from '@/lib/http/api-error';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  // withApiAuth passes handlers the request only, so the path parameter is closed over.
  const { id } = await context.params;
  return withApiAuth(async (_request, { db }) => {
    const parsed = requestDetailRequestSchema.safeParse({ id });
    if (!parsed.success) throw new ApiError('bad_request', `Invalid path: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    const found = await getRequestById(db, parsed.data.id);
    if (!found) throw new ApiError('not_found', `No stored call has id ${parsed.data.id}`);
    return Response.json(requestToJson(found));
  })(request);
}

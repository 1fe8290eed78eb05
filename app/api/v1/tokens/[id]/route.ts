// DELETE /api/v1/tokens/{id} — revoke a token (the next request with it is refused); repeating it changes nothing
import { revokeToken } from '@/lib/auth/manage-tokens';
import { ApiError } from '@/lib/http/api-error';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function DELETE(request: Request, context: Context): Promise<Response> {
  // withApiAuth passes handlers the request only, so the path parameter is closed over.
  const { id } = await context.params;
  return withApiAuth(async (_req, { db }) => {
    const notFound = new ApiError('not_found', `No token with id "${id}".`);
    if (!/^[1-9]\d{0,14}$/.test(id)) throw notFound;
    const result = await revokeToken(db, Number(id));
    if (!result.ok) throw notFound;
    return Response.json({ token: result.token });
  })(request);
}

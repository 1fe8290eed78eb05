// GET /api/v1/tokens — every stored token (name, kind, access, display prefix, times) and the environment's
// POST /api/v1/tokens — create a token: 201 with its plaintext, the only time it is returned
import { createToken, listEnvironmentTokens, listTokens } from '@/lib/auth/manage-tokens';
import { canChange } from '@/lib/auth/principal';
import { ApiError } from '@/lib/http/api-error';
import { readJsonBody } from '@/lib/http/read-json-body';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

const tokenBody = { maxBytes: 4096, example: '{"name": "billing worker (production)", "kind": "ingest"}' } as const;

export const GET = withApiAuth(async (_request, { db, principal }) => {
  // Token management is an admin's job (the page is admin-only too), even just listing.
  if (!canChange(principal)) {
    throw new ApiError('forbidden', 'Listing tokens needs an admin session or a read-write API token.');
  }
  return Response.json({ tokens: await listTokens(db), environment: listEnvironmentTokens() });
});

export const POST = withApiAuth(async (request, { db }) => {
  const result = await createToken(db, await readJsonBody(request, tokenBody));
  if (!result.ok) throw new ApiError('unprocessable', `The token is invalid: ${result.message}.`, {}, result.fieldErrors);
  return Response.json(
    { token: result.token, plaintext: result.plaintext },
    // The plaintext must not linger in any cache on the way back.
    { status: 201, headers: { Location: `/api/v1/tokens/${result.token.id}`, 'Cache-Control': 'no-store' } },
  );
});

// Authentication for /api/v1: an API token in the Authorization header, or else the session
// cookie of a signed-in user. Reads need either; changes (any method but GET/HEAD) need a
// read-write token or an admin, and a cookie-authenticated change must come from our own origin.
import type { Database } from '@/lib/db/client';
import { ApiError } from '@/lib/http/api-error';
import { authenticateBearer } from './authenticate-bearer';
import { canChange, type Principal, readOnlyReason } from './principal';
import { isSameOrigin } from './same-origin';
import { sessionSecretFromCookieHeader } from './session-cookie';
import { resolveSession } from './sessions';

const readMethods = new Set(['GET', 'HEAD']);

export async function authenticateApiRequest(db: Database, request: Request): Promise<Principal> {
  const principal = await identify(db, request);
  if (readMethods.has(request.method.toUpperCase())) return principal;
  if (principal.kind === 'session' && !isSameOrigin(request.headers)) {
    throw new ApiError('forbidden', 'Cross-site request refused: changes with a session cookie must come from the Faultline dashboard itself.');
  }
  if (!canChange(principal)) throw new ApiError('forbidden', readOnlyReason(principal));
  return principal;
}

async function identify(db: Database, request: Request): Promise<Principal> {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const check = await authenticateBearer(db, header, 'api');
    if (!check.ok) throw new ApiError('unauthorized', check.reason, { 'WWW-Authenticate': 'Bearer' });
    return { kind: 'token', token: check.token };
  }
  const user = await resolveSession(db, sessionSecretFromCookieHeader(request.headers.get('cookie')), new Date());
  if (user) return { kind: 'session', user };
  throw new ApiError('unauthorized', 'Sign in to Faultline, or send "Authorization: Bearer <API token>" (tokens: /settings/tokens).', {
    'WWW-Authenticate': 'Bearer',
  });
}

// Who is asking: a signed-in user (by session cookie) or an API token. One rule decides what
// each may do, so pages, server actions and the API cannot disagree.
import type { AuthenticatedToken } from './authenticate-bearer';
import type { SessionUser } from './sessions';

export type Principal = { kind: 'session'; user: SessionUser } | { kind: 'token'; token: AuthenticatedToken };

export function canChange(principal: Principal): boolean {
  return principal.kind === 'session' ? principal.user.role === 'admin' : principal.token.canWrite;
}

/** Why a principal may not change anything, in words the user can act on. */
export function readOnlyReason(principal: Principal): string {
  return principal.kind === 'session'
    ? `Your role (${principal.user.role}) can read but not change anything; ask an admin to make you an admin.`
    : `The API token "${principal.token.name}" is read-only; create a read-write API token at /settings/tokens.`;
}

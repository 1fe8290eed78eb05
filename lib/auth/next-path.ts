// Where to send a user after signing in: only a path on this server, so /login?next=
// cannot be used to bounce a freshly signed-in user to another site.

export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f]/.test(next)) return '/';
  // /login itself would loop.
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

export function loginPath(next: string | null | undefined): string {
  const target = safeNextPath(next);
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}

/** Set by proxy.ts on every page request (overwriting any sent by the client): the path and query, for /login?next=. */
export const requestPathHeader = 'x-faultline-path';

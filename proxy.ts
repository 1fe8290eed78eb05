// Runs before every page request (not /api, whose routes authenticate themselves with a JSON
// 401, and not /v1/traces, which takes ingest tokens): turns away requests without a valid
// session with a redirect to /login?next=..., and gives each page its CSP nonce.
import { randomBytes } from 'node:crypto';
import { type NextRequest, NextResponse } from 'next/server';
import { loginPath, requestPathHeader } from '@/lib/auth/next-path';
import { sessionCookieName } from '@/lib/auth/session-cookie-name';
import { resolveSession } from '@/lib/auth/sessions';
import { getDatabase } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';
import { pageContentSecurityPolicy } from '@/lib/http/content-security-policy';

const publicPaths = new Set(['/login']);

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const path = pathname + search;
  if (!publicPaths.has(pathname) && !(await hasValidSession(request))) {
    return NextResponse.redirect(new URL(loginPath(path), request.url));
  }
  const nonce = randomBytes(16).toString('base64');
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const headers = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set('content-security-policy', policy);
  headers.set(requestPathHeader, path);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

async function hasValidSession(request: NextRequest): Promise<boolean> {
  const secret = request.cookies.get(sessionCookieName)?.value;
  if (!secret) return false;
  try {
    return (await resolveSession(getDatabase(), secret, new Date())) !== null;
  } catch (err) {
    // Let the page render its "database unavailable" state instead of bouncing to /login.
    if (isDatabaseUnavailable(err)) return true;
    throw err;
  }
}

export const config = {
  matcher: ['/((?!api/|v1/|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)'],
};

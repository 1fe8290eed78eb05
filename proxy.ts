// Runs before every page request (not /api, whose routes authenticate themselves with a JSON
// 401, and not /v1/traces, which takes ingest tokens): turns away requests without a valid
// session with a redirect to /login?next=..., and gives each page its CSP nonce. While the
// database does not answer, a browser loading a page gets a 503 that reloads itself.
import { randomBytes } from 'node:crypto';
import { type NextRequest, NextResponse } from 'next/server';
import { loginPath, requestPathHeader } from '@/lib/auth/next-path';
import { sessionCookieName } from '@/lib/auth/session-cookie-name';
import { resolveSession } from '@/lib/auth/sessions';
import { getDatabase } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';
import { pageContentSecurityPolicy } from '@/lib/http/content-security-policy';
import { databaseUnavailableResponse } from '@/lib/http/database-unavailable-page';

const publicPaths = new Set(['/login']);

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const path = pathname + search;
  const session = publicPaths.has(pathname) ? 'public' : await checkSession(request);
  if (session === 'none') return NextResponse.redirect(new URL(loginPath(path), request.url));
  const nonce = randomBytes(16).toString('base64');
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  // A page load gets the self-reloading 503. The router's own fetches (RSC, prefetch) and server
  // actions go on: the page's error boundary (app/error.tsx) and the actions say "unavailable" in place.
  if (session === 'unavailable' && isPageLoad(request)) return databaseUnavailableResponse(nonce, policy);
  const headers = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set('content-security-policy', policy);
  headers.set(requestPathHeader, path);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

async function checkSession(request: NextRequest): Promise<'valid' | 'none' | 'unavailable'> {
  const secret = request.cookies.get(sessionCookieName)?.value;
  if (!secret) return 'none';
  try {
    return (await resolveSession(getDatabase(), secret, new Date())) ? 'valid' : 'none';
  } catch (err) {
    // Say "database unavailable" instead of bouncing a signed-in user to /login.
    if (isDatabaseUnavailable(err)) return 'unavailable';
    throw err;
  }
}

// Next hides its RSC headers from the proxy; the browser's Sec-Fetch-Dest still tells a page load
// ("document", or absent from non-browser clients) from the router's fetches ("empty").
function isPageLoad(request: NextRequest): boolean {
  const dest = request.headers.get('sec-fetch-dest');
  return request.method === 'GET' && (dest === null || dest === 'document');
}

export const config = {
  matcher: ['/((?!api/|v1/|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)'],
};

// Access control as an outsider meets it. The pages and API routes are found by walking app/ at
// test time, so a route added later is covered without touching this file: without a session
// (or with a forged or signed-out one) every page but /login redirects to /login?next=..., and
// every API route but GET /api/health answers 401. Also the security headers, and the Origin
// check that stops another site from changing things with the admin's cookie.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';
import { e2eAdmin, e2eTokens } from '../playwright.config';

const appDir = path.resolve(__dirname, '..', 'app');
const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const publicPages = new Set(['/login']);
const publicRoutes = new Set(['GET /api/health']);
const anonymous = { cookies: [], origins: [] };

interface RouteMethod {
  url: string;
  method: string;
  file: string;
}

/** Every file whose name matches under app/, skipping private folders (_components), as paths relative to app/. */
function findFiles(name: RegExp, dir = appDir): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('_')) found.push(...findFiles(name, path.join(dir, entry.name)));
    } else if (name.test(entry.name)) {
      found.push(path.relative(appDir, path.join(dir, entry.name)));
    }
  }
  return found.sort();
}

/** The URL a page.tsx or route.ts answers, with a made-up value for each dynamic segment. */
function urlOf(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .filter((s) => s !== '.' && !/^\(.*\)$/.test(s) && !s.startsWith('@'))
    .map((s) => (s.startsWith('[') ? 'x1' : s));
  return `/${segments.join('/')}`;
}

/** The HTTP methods a route.ts exports: `export const GET =`, `export async function POST(`, `export { PUT }`. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|(?:async\s+)?function)\s+([A-Z]+)\b/g)) found.add(m[1] ?? '');
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? '').split(',')) found.add(part.trim().split(/\s+as\s+/).at(-1) ?? '');
  }
  return httpMethods.filter((method) => found.has(method));
}

const pages = findFiles(/^page\.[jt]sx?$/).map(urlOf);
const routeFiles = findFiles(/^route\.[jt]s$/);
const routes: RouteMethod[] = routeFiles.flatMap((file) =>
  exportedMethods(fs.readFileSync(path.join(appDir, file), 'utf8')).map((method) => ({ url: urlOf(file), method, file })),
);
const protectedPages = pages.filter((p) => !publicPages.has(p));
const protectedRoutes = routes.filter((r) => !publicRoutes.has(`${r.method} ${r.url}`));

/** A session cookie of the right shape that no server ever issued. */
const forgedCookie = () => `faultline_session=${randomBytes(32).toString('base64url')}`;

async function expectSentToLogin(res: APIResponse, pagePath: string): Promise<void> {
  expect(res.status(), `${pagePath} answers`).toBe(307);
  const location = new URL(res.headers().location ?? '', 'http://placeholder');
  expect(location.pathname + location.search, `${pagePath} redirects to`).toBe(`/login?next=${encodeURIComponent(pagePath)}`);
}

/** /api answers in the one JSON error shape; /v1/traces in OTLP's Status shape. */
async function expectUnauthorized(res: APIResponse, what: string, shape: 'api' | 'otlp' = 'api'): Promise<void> {
  expect(res.status(), what).toBe(401);
  expect(res.headers()['www-authenticate'], `${what}: WWW-Authenticate`).toBe('Bearer');
  const body = await res.json();
  if (shape === 'api') {
    expect(body, `${what}: the one JSON error shape`).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  } else {
    expect(body, `${what}: OTLP's Status shape`).toEqual({ code: expect.any(Number), message: expect.stringMatching(/Authorization|token/i) });
  }
}

/** Asks every protected page and route with `headers`, and expects each to be refused. */
async function expectAllRefused(request: APIRequestContext, headers: Record<string, string>): Promise<void> {
  for (const page of protectedPages) {
    // A query string too: the redirect must keep it for after sign-in.
    const pagePath = `${page}?range=24h`;
    await expectSentToLogin(await request.get(pagePath, { headers, maxRedirects: 0 }), pagePath);
  }
  for (const { url, method, file } of protectedRoutes) {
    const res = await request.fetch(url, { method, headers, maxRedirects: 0, data: method === 'GET' || method === 'HEAD' ? undefined : {} });
    const what = `${method} ${url} (${file})`;
    if (url.startsWith('/api/')) await expectUnauthorized(res, what);
    else if (url.startsWith('/v1/')) await expectUnauthorized(res, what, 'otlp');
    else await expectSentToLogin(res, url); // a route handler elsewhere sits behind the proxy like a page
    // Next answers HEAD with the GET handler: it must be refused the same way (there is no body to read).
    if (method === 'GET' && url.startsWith('/api/')) {
      const head = await request.fetch(url, { method: 'HEAD', headers, maxRedirects: 0 });
      expect(head.status(), `HEAD ${url}`).toBe(401);
      expect(head.headers()['www-authenticate'], `HEAD ${url}: WWW-Authenticate`).toBe('Bearer');
    }
  }
}

test.describe('without a valid session', () => {
  test.use({ storageState: anonymous });

  test('the route tree is found, and is not trivially small', () => {
    // If the walk or the method regex broke, every check below would pass by checking nothing.
    expect(protectedPages.length, `pages found: ${pages.join(', ')}`).toBeGreaterThanOrEqual(10);
    expect(protectedRoutes.length, `routes found: ${routes.map((r) => `${r.method} ${r.url}`).join(', ')}`).toBeGreaterThanOrEqual(15);
    expect(pages).toEqual(expect.arrayContaining(['/', '/login', '/requests', '/keys/x1']));
    expect(routes).toEqual(expect.arrayContaining([expect.objectContaining({ url: '/v1/traces', method: 'POST' })]));
    expect(routes).toEqual(expect.arrayContaining([expect.objectContaining({ url: '/api/health', method: 'GET' })]));
    // Every route file must export at least one method the regex recognises.
    for (const file of routeFiles) expect(routes.some((r) => r.file === file), `methods of ${file}`).toBe(true);
  });

  test('nothing but /login and /api/health answers without credentials', async ({ request }) => {
    await expectAllRefused(request, {});

    const login = await request.get('/login', { maxRedirects: 0 });
    expect(login.status()).toBe(200);
    expect(await login.text()).toContain('Sign in to Faultline');
    const health = await request.get('/api/health', { maxRedirects: 0 });
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  test('a forged session cookie is refused everywhere', async ({ request }) => {
    await expectAllRefused(request, { Cookie: forgedCookie() });
  });

  test('tokens of the wrong kind, or unknown ones, are refused', async ({ request }) => {
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    await expectUnauthorized(await request.get('/api/v1/summary', { headers: bearer(e2eTokens.ingest) }), 'GET /api/v1/summary with the ingest token');
    await expectUnauthorized(await request.get('/api/v1/summary', { headers: bearer(`fl_api_${randomBytes(24).toString('base64url')}`) }), 'GET /api/v1/summary with an unknown token');
    await expectUnauthorized(
      await request.post('/v1/traces', { headers: { ...bearer(e2eTokens.api), 'Content-Type': 'application/json' }, data: {} }),
      'POST /v1/traces with the API token',
      'otlp',
    );
    // The API token still works, so the refusals above are about the credential alone.
    expect((await request.get('/api/v1/summary', { headers: bearer(e2eTokens.api) })).status()).toBe(200);
  });

  test('a signed-out session no longer opens anything', async ({ browser, request }) => {
    const context = await browser.newContext({ storageState: anonymous });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(e2eAdmin.email);
    await page.getByLabel('Password').fill(e2eAdmin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const session = (await context.cookies()).find((c) => c.name === 'faultline_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    const cookie = `faultline_session=${session?.value}`;
    expect((await request.get('/api/v1/summary', { headers: { Cookie: cookie } })).status()).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await context.close();
    await expectSentToLogin(await request.get('/problems', { headers: { Cookie: cookie }, maxRedirects: 0 }), '/problems');
    await expectUnauthorized(await request.get('/api/v1/summary', { headers: { Cookie: cookie } }), 'GET /api/v1/summary after sign-out');
  });

  test('pages and JSON carry the security headers', async ({ request }) => {
    const login = await request.get('/login');
    const policy = login.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce, `page CSP: ${policy}`).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    // The e2e server is a production build: no eval, no inline scripts without the nonce.
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Next put this response's nonce on its own scripts, and a new response gets a new nonce.
    expect(await login.text()).toContain(`nonce="${nonce}"`);
    const again = (await request.get('/login')).headers()['content-security-policy'] ?? '';
    expect(again).not.toContain(`'nonce-${nonce}'`);
    expect(login.headers()['x-content-type-options']).toBe('nosniff');
    expect(login.headers()['referrer-policy']).toBeTruthy();
    expect(login.headers()['x-frame-options']).toBe('DENY');

    for (const res of [await request.get('/api/v1/summary'), await request.get('/api/health')]) {
      expect(res.headers()['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
    }
  });
});

test.describe('signed in as the admin', () => {
  test('a dashboard page has the nonce-based policy too', async ({ request }) => {
    const res = await request.get('/', { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    const policy = res.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['referrer-policy']).toBeTruthy();
    const api = await request.get('/api/v1/summary');
    expect(api.status()).toBe(200);
    expect(api.headers()['content-security-policy']).toContain("default-src 'none'");
  });

  test("another site cannot change things with the admin's cookie", async ({ request, baseURL }) => {
    const fingerprint = `fp_e2eorigin${randomBytes(4).toString('hex')}`;
    const patch = (headers: Record<string, string>) =>
      request.patch(`/api/v1/keys/${fingerprint}`, { headers, data: { label: 'changed from elsewhere' }, maxRedirects: 0 });

    for (const origin of ['https://evil.example', 'null']) {
      const res = await patch({ Origin: origin });
      expect(res.status(), `Origin: ${origin}`).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/Cross-site request refused/) } });
    }
    expect((await patch({})).status(), 'no Origin at all').toBe(403);
    // From the dashboard's own origin the same request gets past authorisation (to "no such key").
    const own = await patch({ Origin: new URL(baseURL ?? '').origin });
    expect(own.status()).toBe(404);
    expect((await own.json()).error.message).toContain(fingerprint);
  });
});

// The API's two ways in, through real route handlers and a real database: a session cookie
// (viewer reads, admin changes, only from our own origin) and bearer tokens; nothing else.
import { beforeAll, describe, expect, it } from 'vitest';
import { PATCH as keyPatch } from '@/app/api/v1/keys/[fingerprint]/route';
import { GET as summaryGet } from '@/app/api/v1/summary/route';
import { insertUser } from '@/lib/db/users';
import { makeRequest } from '@/lib/testing/make-request';
import { setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';
import { hashPassword } from './password-hash';
import { startSession } from './sessions';

const env = setUpRouteTestEnvForFile({ FAULTLINE_PUBLIC_URL: 'https://faultline.example.com' });
const fingerprint = 'fp_authtest0001';

async function sessionCookie(role: 'admin' | 'viewer'): Promise<string> {
  const user = await insertUser(env.t.db, { email: `${role}-${Math.random()}@example.com`, passwordHash: await hashPassword('x'.repeat(12)), role });
  if (!user) throw new Error('no user');
  const { secret } = await startSession(env.t.db, user.id, new Date());
  return `other=1; faultline_session=${secret}`;
}

function call(handler: typeof summaryGet | typeof keyPatch, method: string, headers: Record<string, string>): Promise<Response> {
  const path = method === 'GET' ? '/api/v1/summary?range=1h' : `/api/v1/keys/${fingerprint}`;
  const body = method === 'GET' ? undefined : '{"label":"billing"}';
  const request = new Request(`http://localhost:3000${path}`, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body,
  });
  return (handler as (r: Request, c: unknown) => Promise<Response>)(request, { params: Promise.resolve({ fingerprint }) });
}

async function expectError(response: Response, status: number, message: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { message: string } };
  expect(body.error.message).toMatch(message);
}

describe('API authentication', () => {
  beforeAll(async () => {
    await seedCalls(env.t.db, [makeRequest({ apiKeyFingerprint: fingerprint, statusCode: 401, statusClass: '4xx' })]);
  });

  it('refuses a request with no credentials, and names both ways in', async () => {
    const res = await call(summaryGet, 'GET', {});
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    await expectError(res, 401, /Sign in to Faultline, or send "Authorization: Bearer <API token>"/);
  });

  it('lets a viewer session read but not change', async () => {
    const cookie = await sessionCookie('viewer');
    expect((await call(summaryGet, 'GET', { cookie })).status).toBe(200);
    const res = await call(keyPatch, 'PATCH', { cookie, origin: 'http://localhost:3000', host: 'localhost:3000' });
    await expectError(res, 403, /Your role \(viewer\) can read but not change anything/);
  });

  it('lets an admin session change, from our own origin only', async () => {
    const cookie = await sessionCookie('admin');
    expect((await call(keyPatch, 'PATCH', { cookie, origin: 'http://localhost:3000', host: 'localhost:3000' })).status).toBe(200);
    // FAULTLINE_PUBLIC_URL names the origin behind a proxy that rewrites Host.
    expect((await call(keyPatch, 'PATCH', { cookie, origin: 'https://faultline.example.com', host: 'app:3000' })).status).toBe(200);
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const headers: Record<string, string> = { cookie, host: 'localhost:3000' };
      if (origin) headers.origin = origin;
      await expectError(await call(keyPatch, 'PATCH', headers), 403, /Cross-site request refused/);
    }
  });

  it('a bearer header decides alone: a bad token is refused even alongside a valid session', async () => {
    const cookie = await sessionCookie('admin');
    const res = await call(summaryGet, 'GET', { cookie, authorization: 'Bearer fl_api_not-a-real-token-000000' });
    await expectError(res, 401, /Invalid API token: it is unknown or was revoked/);
  });

  it('refuses the ingest token on the API, naming its kind', async () => {
    const res = await call(summaryGet, 'GET', { authorization: `Bearer ${env.ingestToken}` });
    await expectError(res, 401, /it is an ingest token, which only \/v1\/traces accepts/);
  });

  it('refuses forged and expired-looking session cookies', async () => {
    for (const cookie of [`faultline_session=${'A'.repeat(43)}`, 'faultline_session=../../etc', 'faultline_session=']) {
      expect((await call(summaryGet, 'GET', { cookie })).status).toBe(401);
    }
  });
});

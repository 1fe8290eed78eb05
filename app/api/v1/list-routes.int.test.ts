// GET /api/v1/endpoints and GET /api/v1/keys through the real route handlers against a real
// database seeded with known calls: auth, validation, ordering, the failing filter, fields.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as endpointsGet } from '@/app/api/v1/endpoints/route';
import { GET as keysGet } from '@/app/api/v1/keys/route';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import type { EndpointStats } from '@/lib/db/queries/list-endpoint-stats';
import type { KeyStats } from '@/lib/db/queries/list-key-stats';
import { makeRequest } from '@/lib/testing/make-request';
import { queryString, uniqueId, setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';

type Handler = (request: Request) => Promise<Response>;

const env = setUpRouteTestEnvForFile();

const minute = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const endpointIdFor = () => randomBytes(8).toString('hex');

const seed = (requests: ClassifiedRequest[]) => seedCalls(env.t.db, requests);

// The rows as the routes answer them: the stats with ISO times instead of milliseconds.
type EndpointJson = Omit<EndpointStats, 'lastSeenMs'> & { lastSeenAt: string };
type KeyJson = Omit<KeyStats, 'firstSeenMs' | 'lastSeenMs'> & { firstSeenAt: string | null; lastSeenAt: string | null };

const routes: [string, Handler, string][] = [
  ['endpoints', endpointsGet, '/api/v1/endpoints'],
  ['keys', keysGet, '/api/v1/keys'],
];

describe('authentication', () => {
  it.each(routes)('%s answers 401 without a token, with a wrong one and with the ingest token', async (_name, handler, path) => {
    const missing = await env.get(handler, path, null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(missing.body).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(/^Sign in to Faultline, or send "Authorization: Bearer <API token>"/) } });
    for (const token of [`wrong-${randomBytes(12).toString('hex')}`, env.ingestToken]) {
      const res = await env.get(handler, path, token);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(token === env.ingestToken ? /it is an ingest token, which only \/v1\/traces accepts/ : /Invalid API token/) } });
    }
  });
});

describe('query validation', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['an unknown order', { order: 'latency' }, /order: order must be "errors" or "total"/],
    ['limit=0', { limit: '0' }, /limit: limit must be a whole number from 1 to 500/],
    ['limit=501', { limit: '501' }, /limit: limit must be a whole number from 1 to 500/],
    ['limit=abc', { limit: 'abc' }, /limit: limit must be a whole number/],
    ['limit=2.5', { limit: '2.5' }, /limit: /],
    ['failing=yes', { failing: 'yes' }, /failing: failing must be "true" or "false"/],
    ['a bad from', { from: 'yesterday' }, /from: from must be an ISO-8601 time/],
    ['from after to', { from: iso(Date.now()), to: iso(Date.now() - minute) }, /from: from must be before to/],
  ];
  for (const [name, handler, path] of routes) {
    it.each(cases)(`${name}: answers 400 naming the parameter for %s`, async (_case, params, message) => {
      const res = await env.get(handler, `${path}?${queryString(params)}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/^Invalid query: /) } });
      expect((res.body as { error: { message: string } }).error.message).toMatch(message);
    });
  }
});

describe('the lists', () => {
  const base = Date.UTC(2026, 2, 2, 14, 0);
  const service = uniqueId('svc-lists');
  const epA = endpointIdFor();
  const epB = endpointIdFor();
  const epC = endpointIdFor();
  const fpA = uniqueId('fp_a');
  const fpB = uniqueId('fp_b');
  const range = { from: iso(base), to: iso(base + 10 * minute), service };
  const at = (m: number) => base + m * minute + 2_000;
  const call = (m: number, statusCode: number, endpointId: string, apiKeyFingerprint: string, durationMs = 50) =>
    makeRequest({ startMs: at(m), statusCode, endpointId, apiKeyFingerprint, service, durationMs, route: `/api/v4/${endpointId}`, method: 'GET' });

  beforeAll(async () => {
    await seed([
      // epA: 2×401, 1×429, 1×200 (key A) → 4 calls, 3 failures
      call(0, 401, epA, fpA, 10),
      call(0, 401, epA, fpA, 20),
      call(1, 429, epA, fpA, 30),
      call(1, 200, epA, fpA, 40),
      // epB: 6×200, 1×403 (key B) → 7 calls, 1 failure
      ...Array.from({ length: 6 }, (_, i) => call(2 + (i % 3), 200, epB, fpB)),
      call(5, 403, epB, fpB),
      // epC: 2×200 without a key → no failures
      call(6, 200, epC, ''),
      call(6, 200, epC, ''),
      // Outside the range.
      call(12, 401, epC, fpB),
    ]);
    await env.t.db.prisma.apiKey.update({ where: { fingerprint: fpA }, data: { label: 'billing worker', environment: 'production' } });
  });

  it('lists endpoints most failures first by default, with their stats and ISO times', async () => {
    const { endpoints } = await env.getOk<{ endpoints: EndpointJson[] }>(endpointsGet, `/api/v1/endpoints?${queryString(range)}`);
    expect(endpoints.map((e) => e.endpointId)).toEqual([epA, epB, epC]);
    expect(endpoints[0]).toEqual({
      endpointId: epA,
      method: 'GET',
      host: 'cc1.voiso.com',
      route: `/api/v4/${epA}`,
      total: 4,
      errors: 3,
      unauthorized: 2,
      forbidden: 0,
      rateLimited: 1,
      meanDurationMs: 25,
      lastSeenAt: iso(at(1)),
    });
    expect(endpoints[1]).toMatchObject({ endpointId: epB, total: 7, errors: 1, forbidden: 1 });
    // The last call ever, not only in the range.
    expect(endpoints[2]).toMatchObject({ endpointId: epC, total: 2, errors: 0, lastSeenAt: iso(at(12)) });
  });

  it('orders endpoints by calls, filters failing ones and limits', async () => {
    const byTotal = await env.getOk<{ endpoints: EndpointJson[] }>(endpointsGet, `/api/v1/endpoints?${queryString({ ...range, order: 'total' })}`);
    expect(byTotal.endpoints.map((e) => [e.endpointId, e.total])).toEqual([
      [epB, 7],
      [epA, 4],
      [epC, 2],
    ]);
    const failing = await env.getOk<{ endpoints: EndpointJson[] }>(endpointsGet, `/api/v1/endpoints?${queryString({ ...range, order: 'total', failing: 'true' })}`);
    expect(failing.endpoints.map((e) => e.endpointId)).toEqual([epB, epA]);
    const explicitAll = await env.getOk<{ endpoints: EndpointJson[] }>(endpointsGet, `/api/v1/endpoints?${queryString({ ...range, failing: 'false' })}`);
    expect(explicitAll.endpoints).toHaveLength(3);
    const one = await env.getOk<{ endpoints: EndpointJson[] }>(endpointsGet, `/api/v1/endpoints?${queryString({ ...range, limit: 1 })}`);
    expect(one.endpoints.map((e) => e.endpointId)).toEqual([epA]);
  });

  it('lists keys with label and environment, "" for calls without a key, and ISO first/last seen', async () => {
    const { keys } = await env.getOk<{ keys: KeyJson[] }>(keysGet, `/api/v1/keys?${queryString(range)}`);
    expect(keys).toEqual([
      {
        fingerprint: fpA,
        label: 'billing worker',
        environment: 'production',
        total: 4,
        errors: 3,
        unauthorized: 2,
        forbidden: 0,
        rateLimited: 1,
        firstSeenAt: iso(at(0)),
        lastSeenAt: iso(at(1)),
      },
      {
        fingerprint: fpB,
        label: null,
        environment: null,
        total: 7,
        errors: 1,
        unauthorized: 0,
        forbidden: 1,
        rateLimited: 0,
        firstSeenAt: iso(at(2)),
        lastSeenAt: iso(at(12)),
      },
      { fingerprint: '', label: null, environment: null, total: 2, errors: 0, unauthorized: 0, forbidden: 0, rateLimited: 0, firstSeenAt: null, lastSeenAt: null },
    ]);
  });

  it('orders keys by calls, filters failing ones, and applies the endpoint and key filters', async () => {
    const byTotal = await env.getOk<{ keys: KeyJson[] }>(keysGet, `/api/v1/keys?${queryString({ ...range, order: 'total' })}`);
    expect(byTotal.keys.map((k) => k.fingerprint)).toEqual([fpB, fpA, '']);
    const failing = await env.getOk<{ keys: KeyJson[] }>(keysGet, `/api/v1/keys?${queryString({ ...range, failing: 'true' })}`);
    expect(failing.keys.map((k) => k.fingerprint)).toEqual([fpA, fpB]);
    const ofEndpoint = await env.getOk<{ keys: KeyJson[] }>(keysGet, `/api/v1/keys?${queryString({ ...range, endpoint: epC })}`);
    expect(ofEndpoint.keys.map((k) => [k.fingerprint, k.total])).toEqual([['', 2]]);
    const ofKey = await env.getOk<{ endpoints: EndpointJson[] }>(endpointsGet, `/api/v1/endpoints?${queryString({ ...range, key: fpB })}`);
    expect(ofKey.endpoints.map((e) => [e.endpointId, e.total])).toEqual([[epB, 7]]);
  });

  it('answers empty lists for a range without calls', async () => {
    const quiet = { from: iso(base - 60 * minute), to: iso(base - 30 * minute), service };
    expect(await env.getOk(endpointsGet, `/api/v1/endpoints?${queryString(quiet)}`)).toEqual({ endpoints: [] });
    expect(await env.getOk(keysGet, `/api/v1/keys?${queryString(quiet)}`)).toEqual({ keys: [] });
  });
});

describe('defaults', () => {
  it('reads the last hour and returns at most 50 rows', async () => {
    const service = uniqueId('svc-defaults');
    const now = Date.now();
    await seed([
      ...Array.from({ length: 55 }, (_, i) => makeRequest({ startMs: now - 10 * minute, statusCode: 401, service, endpointId: endpointIdFor(), apiKeyFingerprint: `fp_${i}_${service}` })),
      makeRequest({ startMs: now - 2 * 60 * minute, statusCode: 429, service, endpointId: endpointIdFor(), apiKeyFingerprint: `fp_old_${service}` }),
    ]);
    const { endpoints } = await env.getOk<{ endpoints: EndpointJson[] }>(endpointsGet, `/api/v1/endpoints?service=${service}`);
    expect(endpoints).toHaveLength(50);
    expect(endpoints.every((e) => e.unauthorized === 1 && e.rateLimited === 0)).toBe(true);
    const { keys } = await env.getOk<{ keys: KeyJson[] }>(keysGet, `/api/v1/keys?service=${service}&limit=500`);
    expect(keys).toHaveLength(55);
    expect(keys.some((k) => k.fingerprint.startsWith('fp_old_'))).toBe(false);
  });
});

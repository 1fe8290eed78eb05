// GET /api/v1/requests and GET /api/v1/requests/{id} through the real route handlers against
// a real database: auth, the JSON shape, every filter, cursor paging and its errors.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as detailGet } from '@/app/api/v1/requests/[id]/route';
import { GET as listGet } from '@/app/api/v1/requests/route';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import type { RequestJson } from '@/lib/dashboard/requests/request-to-json';
import { makeRequest } from '@/lib/testing/make-request';
import { type JsonResponse, queryString, uniqueId, setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';

interface ListBody {
  requests: RequestJson[];
  nextCursor: string | null;
}

type ErrorBody = { error?: { code: string; message: string } };

const env = setUpRouteTestEnvForFile();

const minute = 60_000;
const base = Date.UTC(2026, 2, 4, 10, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const range = { from: iso(base), to: iso(base + 60 * minute) };

const seed = (requests: ClassifiedRequest[]) => seedCalls(env.t.db, requests);

const listPath = (params: Record<string, string | number | undefined>) => `/api/v1/requests?${queryString(params)}`;
const getList = (params: Record<string, string | number | undefined>, token?: string | null) =>
  env.get<ListBody & ErrorBody>(listGet, listPath(params), token);
const listOk = (params: Record<string, string | number | undefined>) => env.getOk<ListBody>(listGet, listPath(params));

async function getDetail(id: string, token?: string | null) {
  return (await env.send(detailGet, `/api/v1/requests/${id}`, { token, params: { id } })) as JsonResponse<RequestJson & ErrorBody>;
}

const spansOf = (body: ListBody) => body.requests.map((r) => r.spanId);

describe('authentication', () => {
  it.each([
    ['no token', null],
    ['a wrong token', `wrong-${randomBytes(8).toString('hex')}`],
  ])('both routes answer 401 to %s', async (_what, token) => {
    for (const res of [await getList(range, token), await getDetail('1', token)]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.body.error?.code).toBe('unauthorized');
    }
  });

  it('refuses the ingest token', async () => {
    expect((await getList(range, env.ingestToken)).status).toBe(401);
    expect((await getDetail('1', env.ingestToken)).status).toBe(401);
  });
});

describe('GET /api/v1/requests', () => {
  const service = uniqueId('svc');
  const ep = `ep${randomBytes(7).toString('hex')}`;
  const fp = uniqueId('fp');
  const calls = {
    ok: makeRequest({ service, startMs: base + 1_000, statusCode: 200, endpointId: ep, apiKeyFingerprint: fp }),
    unauthorized: makeRequest({
      service,
      startMs: base + 2_000,
      statusCode: 401,
      endpointId: ep,
      apiKeyFingerprint: fp,
      resendCount: 2,
      extraAttributes: { 'app.tenant': 'acme' },
    }),
    throttled: makeRequest({ service, startMs: base + 3_000, statusCode: 429, errorKeys: ['Too many requests'], retryAfter: '30', environment: 'staging' }),
    invalid: makeRequest({ service, startMs: base + 4_000, statusCode: 422, errorKeys: ['name: is missing', 'timezone: must be a string'], errorBody: '{"errors":{}}' }),
    network: makeRequest({ service, startMs: base + 5_000, statusCode: 0, errorKeys: ['ECONNREFUSED'], errorType: 'ECONNREFUSED', errorBody: null }),
    serverError: makeRequest({ service, startMs: base + 6_000, statusCode: 502, errorKeys: ['Bad Gateway'] }),
    outside: makeRequest({ service, startMs: base - 1, statusCode: 429, errorKeys: ['Too many requests'] }),
  };
  const spans = (...names: (keyof typeof calls)[]) => names.map((n) => calls[n].spanId);

  beforeAll(async () => {
    await seed(Object.values(calls));
    await env.t.db.prisma.apiKey.update({ where: { fingerprint: fp }, data: { label: 'billing worker' } });
  });

  it('lists the range newest first with ISO times, all error keys and the key label', async () => {
    const body = await listOk({ ...range, service });
    expect(spansOf(body)).toEqual(spans('serverError', 'network', 'invalid', 'throttled', 'unauthorized', 'ok'));
    expect(body.nextCursor).toBeNull();
    const c = calls.unauthorized;
    expect(body.requests[4]).toEqual({
      id: expect.any(Number),
      traceId: c.traceId,
      spanId: c.spanId,
      parentSpanId: null,
      spanName: 'GET',
      startedAt: iso(c.startMs),
      durationMs: 42,
      service,
      environment: 'production',
      endpointId: ep,
      method: 'GET',
      host: 'cc1.voiso.com',
      route: '/api/v4/users',
      statusCode: 401,
      statusClass: '4xx',
      errorType: null,
      errorKey: 'Unauthorized',
      errorKeys: ['Unauthorized'],
      errorBody: '{"error":"Unauthorized"}',
      apiKeyFingerprint: fp,
      apiKeyLabel: 'billing worker',
      authScheme: 'bearer',
      accept: 'application/json',
      retryAfter: null,
      resendCount: 2,
      extraAttributes: { 'app.tenant': 'acme' },
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(body.requests[2]?.errorKeys).toEqual(['name: is missing', 'timezone: must be a string']);
  });

  it.each<[string, Record<string, string>, (keyof typeof calls)[]]>([
    ['status=429', { status: '429' }, ['throttled']],
    ['a status list', { status: '401, 429' }, ['throttled', 'unauthorized']],
    ['status=0 for no response', { status: '0' }, ['network']],
    ['class=5xx', { class: '5xx' }, ['serverError']],
    ['class=network', { class: 'network' }, ['network']],
    ['failed=true', { failed: 'true' }, ['serverError', 'network', 'invalid', 'throttled', 'unauthorized']],
    ['failed=false (no filter)', { failed: 'false' }, ['serverError', 'network', 'invalid', 'throttled', 'unauthorized', 'ok']],
    ['a later error key of a 422', { errorKey: 'timezone: must be a string' }, ['invalid']],
    ['an endpoint', { endpoint: ep }, ['unauthorized', 'ok']],
    ['a key', { key: fp }, ['unauthorized', 'ok']],
    ['an environment', { environment: 'staging' }, ['throttled']],
    ['status and key together', { status: '401,429', key: fp }, ['unauthorized']],
  ])('filters by %s', async (_what, params, expected) => {
    expect(spansOf(await listOk({ ...range, service, ...params }))).toEqual(spans(...expected));
  });

  it('defaults to the last hour', async () => {
    const recent = makeRequest({ service, startMs: Date.now() - 5 * minute, statusCode: 403, errorKeys: ['Forbidden'] });
    await seed([recent]);
    expect(spansOf(await listOk({ service }))).toEqual([recent.spanId]);
  });

  it.each([
    ['status', { status: '4xx' }, /status: status must be HTTP status codes/],
    ['status', { status: '600' }, /status: /],
    ['class', { class: '6xx' }, /class: class must be one of 1xx, 2xx, 3xx, 4xx, 5xx, network/],
    ['failed', { failed: 'yes' }, /failed: failed must be true or false/],
    ['limit', { limit: '0' }, /limit: limit must be a whole number from 1 to 500/],
    ['limit', { limit: '501' }, /limit: /],
    ['limit', { limit: 'ten' }, /limit: /],
    ['errorKey', { errorKey: 'x'.repeat(513) }, /errorKey: errorKey is at most 512 characters/],
    ['from', { from: 'yesterday' }, /from: from must be an ISO-8601 time/],
  ])('answers 400 naming %s for a bad value', async (_name, params, message) => {
    const res = await getList({ ...range, ...params });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/^Invalid query: /) } });
    expect(res.body.error?.message).toMatch(message);
  });

  it('answers 400 naming cursor for a tampered or foreign cursor', async () => {
    const page = await listOk({ ...range, service, limit: 2 });
    expect(page.nextCursor).toEqual(expect.any(String));
    const cursor = page.nextCursor!;
    const forged = Buffer.from('{"startMs":1,"id":"1 OR 1=1"}').toString('base64url');
    for (const bad of [`${cursor.slice(0, -2)}x!`, cursor.slice(0, -4), forged, 'not-a-cursor', `${cursor}=`]) {
      const res = await getList({ ...range, service, limit: 2, cursor: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error?.message).toMatch(/^Invalid query: cursor: cursor is not a cursor this server returned/);
    }
  });
});

describe('GET /api/v1/requests paging', () => {
  it('pages through ties in start time with nextCursor, never repeating or skipping, while calls arrive', async () => {
    const service = uniqueId('svc-page');
    const at = base + 30 * minute;
    // 11 calls on 3 start times.
    await seed(Array.from({ length: 11 }, (_, i) => makeRequest({ service, startMs: at - (i % 3), statusCode: 429, errorKeys: ['Too many requests'] })));
    const all = spansOf(await listOk({ ...range, service, limit: 500 }));
    expect(all).toHaveLength(11);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listOk({ ...range, service, status: '429', limit: 4, cursor });
      seen.push(...spansOf(page));
      cursor = page.nextCursor ?? undefined;
      pages++;
      // Between fetches, newer calls (and one at the newest tie) keep arriving.
      await seed([makeRequest({ service, startMs: at + pages, statusCode: 429 }), makeRequest({ service, startMs: at, statusCode: 429 })]);
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('defaults to 100 calls a page', async () => {
    const service = uniqueId('svc-many');
    await seed(Array.from({ length: 101 }, (_, i) => makeRequest({ service, startMs: base + 40 * minute + i, statusCode: 200 })));
    const first = await listOk({ ...range, service });
    expect(first.requests).toHaveLength(100);
    const second = await listOk({ ...range, service, cursor: first.nextCursor! });
    expect(second.requests.map((r) => r.startedAt)).toEqual([iso(base + 40 * minute)]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('GET /api/v1/requests/{id}', () => {
  it('answers one call with every error key', async () => {
    const service = uniqueId('svc-detail');
    const call = makeRequest({ service, startMs: base + 50 * minute, statusCode: 422, errorKeys: ['b: two', 'a: one', 'c: three'] });
    await seed([call]);
    const [listed] = (await listOk({ ...range, service })).requests;
    const res = await getDetail(String(listed!.id));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(listed);
    expect(res.body.errorKeys).toEqual(['b: two', 'a: one', 'c: three']);
  });

  it('answers 404 for an unknown id', async () => {
    const res = await getDetail('2147483647');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'No stored call has id 2147483647' } });
  });

  it.each(['abc', '12x', '-1', '0', '1.5', '99999999999', '2147483648'])('answers 400 for the id %s', async (id) => {
    const res = await getDetail(id);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: 'Invalid path: id must be a positive whole number' } });
  });
});

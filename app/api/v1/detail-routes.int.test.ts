// GET /api/v1/endpoints/{id}, GET and PATCH /api/v1/keys/{fingerprint} through the real route
// handlers against a real database seeded with known calls.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as endpointGet } from '@/app/api/v1/endpoints/[id]/route';
import { GET as keyGet, PATCH as keyPatch } from '@/app/api/v1/keys/[fingerprint]/route';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import type { EndpointDetailJson } from '@/lib/dashboard/endpoint/endpoint-detail-to-json';
import type { KeyDetailJson } from '@/lib/dashboard/key/key-detail-to-json';
import { makeRequest } from '@/lib/testing/make-request';
import { queryString, setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';

const env = setUpRouteTestEnvForFile();

const minute = 60_000;
const base = Date.UTC(2026, 3, 7, 9, 0);
const run = randomBytes(4).toString('hex');
const ep = (n: number) => `${run}${n.toString(16).padStart(8, '0')}`;
const epA = ep(1);
const epB = ep(2);
const fpA = `fp_a_${run}`;
// A fingerprint with the characters a path has to encode.
const fpB = `sha256:${run}/b+c=`;
const service = `crm-${run}`;
const range = { from: new Date(base).toISOString(), to: new Date(base + 10 * minute).toISOString() };

function call(m: number, statusCode: number, overrides: Partial<ClassifiedRequest> = {}): ClassifiedRequest {
  return makeRequest({
    startMs: base + m * minute + 1_000,
    statusCode,
    endpointId: epA,
    method: 'POST',
    host: 'cc1.voiso.com',
    route: '/api/v4/contacts',
    apiKeyFingerprint: fpA,
    service,
    environment: 'production',
    durationMs: 80,
    errorKeys: statusCode >= 400 || statusCode === 0 ? ['Error'] : [],
    ...overrides,
  });
}

// epA: 4×200 (fpA), 2×422 (fpA, one with two keys), 1×429 (fpB), 1×401 (no key), 1 without response (fpA).
// epB: 2×403 (fpB). Outside the range: 1×500 on epA.
const calls = [
  ...Array.from({ length: 4 }, (_, i) => call(i, 200, { durationMs: 30 + i })),
  call(4, 422, { errorKeys: ['name: is missing', 'timezone: must be a string'], durationMs: 300 }),
  call(4, 422, { errorKeys: ['name: is missing'], durationMs: 320 }),
  call(5, 429, { apiKeyFingerprint: fpB, errorKeys: ['Too many requests'], durationMs: 40 }),
  call(6, 401, { apiKeyFingerprint: '', authScheme: 'none', errorKeys: ['Unauthorized'], durationMs: 20 }),
  call(7, 0, { errorType: 'ECONNREFUSED', errorKeys: ['ECONNREFUSED'], durationMs: 6_000 }),
  call(8, 403, { endpointId: epB, method: 'GET', route: '/api/v4/users', apiKeyFingerprint: fpB, errorKeys: ['Forbidden'] }),
  call(9, 403, { endpointId: epB, method: 'GET', route: '/api/v4/users', apiKeyFingerprint: fpB, errorKeys: ['Forbidden'], service: `billing-${run}` }),
  call(10, 500, { errorKeys: ['Internal Server Error'] }),
];

beforeAll(async () => {
  await seedCalls(env.t.db, calls);
});

const endpointPath = (id: string, params: Record<string, string | undefined> = range) => `/api/v1/endpoints/${id}?${queryString(params)}`;
const keyPath = (fp: string, params: Record<string, string | undefined> = range) => `/api/v1/keys/${encodeURIComponent(fp)}?${queryString(params)}`;
const getEndpoint = (id: string, params?: Record<string, string | undefined>) => env.send(endpointGet, endpointPath(id, params), { params: { id } });
const getKey = (fp: string, params?: Record<string, string | undefined>) =>
  env.send(keyGet, keyPath(fp, params), { params: { fingerprint: encodeURIComponent(fp) } });
const patchKey = (fp: string, body: string, token?: string | null) =>
  env.send(keyPatch, keyPath(fp, {}), { params: { fingerprint: encodeURIComponent(fp) }, method: 'PATCH', body, token });

describe('authentication', () => {
  it.each([
    ['GET endpoint', () => env.send(endpointGet, endpointPath(epA), { params: { id: epA }, token: null })],
    ['GET key', () => env.send(keyGet, keyPath(fpA), { params: { fingerprint: fpA }, token: null })],
    ['PATCH key', () => patchKey(fpA, '{"label":"x"}', null)],
  ])('%s answers 401 without a token', async (_name, go) => {
    const res = await go();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(/^Sign in to Faultline, or send "Authorization: Bearer <API token>"/) } });
  });

  it.each([
    ['GET endpoint', (token: string) => env.send(endpointGet, endpointPath(epA), { params: { id: epA }, token })],
    ['GET key', (token: string) => env.send(keyGet, keyPath(fpA), { params: { fingerprint: fpA }, token })],
    ['PATCH key', (token: string) => patchKey(fpA, '{"label":"x"}', token)],
  ])('%s answers 401 to the ingest token and to a wrong one, and changes nothing', async (_name, go) => {
    for (const token of [env.ingestToken, `wrong-${run}`]) expect((await go(token)).status).toBe(401);
    expect(await env.t.db.prisma.apiKey.findUnique({ where: { fingerprint: fpA } })).toMatchObject({ label: null });
  });
});

describe('GET /api/v1/endpoints/{id}', () => {
  it('describes the endpoint over the range: totals, statuses, ranked error keys, keys and latency', async () => {
    const res = await getEndpoint(epA);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = res.body as EndpointDetailJson;
    expect(d.endpoint).toEqual({
      id: epA,
      method: 'POST',
      host: 'cc1.voiso.com',
      route: '/api/v4/contacts',
      firstSeenAt: new Date(base + 1_000).toISOString(),
      lastSeenAt: new Date(base + 10 * minute + 1_000).toISOString(),
    });
    expect([d.total, d.errors, d.errorRate]).toEqual([9, 5, 5 / 9]);
    expect(d.byStatus).toEqual({ '200': 4, '401': 1, '422': 2, '429': 1, network: 1 });
    expect(d.errorKeys).toEqual([
      { status: '422', errorKey: 'name: is missing', field: 'name', message: 'is missing', count: 2, share: 0.4 },
      { status: 'network', errorKey: 'ECONNREFUSED', field: null, message: 'ECONNREFUSED', count: 1, share: 0.2 },
      { status: '401', errorKey: 'Unauthorized', field: null, message: 'Unauthorized', count: 1, share: 0.2 },
      { status: '422', errorKey: 'timezone: must be a string', field: 'timezone', message: 'must be a string', count: 1, share: 0.2 },
      { status: '429', errorKey: 'Too many requests', field: null, message: 'Too many requests', count: 1, share: 0.2 },
    ]);
    expect(d.keys.map((k) => [k.fingerprint, k.total, k.errors, k.errorRate, k.unauthorized, k.rateLimited])).toEqual([
      [fpA, 7, 3, 3 / 7, 0, 0],
      ['', 1, 1, 1, 1, 0],
      [fpB, 1, 1, 1, 0, 1],
    ]);
    expect(d.keys[0]).toMatchObject({ label: null, firstSeenAt: new Date(base + 1_000).toISOString() });
    expect(d.keys[1]).toMatchObject({ firstSeenAt: null, lastSeenAt: null });
    // Durations 30–33 (×4), 20, 40 ≤ 50 ms; 300, 320 ≤ 500 ms; 6000 over 5 s.
    expect(d.latency).toMatchObject({
      calls: 9,
      p50: { gtMs: 0, leMs: 50 },
      p95: { gtMs: 5000, leMs: null },
      meanMs: (30 + 31 + 32 + 33 + 300 + 320 + 40 + 20 + 6_000) / 9,
      maxMs: 6_000,
    });
    expect(d.latency.histogram.map((b) => b.count)).toEqual([6, 0, 0, 2, 0, 0, 0, 1]);
  });

  it('applies the range filters, and the path wins over an endpoint parameter', async () => {
    const byKey = (await getEndpoint(epA, { ...range, key: fpB })).body as EndpointDetailJson;
    expect([byKey.total, byKey.byStatus]).toEqual([1, { '429': 1 }]);
    const narrow = (await getEndpoint(epA, { from: range.from, to: new Date(base + 4 * minute).toISOString() })).body as EndpointDetailJson;
    expect([narrow.total, narrow.errors, narrow.errorKeys, narrow.latency.p95]).toEqual([4, 0, [], { gtMs: 0, leMs: 50 }]);
    const other = (await getEndpoint(epA, { ...range, endpoint: epB })).body as EndpointDetailJson;
    expect([other.endpoint.id, other.total]).toEqual([epA, 9]);
  });

  it('answers a known endpoint without calls in the range with zeros and null rates', async () => {
    const res = await getEndpoint(epA, { from: new Date(base - 60 * minute).toISOString(), to: new Date(base - 30 * minute).toISOString() });
    expect(res.status).toBe(200);
    const d = res.body as EndpointDetailJson;
    expect([d.total, d.errors, d.errorRate, d.byStatus, d.errorKeys, d.keys]).toEqual([0, 0, null, {}, [], []]);
    expect(d.latency).toMatchObject({ calls: 0, p50: null, p95: null, meanMs: null, maxMs: null });
  });

  it('answers 404 for an endpoint never seen', async () => {
    const res = await getEndpoint(ep(99));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: `No endpoint with id "${ep(99)}" has been seen.` } });
  });

  it('answers 400 naming the bad parameter', async () => {
    const res = await getEndpoint(epA, { from: 'yesterday', to: range.to });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/^Invalid query: from: from must be an ISO-8601 time/) } });
  });
});

describe('GET /api/v1/keys/{fingerprint}', () => {
  it('describes the key over the range: totals, statuses, endpoints and services', async () => {
    const res = await getKey(fpB);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = res.body as KeyDetailJson;
    expect(d.key).toEqual({
      fingerprint: fpB,
      label: null,
      environment: null,
      firstSeenAt: new Date(base + 5 * minute + 1_000).toISOString(),
      lastSeenAt: new Date(base + 9 * minute + 1_000).toISOString(),
    });
    expect([d.total, d.errors, d.errorRate, d.byStatus]).toEqual([3, 3, 1, { '403': 2, '429': 1 }]);
    expect(d.endpoints.map((e) => [e.id, e.method, e.route, e.total, e.errors, e.errorRate, e.forbidden, e.rateLimited])).toEqual([
      [epB, 'GET', '/api/v4/users', 2, 2, 1, 2, 0],
      [epA, 'POST', '/api/v4/contacts', 1, 1, 1, 0, 1],
    ]);
    expect(d.services).toEqual([
      { service, total: 2, errors: 2, errorRate: 1 },
      { service: `billing-${run}`, total: 1, errors: 1, errorRate: 1 },
    ]);
  });

  it('reads a fingerprint whether or not the path segment is still encoded', async () => {
    const res = await env.send(keyGet, keyPath(fpB), { params: { fingerprint: fpB } });
    expect(res.status).toBe(200);
    expect((res.body as KeyDetailJson).key.fingerprint).toBe(fpB);
  });

  it('applies the range filters', async () => {
    const d = (await getKey(fpB, { ...range, endpoint: epB, service })).body as KeyDetailJson;
    expect([d.total, d.byStatus, d.endpoints.map((e) => e.id)]).toEqual([1, { '403': 1 }, [epB]]);
  });

  it('answers 404 for a fingerprint never seen, and for the empty one', async () => {
    const res = await getKey(`fp_nobody_${run}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: `No API key with fingerprint "fp_nobody_${run}" has been seen.` } });
    expect((await env.send(keyGet, '/api/v1/keys/', { params: { fingerprint: '' } })).status).toBe(404);
    expect((await env.send(keyGet, '/api/v1/keys/fp_%E0%A4%A', { params: { fingerprint: 'fp_%E0%A4%A' } })).status).toBe(404);
  });

  it('answers 400 naming the bad parameter', async () => {
    const res = await getKey(fpA, { from: range.to, to: range.from });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: 'Invalid query: from: from must be before to' } });
  });
});

describe('PATCH /api/v1/keys/{fingerprint}', () => {
  const fpLabel = `fp_label_${run}`;

  beforeAll(async () => {
    await seedCalls(env.t.db, [call(0, 200, { apiKeyFingerprint: fpLabel, endpointId: ep(50) })]);
  });

  it('sets the label and environment, trimmed, and GET shows them', async () => {
    const res = await patchKey(fpLabel, JSON.stringify({ label: '  billing worker ', environment: 'production' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      key: { fingerprint: fpLabel, label: 'billing worker', environment: 'production', firstSeenAt: new Date(base + 1_000).toISOString(), lastSeenAt: new Date(base + 1_000).toISOString() },
    });
    expect(((await getKey(fpLabel)).body as KeyDetailJson).key).toMatchObject({ label: 'billing worker', environment: 'production' });
  });

  it('leaves an omitted field as it is and clears a field with null or ""', async () => {
    await patchKey(fpLabel, JSON.stringify({ label: 'reports', environment: 'staging' }));
    expect((await patchKey(fpLabel, JSON.stringify({ environment: 'production' }))).body).toMatchObject({ key: { label: 'reports', environment: 'production' } });
    expect((await patchKey(fpLabel, JSON.stringify({ label: null }))).body).toMatchObject({ key: { label: null, environment: 'production' } });
    expect((await patchKey(fpLabel, JSON.stringify({ environment: '' }))).body).toMatchObject({ key: { label: null, environment: null } });
    expect(await env.t.db.prisma.apiKey.findUnique({ where: { fingerprint: fpLabel } })).toMatchObject({ label: null, environment: null });
  });

  it('works for a fingerprint that needs encoding in the path', async () => {
    const res = await patchKey(fpB, JSON.stringify({ label: 'throttled worker' }));
    expect(res.status).toBe(200);
    expect(((await getKey(fpB)).body as KeyDetailJson).key.label).toBe('throttled worker');
  });

  it.each([
    ['a label over 100 characters', JSON.stringify({ label: 'x'.repeat(101) }), 'Invalid body: label: must be at most 100 characters'],
    ['a number as environment', JSON.stringify({ environment: 5 }), 'Invalid body: environment: must be a string, or null to clear it'],
    ['a line break in a label', JSON.stringify({ label: 'a\nb' }), 'Invalid body: label: must not contain control characters such as line breaks'],
    ['an unknown field', JSON.stringify({ label: 'x', owner: 'me' }), 'Invalid body: Unrecognized key: "owner"'],
    ['an empty object', '{}', 'Invalid body: set label, environment or both'],
    ['an array', '[]', 'Invalid body: the body must be a JSON object'],
    ['invalid JSON', '{"label": ', expect.stringMatching(/^The body must be JSON/)],
    ['an empty body', '', expect.stringMatching(/^The body must be JSON/)],
    ['a body over 4 KiB', JSON.stringify({ label: 'x', pad: 'y'.repeat(5_000) }), 'The body is larger than the limit of 4096 bytes.'],
  ])('answers 400 to %s and changes nothing', async (_name, body, message) => {
    await patchKey(fpLabel, JSON.stringify({ label: 'kept', environment: 'kept-env' }));
    const res = await patchKey(fpLabel, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message } });
    expect(await env.t.db.prisma.apiKey.findUnique({ where: { fingerprint: fpLabel } })).toMatchObject({ label: 'kept', environment: 'kept-env' });
  });

  it('answers 404 for a fingerprint never seen, without creating it', async () => {
    const fp = `fp_nobody_${run}`;
    const res = await patchKey(fp, JSON.stringify({ label: 'ghost' }));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: `No API key with fingerprint "${fp}" has been seen.` } });
    expect(await env.t.db.prisma.apiKey.findUnique({ where: { fingerprint: fp } })).toBeNull();
  });

  it('keeps the label when new calls with the key arrive', async () => {
    await patchKey(fpLabel, JSON.stringify({ label: 'nightly sync', environment: 'production' }));
    await seedCalls(env.t.db, [call(3, 429, { apiKeyFingerprint: fpLabel, endpointId: ep(50) })]);
    const d = (await getKey(fpLabel)).body as KeyDetailJson;
    expect(d.key).toMatchObject({ label: 'nightly sync', environment: 'production', lastSeenAt: new Date(base + 3 * minute + 1_000).toISOString() });
    expect(d.byStatus).toEqual({ '200': 1, '429': 1 });
  });
});

// The read API (/api/v1/summary, /api/v1/timeseries, /api/v1/ingest/stats) through the real
// route handlers against a real database seeded with known calls.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as statsGet } from '@/app/api/v1/ingest/stats/route';
import { GET as summaryGet } from '@/app/api/v1/summary/route';
import { GET as timeseriesGet } from '@/app/api/v1/timeseries/route';
import { generateToken, hashToken, tokenDisplayPrefix } from '@/lib/auth/hash-token';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import type { Summary } from '@/lib/db/queries/get-summary';
import { saveRequestBatch } from '@/lib/db/save-request-batch';
import { createNamedToken } from '@/lib/db/tokens';
import type { StatusSeries } from '@/lib/series/build-status-series';
import { makeRequest } from '@/lib/testing/make-request';
import { queryString, uniqueId, setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';

type Handler = (request: Request) => Promise<Response>;

const env = setUpRouteTestEnvForFile();

const minute = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const endpointIdFor = () => `ep${randomBytes(7).toString('hex')}`;

const seed = (requests: ClassifiedRequest[]) => seedCalls(env.t.db, requests);

function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** A call whose error keys follow its status the way the classifier would set them. */
function call(startMs: number, statusCode: number, overrides: Partial<ClassifiedRequest> = {}): ClassifiedRequest {
  const defaultKeys: Record<number, string[]> = { 401: ['Unauthorized'], 403: ['Forbidden'], 429: ['Too many requests'], 500: ['Internal Server Error'] };
  return makeRequest({ startMs, statusCode, errorKeys: statusCode >= 400 ? (defaultKeys[statusCode] ?? ['Error']) : [], ...overrides });
}

const summaryPath = (params: Record<string, string | number | undefined>) => `/api/v1/summary?${queryString(params)}`;
const timeseriesPath = (params: Record<string, string | number | undefined>) => `/api/v1/timeseries?${queryString(params)}`;

describe('authentication', () => {
  const routes: [string, Handler, string][] = [
    ['summary', summaryGet, '/api/v1/summary'],
    ['timeseries', timeseriesGet, '/api/v1/timeseries'],
    ['ingest stats', statsGet, '/api/v1/ingest/stats'],
  ];

  it.each(routes)('%s answers 401 with the JSON error shape without a token', async (_name, handler, path) => {
    const res = await env.get(handler, path, null);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(/^Sign in to Faultline, or send "Authorization: Bearer <API token>"/) } });
  });

  it.each(routes)('%s answers 401 to a wrong token, and to the ingest token', async (_name, handler, path) => {
    for (const token of [`wrong-${randomBytes(12).toString('hex')}`, env.ingestToken]) {
      const res = await env.get(handler, path, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(token === env.ingestToken ? /it is an ingest token, which only \/v1\/traces accepts/ : /Invalid API token/) } });
    }
  });

  it('answers 401 to a non-Bearer Authorization header', async () => {
    const res = await summaryGet(new Request('http://localhost/api/v1/summary', { headers: { Authorization: `Basic ${env.apiToken}` } }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(/Malformed Authorization header/) } });
  });

  it('accepts a stored API token, and refuses it once revoked or when it is an ingest token', async () => {
    const apiToken = generateToken('api');
    const ingestToken = generateToken('ingest');
    const name = uniqueId('stored-api');
    expect(await createNamedToken(env.t.db, { kind: 'api', name, tokenHash: hashToken(apiToken), prefix: tokenDisplayPrefix(apiToken) })).toBe(true);
    expect(
      await createNamedToken(env.t.db, {
        kind: 'ingest',
        name: uniqueId('stored-ingest'),
        tokenHash: hashToken(ingestToken),
        prefix: tokenDisplayPrefix(ingestToken),
      }),
    ).toBe(true);

    expect((await env.get(statsGet, '/api/v1/ingest/stats', apiToken)).status).toBe(200);
    expect((await env.get(statsGet, '/api/v1/ingest/stats', ingestToken)).status).toBe(401);
    const stored = await env.t.db.prisma.token.findUniqueOrThrow({ where: { name } });
    expect(stored.lastUsedAt).not.toBeNull();

    await env.t.db.prisma.token.update({ where: { name }, data: { revokedAt: new Date() } });
    expect((await env.get(statsGet, '/api/v1/ingest/stats', apiToken)).status).toBe(401);
  });
});

describe('GET /api/v1/summary', () => {
  const base = Date.UTC(2026, 0, 10, 8, 0);
  const svcA = uniqueId('svc-a');
  const svcB = uniqueId('svc-b');
  const epA = endpointIdFor();
  const epB = endpointIdFor();
  const fpA = uniqueId('fp_a');
  const fpB = uniqueId('fp_b');
  const range = { from: iso(base), to: iso(base + 10 * minute) };

  beforeAll(async () => {
    await seed([
      ...times(3, (i) => call(base + i * 1_000, 401, { service: svcA, environment: 'production', endpointId: epA, apiKeyFingerprint: fpA })),
      ...times(2, (i) => call(base + minute + i * 1_000, 200, { service: svcA, environment: 'staging', endpointId: epB, apiKeyFingerprint: fpB })),
      call(base + 2 * minute, 429, { service: svcB, environment: 'production', endpointId: epA, apiKeyFingerprint: fpB }),
      call(base + 3 * minute, 422, {
        service: svcB,
        environment: '',
        endpointId: epB,
        apiKeyFingerprint: '',
        errorKeys: ['name: is missing', 'timezone: must be a string'],
      }),
      // Outside the range: the minute before it and the minute its end starts.
      call(base - 1, 401, { service: svcA, environment: 'production', endpointId: epA, apiKeyFingerprint: fpA }),
      call(base + 10 * minute, 401, { service: svcA, environment: 'production', endpointId: epA, apiKeyFingerprint: fpA }),
    ]);
  });

  it('totals calls by status and by error key over the range, most frequent key first', async () => {
    const s = await env.getOk<Summary>(summaryGet, summaryPath(range));
    expect(s).toEqual({
      total: 7,
      byStatus: { '200': 2, '401': 3, '422': 1, '429': 1 },
      byErrorKey: { Unauthorized: 3, 'Too many requests': 1, 'name: is missing': 1, 'timezone: must be a string': 1 },
    });
    expect(Object.keys(s.byErrorKey)[0]).toBe('Unauthorized');
  });

  it.each([
    ['service', { service: svcA }, { total: 5, byStatus: { '200': 2, '401': 3 }, byErrorKey: { Unauthorized: 3 } }],
    ['environment', { environment: 'production' }, { total: 4, byStatus: { '401': 3, '429': 1 }, byErrorKey: { Unauthorized: 3, 'Too many requests': 1 } }],
    ['environment (empty)', { environment: '' }, { total: 1, byStatus: { '422': 1 }, byErrorKey: { 'name: is missing': 1, 'timezone: must be a string': 1 } }],
    ['endpoint id', { endpoint: epA }, { total: 4, byStatus: { '401': 3, '429': 1 }, byErrorKey: { Unauthorized: 3, 'Too many requests': 1 } }],
    ['key fingerprint', { key: fpB }, { total: 3, byStatus: { '200': 2, '429': 1 }, byErrorKey: { 'Too many requests': 1 } }],
    ['service and environment', { service: svcB, environment: 'production' }, { total: 1, byStatus: { '429': 1 }, byErrorKey: { 'Too many requests': 1 } }],
    ['an unknown key', { key: 'fp_nobody' }, { total: 0, byStatus: {}, byErrorKey: {} }],
  ] as const)('filters by %s', async (_name, filter, expected) => {
    expect(await env.getOk<Summary>(summaryGet, summaryPath({ ...range, ...filter }))).toEqual(expected);
  });

  it('covers the whole minutes a range touches', async () => {
    // 08:00:30 – 08:01:30 touches 08:00 and 08:01.
    const s = await env.getOk<Summary>(summaryGet, summaryPath({ from: iso(base + 30_000), to: iso(base + minute + 30_000), service: svcA }));
    expect(s.byStatus).toEqual({ '200': 2, '401': 3 });
  });

  it('defaults to the last hour when from and to are omitted', async () => {
    const service = uniqueId('svc-recent');
    const now = Date.now();
    await seed([call(now - 30 * minute, 401, { service }), call(now - 90 * minute, 403, { service }), call(now - 2 * minute, 200, { service })]);
    const s = await env.getOk<Summary>(summaryGet, summaryPath({ service }));
    expect(s.byStatus).toEqual({ '200': 1, '401': 1 });
    const withOnlyTo = await env.getOk<Summary>(summaryGet, summaryPath({ service, to: iso(now - 60 * minute) }));
    expect(withOnlyTo.byStatus).toEqual({ '403': 1 });
  });
});

describe('GET /api/v1/timeseries', () => {
  const base = Date.UTC(2026, 0, 11, 9, 0);
  const at = (m: number, s = 0) => base + m * minute + s * 1_000;
  const range = { from: iso(base), to: iso(base + 5 * minute) };
  const service = uniqueId('svc-series');

  beforeAll(async () => {
    const c = (m: number, s: number, status: number) => call(at(m, s), status, { service, endpointId: endpointIdFor() });
    await seed([
      // minute 0: 2×401, 1×200
      c(0, 1, 401),
      c(0, 2, 401),
      c(0, 3, 200),
      // minute 1: 1×403, 1×429, 2×200
      c(1, 1, 403),
      c(1, 2, 429),
      c(1, 3, 200),
      c(1, 59, 200),
      // minute 2: no calls at all
      // minute 3: 3×429
      c(3, 0, 429),
      c(3, 30, 429),
      c(3, 59, 429),
      // minute 4: 1×401, 1×500
      c(4, 10, 401),
      c(4, 20, 500),
      // outside the range
      c(-1, 59, 401),
      c(5, 0, 401),
    ]);
  });

  const points = (series: StatusSeries[], code: string) => series.find((s) => s.code === code)?.points;
  const ts = (m: number) => iso(at(m));

  it('gives one series per requested code with a point per minute: counts, rate = count/total, null rate when there were no calls', async () => {
    const res = await env.getOk<{ step: number; series: StatusSeries[] }>(
      timeseriesGet,
      timeseriesPath({ ...range, codes: '401,403,429', step: 60, service }),
    );
    expect(res.step).toBe(60);
    expect(res.series.map((s) => s.code)).toEqual(['401', '403', '429']);
    expect(points(res.series, '401')).toEqual([
      { t: ts(0), count: 2, rate: 2 / 3 },
      { t: ts(1), count: 0, rate: 0 },
      { t: ts(2), count: 0, rate: null },
      { t: ts(3), count: 0, rate: 0 },
      { t: ts(4), count: 1, rate: 0.5 },
    ]);
    expect(points(res.series, '403')).toEqual([
      { t: ts(0), count: 0, rate: 0 },
      { t: ts(1), count: 1, rate: 0.25 },
      { t: ts(2), count: 0, rate: null },
      { t: ts(3), count: 0, rate: 0 },
      { t: ts(4), count: 0, rate: 0 },
    ]);
    expect(points(res.series, '429')).toEqual([
      { t: ts(0), count: 0, rate: 0 },
      { t: ts(1), count: 1, rate: 0.25 },
      { t: ts(2), count: 0, rate: null },
      { t: ts(3), count: 3, rate: 1 },
      { t: ts(4), count: 0, rate: 0 },
    ]);
  });

  it('accepts status classes such as 4xx', async () => {
    const res = await env.getOk<{ series: StatusSeries[] }>(timeseriesGet, timeseriesPath({ ...range, codes: '4xx,5xx,2xx', service }));
    expect(res.series.map((s) => s.code)).toEqual(['4xx', '5xx', '2xx']);
    expect(points(res.series, '4xx')?.map((p) => [p.count, p.rate])).toEqual([
      [2, 2 / 3],
      [2, 0.5],
      [0, null],
      [3, 1],
      [1, 0.5],
    ]);
    expect(points(res.series, '5xx')?.map((p) => p.count)).toEqual([0, 0, 0, 0, 1]);
    expect(points(res.series, '2xx')?.map((p) => p.count)).toEqual([1, 2, 0, 0, 0]);
  });

  it('sums whole buckets of a larger step', async () => {
    const res = await env.getOk<{ step: number; series: StatusSeries[] }>(
      timeseriesGet,
      timeseriesPath({ ...range, codes: '429', step: 300, service }),
    );
    expect(res.step).toBe(300);
    expect(res.series).toEqual([{ code: '429', points: [{ t: ts(0), count: 4, rate: 4 / 12 }] }]);
  });

  it('uses the defaults: codes 401,403,429, step 60, the last hour', async () => {
    const recent = uniqueId('svc-series-recent');
    const now = Date.now();
    await seed([call(now - 20 * minute, 403, { service: recent }), call(now - 20 * minute, 200, { service: recent }), call(now - 2 * 3_600_000, 401, { service: recent })]);
    const res = await env.getOk<{ step: number; series: StatusSeries[] }>(timeseriesGet, timeseriesPath({ service: recent }));
    expect(res.step).toBe(60);
    expect(res.series.map((s) => s.code)).toEqual(['401', '403', '429']);
    const p403 = points(res.series, '403') ?? [];
    // An hour of whole minutes: 60 buckets, or 61 when the hour does not start on a minute.
    expect(p403.length).toBeGreaterThanOrEqual(60);
    expect(p403.length).toBeLessThanOrEqual(61);
    expect(Date.parse(p403[0]?.t ?? '')).toBeLessThanOrEqual(now - 60 * minute);
    expect(Date.parse(p403[0]?.t ?? '')).toBeGreaterThan(now - 61 * minute);
    expect(p403.reduce((a, p) => a + p.count, 0)).toBe(1);
    expect(p403.filter((p) => p.rate !== null)).toEqual([{ t: iso(Math.floor((now - 20 * minute) / minute) * minute), count: 1, rate: 0.5 }]);
    expect((points(res.series, '401') ?? []).reduce((a, p) => a + p.count, 0)).toBe(0);
  });
});

describe('calls that got no response', () => {
  it('count as "network" in the summary and in a network series', async () => {
    const base = Date.UTC(2026, 0, 13, 7, 0);
    const service = uniqueId('svc-network');
    await seed([
      call(base + 1_000, 0, { service, errorType: 'ECONNREFUSED', errorKeys: ['ECONNREFUSED'] }),
      call(base + 2_000, 0, { service, errorType: 'timeout', errorKeys: ['timeout'] }),
      call(base + minute, 200, { service }),
    ]);
    const range = { from: iso(base), to: iso(base + 2 * minute), service };
    expect(await env.getOk<Summary>(summaryGet, summaryPath(range))).toEqual({
      total: 3,
      byStatus: { network: 2, '200': 1 },
      byErrorKey: { ECONNREFUSED: 1, timeout: 1 },
    });
    const res = await env.getOk<{ series: StatusSeries[] }>(timeseriesGet, timeseriesPath({ ...range, codes: 'network,2xx' }));
    expect(res.series).toEqual([
      { code: 'network', points: [{ t: iso(base), count: 2, rate: 1 }, { t: iso(base + minute), count: 0, rate: 0 }] },
      { code: '2xx', points: [{ t: iso(base), count: 0, rate: 0 }, { t: iso(base + minute), count: 1, rate: 1 }] },
    ]);
  });
});

describe('query validation', () => {
  const now = Date.now();
  it.each([
    ['from after to', timeseriesGet, timeseriesPath({ from: iso(now), to: iso(now - minute) }), /from: from must be before to/],
    ['from equal to to', summaryGet, summaryPath({ from: iso(now), to: iso(now) }), /from: from must be before to/],
    ['a bad ISO time in from', timeseriesGet, timeseriesPath({ from: 'yesterday-ish', to: iso(now) }), /from: from must be an ISO-8601 time/],
    ['a bad ISO time in to', summaryGet, summaryPath({ to: '2026-13-45T99:00:00Z' }), /to: to must be an ISO-8601 time/],
    ['a bare number as from', summaryGet, summaryPath({ from: '1' }), /from: from must be an ISO-8601 time/],
    ['a time without offset', summaryGet, summaryPath({ from: '2026-11-25T10:00:00' }), /from: from must be an ISO-8601 time with Z or an offset/],
    ['step=90', timeseriesGet, timeseriesPath({ step: 90 }), /step: step must be a whole number of minutes in seconds/],
    ['step=30', timeseriesGet, timeseriesPath({ step: 30 }), /step: step must be a whole number of minutes/],
    ['step=abc', timeseriesGet, timeseriesPath({ step: 'abc' }), /step: step must be a whole number of minutes/],
    [
      'a step too small for the range',
      timeseriesGet,
      timeseriesPath({ from: iso(now - 30 * 24 * 3_600_000), to: iso(now), step: 60 }),
      /step: step is too small for the range/,
    ],
    ['codes=abc', timeseriesGet, timeseriesPath({ codes: 'abc' }), /codes: codes must be status codes \(401\), classes \(4xx\) or "network"/],
    ['codes=600', timeseriesGet, timeseriesPath({ codes: '401,600' }), /codes: /],
    ['an empty codes list', timeseriesGet, timeseriesPath({ codes: ',' }), /codes: codes must list 1 to 20/],
    ['a range over 400 days', summaryGet, summaryPath({ from: iso(now - 401 * 24 * 3_600_000), to: iso(now) }), /from: the range may span at most 400 days/],
  ] as const)('answers 400 naming the parameter for %s', async (_name, handler, path, message) => {
    const res = await env.get(handler, path);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/^Invalid query: /) } });
    expect((res.body as { error: { message: string } }).error.message).toMatch(message);
  });

  it('accepts step=3600 and codes=network', async () => {
    const res = await env.getOk<{ step: number; series: StatusSeries[] }>(
      timeseriesGet,
      timeseriesPath({ from: iso(Date.UTC(2026, 0, 12)), to: iso(Date.UTC(2026, 0, 12, 3)), step: 3600, codes: 'network' }),
    );
    expect(res.step).toBe(3600);
    expect(res.series).toEqual([{ code: 'network', points: [0, 1, 2].map((h) => ({ t: iso(Date.UTC(2026, 0, 12, h)), count: 0, rate: null })) }]);
  });
});

describe('GET /api/v1/ingest/stats', () => {
  it('sums the ingest counters', async () => {
    const before = await env.getOk<Record<string, number>>(statsGet, '/api/v1/ingest/stats');
    const batch = [call(Date.now(), 200), call(Date.now(), 401)];
    await saveRequestBatch(env.t.db, batch, { received: 5, ignored: 2, rejected: 1 }, Date.now());
    await saveRequestBatch(env.t.db, batch, { received: 2, ignored: 0, rejected: 0 }, Date.now());
    const after = await env.getOk<Record<string, unknown>>(statsGet, '/api/v1/ingest/stats');
    const diff = (k: string) => (after[k] as number) - (before[k] as number);
    expect(['received', 'stored', 'duplicates', 'ignored', 'rejected', 'refusedRequests'].map(diff)).toEqual([7, 2, 2, 2, 1, 0]);
    expect(typeof after.lastActivityAt).toBe('string');
    expect(Date.now() - Date.parse(after.lastActivityAt as string)).toBeLessThan(2 * minute);
  });
});

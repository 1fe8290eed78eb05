// GET /api/v1/diagnoses through the real route handler on a real database: auth and query errors,
// silence on healthy traffic, every demo persona's traffic diagnosed with its own code, the
// service / key / endpoint filters, and request-explorer filters that list the calls behind each finding.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as diagnosesGet } from '@/app/api/v1/diagnoses/route';
import { GET as requestsGet } from '@/app/api/v1/requests/route';
import type { RequestJson } from '@/lib/dashboard/requests/request-to-json';
import { apiCall, every } from '@/lib/diagnose/api-call.fixture';
import type { Finding } from '@/lib/diagnose/finding';
import { expectedPersonaCodes, personaTraffic } from '@/lib/diagnose/persona-traffic.fixture';
import { queryString, setUpRouteTestEnvForFile, uniqueId } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';

interface DiagnosesBody {
  diagnoses: Finding[];
  error?: { code: string; message: string };
}

const env = setUpRouteTestEnvForFile();

const iso = (ms: number) => new Date(ms).toISOString();
const path = (params: Record<string, string | number | undefined>) => `/api/v1/diagnoses?${queryString(params)}`;
const diagnoses = async (params: Record<string, string | number | undefined>) =>
  (await env.getOk<DiagnosesBody>(diagnosesGet, path(params))).diagnoses;

describe('errors', () => {
  it('answers 401 without a token, and to the ingest token', async () => {
    for (const token of [null, env.ingestToken]) {
      const res = await env.get<DiagnosesBody>(diagnosesGet, path({}), token);
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('unauthorized');
    }
  });

  it('answers 400 naming the parameter for a range that ends before it starts', async () => {
    const res = await env.get<DiagnosesBody>(diagnosesGet, path({ from: '2026-02-01T10:00:00Z', to: '2026-02-01T09:00:00Z' }));
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/from/);
  });
});

describe('healthy traffic', () => {
  const start = Date.UTC(2026, 1, 2, 9, 0);
  const service = uniqueId('healthy');
  const key = uniqueId('fp');

  beforeAll(async () => {
    await seedCalls(env.t.db, [
      ...every(120, start, 1000, (at) => apiCall({ service, key, at, status: 200 })),
      ...every(40, start + 200, 3000, (at) => apiCall({ service, key, at, status: 201, method: 'POST', route: '/api/v4/contacts' })),
      ...every(40, start + 400, 3000, (at) => apiCall({ service, key, at, status: 204, method: 'DELETE', route: '/api/v4/contacts/{id}' })),
    ]);
  });

  it('has nothing to say', async () => {
    expect(await diagnoses({ from: iso(start), to: iso(start + 10 * 60_000) })).toEqual([]);
  });

  it('has nothing to say about an empty range either', async () => {
    expect(await diagnoses({ from: iso(start - 60 * 60_000), to: iso(start - 30 * 60_000) })).toEqual([]);
  });
});

describe('the demo personas', () => {
  const start = Date.UTC(2026, 1, 3, 9, 0);
  const durationMs = 3 * 60_000;
  const range = { from: iso(start), to: iso(start + durationMs) };
  let found: Finding[] = [];

  beforeAll(async () => {
    await seedCalls(env.t.db, personaTraffic({ startMs: start, durationMs, rotateAfterMs: 45_000, seed: 3 }));
    found = await diagnoses(range);
  });

  it.each(Object.entries(expectedPersonaCodes))('%s gets its own finding and no other', (service, expected) => {
    const codes = found.filter((f) => f.scope.service === service).map((f) => f.code);
    expect(codes.filter((c) => !expected.optional?.includes(c)).sort(), JSON.stringify(codes)).toEqual([...expected.codes].sort());
  });

  it('orders the findings surest first, then by calls', () => {
    const rank = { high: 0, medium: 1, low: 2 };
    for (let i = 1; i < found.length; i += 1) {
      const [a, b] = [found[i - 1] as Finding, found[i] as Finding];
      expect(rank[a.confidence] < rank[b.confidence] || (a.confidence === b.confidence && a.evidence.calls >= b.evidence.calls)).toBe(true);
    }
  });

  it('gives every finding numbers, facts, examples, advice and filters that list its calls', async () => {
    for (const f of found) {
      expect(f.evidence.calls, f.title).toBeGreaterThan(0);
      expect(Object.keys(f.evidence.figures).length, f.title).toBeGreaterThan(0);
      expect(f.evidence.facts.length, f.title).toBeGreaterThan(0);
      expect(f.evidence.examples.length, f.title).toBeGreaterThan(0);
      expect(f.advice.length, f.title).toBeGreaterThan(40);
      const { requests } = await env.getOk<{ requests: RequestJson[] }>(requestsGet, `/api/v1/requests?${queryString({ ...range, ...f.requestFilters, limit: 500 })}`);
      expect(requests.length, `${f.code}: ${JSON.stringify(f.requestFilters)}`).toBeGreaterThan(0);
      const statuses = f.requestFilters.status?.split(',').map(Number) ?? [];
      for (const r of requests) {
        expect(statuses).toContain(r.statusCode);
        expect(r.service).toBe(f.scope.service);
        if (f.scope.key) expect(r.apiKeyFingerprint).toBe(f.scope.key);
      }
      const listed = new Set(requests.map((r) => r.id));
      for (const example of f.evidence.examples.filter((e) => statuses.includes(e.statusCode))) {
        expect(listed.has(example.requestId) || requests.length === 500, `${f.code} example ${example.requestId}`).toBe(true);
      }
    }
  });

  it('answers ?service= with that service\'s findings only', async () => {
    const got = await diagnoses({ ...range, service: 'legacy-dialer' });
    expect(got.map((f) => f.code)).toEqual(['auth.wrong_scheme']);
  });

  it('answers ?endpoint= with the findings about that endpoint, even those about several', async () => {
    const v1 = found.find((f) => f.code === 'not_found.wrong_version');
    const endpoint = v1?.scope.endpointIds?.[0];
    expect(v1?.scope.endpointIds?.length).toBe(2);
    const got = await diagnoses({ ...range, endpoint });
    expect(got.map((f) => f.code)).toEqual(['not_found.wrong_version']);
  });

  it('answers ?key= with the findings about that key', async () => {
    const rotated = found.find((f) => f.code === 'auth.key_rotated');
    const got = await diagnoses({ ...range, key: rotated?.scope.key });
    expect(got.map((f) => f.code)).toEqual(['auth.key_rotated']);
    expect(got[0]?.evidence.figures.onsetMs).toBeGreaterThanOrEqual(start + 45_000);
  });

  it('judges a filtered service against everyone\'s calls (old-integration\'s paths are wrong because others work)', async () => {
    const got = await diagnoses({ ...range, service: 'old-integration' });
    expect(got.map((f) => f.code).sort()).toEqual(['not_found.wrong_base_url', 'not_found.wrong_version']);
    expect(got.find((f) => f.code === 'not_found.wrong_version')?.title).toMatch(/v4 is what works/);
    expect(got.find((f) => f.code === 'not_found.wrong_base_url')?.scope.endpoint).toMatch(/\/api\/v4\/call-logs$/);
  });

  it('narrows the data to one environment', async () => {
    const staging = await diagnoses({ ...range, environment: 'staging' });
    // qa-smoke's key fails on the production host and works on staging's, both in its staging calls.
    expect(staging.map((f) => `${f.scope.service} ${f.code}`)).toEqual(['qa-smoke auth.wrong_environment']);
    expect(await diagnoses({ ...range, environment: `none-${randomBytes(4).toString('hex')}` })).toEqual([]);
  });
});

// The 404 rules side by side: a wrong API version, ids that do not exist, a path or host that
// never works. Each 404 is explained by exactly one of them.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { notFoundMissingResource } from './not-found-missing-resource';
import { notFoundWrongBaseUrl } from './not-found-wrong-base-url';
import { notFoundWrongVersion } from './not-found-wrong-version';

const t0 = Date.UTC(2026, 0, 14, 8, 0);
const notFound = (n: number, route: string, host = 'acme.voiso.com', service = 'app') =>
  every(n, t0, 4000, (at) => apiCall({ service, key: 'fp_app', at, status: 404, route, host }));
const working = healthyTraffic(t0);

const cases: { name: string; calls: ClassifiedRequest[]; version: number; resource: number; baseUrl: number }[] = [
  { name: '/api/v1 where /api/v4 works', calls: [...notFound(5, '/api/v1/users'), ...working], version: 1, resource: 0, baseUrl: 0 },
  { name: '/api/v1 where nothing works: v4 is current', calls: notFound(5, '/api/v1/users', 'old.voiso.com'), version: 1, resource: 0, baseUrl: 0 },
  { name: 'near miss: two /api/v1 calls', calls: [...notFound(2, '/api/v1/users'), ...working], version: 0, resource: 0, baseUrl: 0 },
  {
    name: 'near miss: /api/v3 works on that host too (then the path itself is wrong)',
    calls: [...notFound(5, '/api/v3/users'), ...every(5, t0, 1000, (at) => apiCall({ service: 'other', key: 'fp_o', at, status: 200, route: '/api/v3/agents' })), ...working],
    version: 0,
    resource: 0,
    baseUrl: 1,
  },
  { name: 'stale ids on an endpoint that works for others', calls: [...notFound(5, '/api/v4/users/{id}'), ...working], version: 0, resource: 1, baseUrl: 0 },
  { name: 'stale ids where only the collection works', calls: [...notFound(5, '/api/v4/contacts/{id}', 'acme.voiso.com'), ...working.filter((c) => c.method !== 'DELETE')], version: 0, resource: 1, baseUrl: 0 },
  { name: 'a path nobody reaches, next to paths that work', calls: [...notFound(5, '/api/v4/call-logs'), ...working], version: 0, resource: 0, baseUrl: 1 },
  { name: 'a host where nothing works', calls: notFound(5, '/api/v4/users', 'acme.voiso.co'), version: 0, resource: 0, baseUrl: 1 },
  { name: 'near miss: two calls to a missing path', calls: [...notFound(2, '/api/v4/call-logs'), ...working], version: 0, resource: 0, baseUrl: 0 },
  { name: 'healthy traffic', calls: working, version: 0, resource: 0, baseUrl: 0 },
];

describe('404 rules', () => {
  it.each(cases)('$name', ({ calls, version, resource, baseUrl }) => {
    const evidence = evidenceFromCalls(calls);
    expect(notFoundWrongVersion(evidence)).toHaveLength(version);
    expect(notFoundMissingResource(evidence)).toHaveLength(resource);
    expect(notFoundWrongBaseUrl(evidence)).toHaveLength(baseUrl);
  });
});

describe('not_found.wrong_version', () => {
  it('groups the service\'s old-version paths and names the version that works', () => {
    const calls = [...notFound(4, '/api/v1/users', 'acme.voiso.com', 'old-integration'), ...notFound(4, '/api/v1/contacts/{id}', 'acme.voiso.com', 'old-integration'), ...working];
    const [f] = notFoundWrongVersion(evidenceFromCalls(calls));
    expect(f?.title).toBe('old-integration calls API v1 on acme.voiso.com, where v4 is what works');
    expect(f?.scope.endpointIds).toHaveLength(2);
    expect(f?.scope.endpointId).toBeUndefined();
    expect(f?.evidence.figures).toMatchObject({ notFound: 8, calledVersion: 'v1', workingVersion: 'v4' });
    expect(f?.advice).toMatch(/v1 → v4/);
    expect(f?.requestFilters).toEqual({ status: '404', service: 'old-integration', key: 'fp_app' });
  });
});

describe('not_found.missing_resource', () => {
  it('is sure when the same endpoint works for other ids', () => {
    const [f] = notFoundMissingResource(evidenceFromCalls([...notFound(5, '/api/v4/users/{id}'), ...working]));
    expect(f?.confidence).toBe('high');
    expect(f?.evidence.figures).toMatchObject({ notFound: 5, succeededSameEndpoint: 60 });
    expect(f?.advice).toMatch(/GET \/api\/v4\/users/);
  });

  it('is less sure when only routes beside it work', () => {
    const calls = [...notFound(5, '/api/v4/contacts/{id}'), ...working.filter((c) => c.method !== 'DELETE')];
    const [f] = notFoundMissingResource(evidenceFromCalls(calls));
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence.figures).toMatchObject({ succeededSameEndpoint: 0, succeededRelatedRoutes: 60 });
  });
});

describe('not_found.wrong_base_url', () => {
  it('names the missing path and paths that work on the host', () => {
    const [f] = notFoundWrongBaseUrl(evidenceFromCalls([...notFound(5, '/api/v4/call-logs'), ...working]));
    expect(f?.confidence).toBe('high');
    expect(f?.scope.endpoint).toBe('GET acme.voiso.com/api/v4/call-logs');
    expect(f?.evidence.facts[1]).toMatch(/Other paths on acme.voiso.com work/);
  });

  it('says so when nothing at all works on the host', () => {
    const [f] = notFoundWrongBaseUrl(evidenceFromCalls([...notFound(5, '/api/v4/users', 'acme.voiso.co'), ...working]));
    expect(f?.title).toBe('app calls acme.voiso.co, where nothing succeeds');
    expect(f?.advice).toMatch(/base URL/);
  });

  it('only suspects a templated path that nothing around it explains', () => {
    const [f] = notFoundWrongBaseUrl(evidenceFromCalls([...notFound(5, '/api/v4/widgets/{id}'), ...working]));
    expect(f?.confidence).toBe('low');
  });
});

// auth.missing_header and auth.wrong_scheme: 401s by the Authorization header the calls carried.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { authMissingHeader } from './auth-missing-header';
import { authWrongScheme } from './auth-wrong-scheme';

const t0 = Date.UTC(2026, 0, 10, 8, 0);
const noHeader = (n: number, service = 'report-exporter') =>
  every(n, t0, 4000, (at, i) => apiCall({ service, key: '', authScheme: 'none', at, status: 401, route: i % 2 ? '/api/v4/users' : '/api/v4/cdr' }));
const tokenScheme = (n: number, service = 'legacy-dialer') =>
  every(n, t0, 3000, (at) => apiCall({ service, key: '', authScheme: 'other', at, status: 401, route: '/api/v4/agents' }));

describe.each([
  { code: 'auth.missing_header', rule: authMissingHeader, failing: noHeader, other: tokenScheme },
  { code: 'auth.wrong_scheme', rule: authWrongScheme, failing: tokenScheme, other: noHeader },
])('$code', ({ code, rule, failing, other }) => {
  const cases: { name: string; calls: ClassifiedRequest[]; findings: number }[] = [
    { name: 'fires on 3 such 401s', calls: failing(3), findings: 1 },
    { name: 'near miss: 2 such 401s are a stray, not a finding', calls: failing(2), findings: 0 },
    { name: 'near miss: the other header mistake is not this one', calls: other(20), findings: 0 },
    { name: 'near miss: 401s with a Bearer key', calls: every(20, t0, 1000, (at) => apiCall({ service: 's', key: 'fp_k', at, status: 401 })), findings: 0 },
    { name: 'healthy traffic', calls: healthyTraffic(t0), findings: 0 },
    { name: 'one finding per service', calls: [...failing(5, 'a'), ...failing(5, 'b'), ...healthyTraffic(t0)], findings: 2 },
  ];
  it.each(cases)('$name', ({ calls, findings }) => {
    expect(rule(evidenceFromCalls(calls))).toHaveLength(findings);
  });

  it('names the service, counts the calls and points the explorer at them', () => {
    const [f] = rule(evidenceFromCalls([...failing(12), ...healthyTraffic(t0)]));
    expect(f?.code).toBe(code);
    expect(f?.confidence).toBe('high');
    expect(f?.scope).toMatchObject({ key: '', host: 'acme.voiso.com' });
    expect(f?.evidence.calls).toBe(12);
    expect(f?.evidence.examples).toHaveLength(3);
    expect(f?.requestFilters).toEqual({ status: '401', service: f?.scope.service, ...(f?.scope.endpointId ? { endpoint: f.scope.endpointId } : {}) });
    expect(f?.advice).toMatch(/Authorization: Bearer <API key>/);
    expect(f?.advice).toMatch(/12/);
    expect(f?.evidence.facts[0]).toMatch(/^All 12 sampled 401s/);
  });
});

describe('auth.wrong_scheme', () => {
  it('is only a suspect when calls without a Bearer key succeed on the same endpoint', () => {
    const calls = [...tokenScheme(10), ...every(10, t0 + 500, 3000, (at) => apiCall({ service: 'legacy-dialer', key: '', authScheme: 'other', at, status: 200, route: '/api/v4/agents' }))];
    const [f] = authWrongScheme(evidenceFromCalls(calls));
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence.figures.succeededWithoutBearer).toBe(10);
  });
});

describe('auth.missing_header', () => {
  it('counts only the share of a service\'s 401s that had no header', () => {
    const calls = [...noHeader(10), ...every(10, t0 + 100, 4000, (at) => apiCall({ service: 'report-exporter', key: '', authScheme: 'other', at, status: 401 }))];
    const [f] = authMissingHeader(evidenceFromCalls(calls));
    expect(f?.evidence.calls).toBe(10);
    expect(f?.evidence.facts[0]).toMatch(/^10 of 20 sampled 401s/);
  });
});

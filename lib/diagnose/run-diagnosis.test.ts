// diagnose(): every rule over the same evidence, one cause per scope, the scope's findings only.
import { describe, expect, it } from 'vitest';
import { apiCall, every } from './api-call.fixture';
import { evidenceFromCalls } from './diagnosis-evidence.fixture';
import { healthyTraffic } from './healthy-traffic.fixture';
import { diagnose } from './run-diagnosis';

const t0 = Date.UTC(2026, 0, 20, 8, 0);
const v1 = (n: number) => every(n, t0, 4000, (at) => apiCall({ service: 'old', key: 'fp_old', at, status: 404, route: '/api/v1/users' }));
const stale = (n: number) => every(n, t0, 4000, (at) => apiCall({ service: 'old', key: 'fp_old', at, status: 404, route: '/api/v4/users/{id}' }));
const noKey = (n: number) => every(n, t0, 4000, (at) => apiCall({ service: 'exporter', key: '', at, status: 401 }));

describe('diagnose', () => {
  it('says nothing about healthy traffic, nor about no traffic', () => {
    expect(diagnose(evidenceFromCalls(healthyTraffic(t0, { rounds: 300 })))).toEqual([]);
    expect(diagnose(evidenceFromCalls([], { fromMs: t0, toMs: t0 + 60_000 }))).toEqual([]);
  });

  it('explains each 404 once: a wrong version is not also a path that does not exist', () => {
    const codes = diagnose(evidenceFromCalls([...v1(5), ...stale(5), ...healthyTraffic(t0)])).map((f) => f.code);
    expect(codes.sort()).toEqual(['not_found.missing_resource', 'not_found.wrong_version']);
  });

  it('returns the findings about the scope, judged against all calls', () => {
    const calls = [...v1(5), ...stale(5), ...noKey(5), ...healthyTraffic(t0)];
    const endpointOf = (route: string) => calls.find((c) => c.route === route)?.endpointId;
    const scoped = (scope: object) => diagnose(evidenceFromCalls(calls, scope)).map((f) => f.code);
    expect(scoped({ service: 'exporter' })).toEqual(['auth.missing_header']);
    expect(scoped({ key: 'fp_old' }).sort()).toEqual(['not_found.missing_resource', 'not_found.wrong_version']);
    expect(scoped({ endpoint: endpointOf('/api/v1/users') })).toEqual(['not_found.wrong_version']);
    // The stale ids are stale because others fetch users by id successfully.
    expect(scoped({ endpoint: endpointOf('/api/v4/users/{id}') })).toEqual(['not_found.missing_resource']);
    expect(scoped({ service: 'crm-sync' })).toEqual([]);
  });
});

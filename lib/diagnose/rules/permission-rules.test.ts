// permission.endpoint_scope and permission.wrong_contact_center: what a key's 403s say about its rights.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { permissionEndpointScope } from './permission-endpoint-scope';
import { permissionWrongContactCenter } from './permission-wrong-contact-center';

const t0 = Date.UTC(2026, 0, 13, 8, 0);
const acme = 'acme.voiso.com';
const globex = 'globex.voiso.com';

/** An analyst key: reads campaigns, may not create them. */
const scheduler = (refused: number) => [
  ...every(10, t0, 4000, (at) => apiCall({ service: 'campaign-scheduler', key: 'fp_analyst', at, status: 200, route: '/api/v4/campaigns' })),
  ...every(refused, t0 + 100, 4000, (at) => apiCall({ service: 'campaign-scheduler', key: 'fp_analyst', at, status: 403, method: 'POST', route: '/api/v4/campaigns' })),
];
/** Globex's key on Acme's cluster: 403 on everything there; it works on Globex. */
const bridge = (refused: number, opts: { worksElsewhere?: boolean; routes?: string[] } = {}) => [
  ...every(refused, t0, 3000, (at, i) => {
    const routes = opts.routes ?? ['/api/v4/contacts', '/api/v4/contacts/{id}'];
    return apiCall({ service: 'partner-bridge', key: 'fp_globex', at, status: 403, host: acme, route: routes[i % routes.length] });
  }),
  ...(opts.worksElsewhere === false ? [] : every(10, t0 + 50, 3000, (at) => apiCall({ service: 'partner-bridge', key: 'fp_globex', at, status: 200, host: globex }))),
];

const cases: { name: string; calls: ClassifiedRequest[]; scope: number; contactCenter: number }[] = [
  { name: 'a key allowed to read but not to write', calls: scheduler(10), scope: 1, contactCenter: 0 },
  { name: 'near miss: two forbidden writes', calls: scheduler(2), scope: 0, contactCenter: 0 },
  {
    name: 'near miss: 403 on some calls of an endpoint that mostly works (per-record rights)',
    calls: [...scheduler(0), ...every(20, t0, 1000, (at, i) => apiCall({ service: 'campaign-scheduler', key: 'fp_analyst', at, status: i % 4 ? 200 : 403, route: '/api/v4/contacts/{id}' }))],
    scope: 0,
    contactCenter: 0,
  },
  { name: 'a key refused on everything on a host, working on another', calls: bridge(12), scope: 0, contactCenter: 1 },
  { name: 'near miss: two refused calls', calls: bridge(2), scope: 0, contactCenter: 0 },
  { name: 'healthy traffic', calls: healthyTraffic(t0), scope: 0, contactCenter: 0 },
];

describe('403 rules', () => {
  it.each(cases)('$name', ({ calls, scope, contactCenter }) => {
    const evidence = evidenceFromCalls(calls);
    expect(permissionEndpointScope(evidence)).toHaveLength(scope);
    expect(permissionWrongContactCenter(evidence)).toHaveLength(contactCenter);
  });
});

describe('permission.endpoint_scope', () => {
  it('names the denied endpoint, what works, and that the role reads but does not write', () => {
    const [f] = permissionEndpointScope(evidenceFromCalls([...scheduler(10), ...healthyTraffic(t0)]));
    expect(f?.scope).toMatchObject({ service: 'campaign-scheduler', key: 'fp_analyst', endpoint: `POST ${acme}/api/v4/campaigns` });
    expect(f?.evidence.calls).toBe(10);
    expect(f?.evidence.figures).toMatchObject({ forbidden: 10, succeededOnAllowed: 10, deniedEndpoints: 1 });
    expect(f?.evidence.facts[0]).toContain(`GET ${acme}/api/v4/campaigns (10 calls)`);
    expect(f?.advice).toMatch(/may read but not write/);
    expect(f?.requestFilters).toEqual({ status: '403', service: 'campaign-scheduler', key: 'fp_analyst', endpoint: f?.scope.endpointId });
  });
});

describe('permission.wrong_contact_center', () => {
  it('names the host, the endpoints refused and where the key works', () => {
    const [f] = permissionWrongContactCenter(evidenceFromCalls([...bridge(12), ...healthyTraffic(t0)]));
    expect(f?.confidence).toBe('high');
    expect(f?.scope).toMatchObject({ service: 'partner-bridge', key: 'fp_globex', host: acme });
    expect(f?.scope.endpointIds).toHaveLength(2);
    expect(f?.evidence.figures).toMatchObject({ forbidden: 12, forbiddenEndpoints: 2, workingHost: globex, succeededElsewhere: 10 });
    expect(f?.advice).toMatch(/another contact center \(it works on globex.voiso.com\)/);
  });

  it('is less sure about one endpoint on one host, where a single permission could be missing', () => {
    const [f] = permissionWrongContactCenter(evidenceFromCalls(bridge(6, { worksElsewhere: false, routes: ['/api/v4/contacts'] })));
    expect(f?.confidence).toBe('medium');
  });
});

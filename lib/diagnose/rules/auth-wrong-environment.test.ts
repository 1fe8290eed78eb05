// auth.wrong_environment: a key rejected (401) on one host while it, or its service's other keys, work.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { authWrongEnvironment } from './auth-wrong-environment';

const t0 = Date.UTC(2026, 0, 12, 8, 0);
const service = 'qa-smoke';
const prod = 'acme.voiso.com';
const staging = 'acme-staging.voiso.com';
const smoke = (n: number, opts: { refusedOnProd?: number; key?: string } = {}) => [
  ...every(n, t0, 5000, (at) => apiCall({ service, key: opts.key ?? 'fp_staging', at, status: 200, host: staging, environment: 'staging' })),
  ...every(opts.refusedOnProd ?? n, t0 + 100, 5000, (at) => apiCall({ service, key: opts.key ?? 'fp_staging', at, status: 401, host: prod, environment: 'staging' })),
];

const cases: { name: string; calls: ClassifiedRequest[]; findings: number }[] = [
  { name: 'fires when the key works on another host', calls: smoke(10), findings: 1 },
  { name: 'near miss: two 401s', calls: smoke(10, { refusedOnProd: 2 }), findings: 0 },
  {
    name: 'fires when the service\'s other key works on that host',
    calls: [
      ...every(10, t0, 2000, (at) => apiCall({ service, key: 'fp_good', at, status: 200, host: prod })),
      ...every(10, t0 + 500, 2000, (at) => apiCall({ service, key: 'fp_bad', at, status: 401, host: prod })),
    ],
    findings: 1,
  },
  {
    name: 'near miss: the key also succeeded on that host (rotation, flapping)',
    calls: [...smoke(10), ...every(3, t0 + 200, 5000, (at) => apiCall({ service, key: 'fp_staging', at, status: 200, host: prod }))],
    findings: 0,
  },
  {
    name: 'near miss: nothing works anywhere (a bad key, not a wrong environment)',
    calls: every(10, t0, 2000, (at) => apiCall({ service, key: 'fp_bad', at, status: 401, host: prod })),
    findings: 0,
  },
  { name: 'near miss: calls without a key are the header rules\' business', calls: [...smoke(10, { key: '' })], findings: 0 },
  { name: 'healthy traffic', calls: healthyTraffic(t0), findings: 0 },
];

describe('auth.wrong_environment', () => {
  it.each(cases)('$name', ({ calls, findings }) => {
    expect(authWrongEnvironment(evidenceFromCalls(calls))).toHaveLength(findings);
  });

  it('names the host that refuses the key and the one it works on', () => {
    const [f] = authWrongEnvironment(evidenceFromCalls([...smoke(12), ...healthyTraffic(t0)]));
    expect(f?.confidence).toBe('high');
    expect(f?.scope).toMatchObject({ service, key: 'fp_staging', host: prod });
    expect(f?.evidence.calls).toBe(12);
    expect(f?.evidence.figures).toMatchObject({ unauthorized: 12, succeededElsewhere: 12, workingHost: staging });
    expect(f?.evidence.facts.join(' ')).toMatch(/environment "staging"/);
    expect(f?.advice).toContain(`belongs to ${staging}, not to ${prod}`);
    expect(f?.requestFilters).toMatchObject({ status: '401', key: 'fp_staging', service });
  });

  it('is less sure when only other keys show the host works', () => {
    const calls = [
      ...every(10, t0, 2000, (at) => apiCall({ service, key: 'fp_good', at, status: 200, host: prod })),
      ...every(10, t0 + 500, 2000, (at) => apiCall({ service, key: 'fp_bad', at, status: 401, host: prod })),
    ];
    expect(authWrongEnvironment(evidenceFromCalls(calls))[0]?.confidence).toBe('medium');
  });
});

// auth.key_rotated: a key that worked and then only gets 401, or a switch to a key that never works.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { authKeyRotated } from './auth-key-rotated';

const t0 = Date.UTC(2026, 0, 11, 8, 0);
const service = 'billing-worker';
/** `ok` successes, then `refused` 401s, 3 s apart. */
const rotated = (ok: number, refused: number, key = 'fp_old') => [
  ...every(ok, t0, 3000, (at) => apiCall({ service, key, at, status: 200, route: '/api/v4/cdr' })),
  ...every(refused, t0 + ok * 3000, 3000, (at) => apiCall({ service, key, at, status: 401, route: '/api/v4/cdr' })),
];

const cases: { name: string; calls: ClassifiedRequest[]; findings: number }[] = [
  { name: 'fires when a working key gets only 401 from a moment on', calls: rotated(5, 3), findings: 1 },
  { name: 'near miss: two 401s after the last success', calls: rotated(5, 2), findings: 0 },
  { name: 'near miss: one success before is not "it worked"', calls: rotated(1, 10), findings: 0 },
  {
    name: 'near miss: 401s all along between successes (a host it never worked on)',
    calls: [
      ...every(10, t0, 3000, (at) => apiCall({ service, key: 'fp_k', at, status: 200, host: 'staging.voiso.com' })),
      ...every(10, t0 + 1000, 3000, (at) => apiCall({ service, key: 'fp_k', at, status: 401 })),
    ],
    findings: 0,
  },
  {
    name: 'near miss: other failures after the last success, not 401s',
    calls: [...rotated(5, 0), ...every(10, t0 + 20_000, 1000, (at) => apiCall({ service, key: 'fp_old', at, status: 429 })), ...rotated(0, 2)],
    findings: 0,
  },
  {
    name: 'fires for a switch to a new key that never works',
    calls: [...rotated(10, 0, 'fp_old'), ...every(5, t0 + 30_000, 3000, (at) => apiCall({ service, key: 'fp_new', at, status: 401 }))],
    findings: 1,
  },
  {
    name: 'near miss: a second key failing while the first keeps working is no switch',
    calls: [...rotated(200, 0, 'fp_old'), ...every(5, t0, 3000, (at) => apiCall({ service, key: 'fp_new', at, status: 401 }))],
    findings: 0,
  },
  { name: 'healthy traffic', calls: healthyTraffic(t0), findings: 0 },
];

describe('auth.key_rotated', () => {
  it.each(cases)('$name', ({ calls, findings }) => {
    expect(authKeyRotated(evidenceFromCalls(calls))).toHaveLength(findings);
  });

  it('dates the onset at the first 401 after the last success', () => {
    const [f] = authKeyRotated(evidenceFromCalls([...rotated(6, 8), ...healthyTraffic(t0)]));
    expect(f?.scope).toMatchObject({ service, key: 'fp_old' });
    expect(f?.evidence.calls).toBe(8);
    expect(f?.evidence.since).toBe(new Date(t0 + 6 * 3000).toISOString());
    expect(f?.evidence.figures).toMatchObject({ successesBefore: 6, unauthorizedAfter: 8, lastSuccessMs: t0 + 5 * 3000, onsetMs: t0 + 6 * 3000 });
    expect(f?.requestFilters).toMatchObject({ status: '401', key: 'fp_old', service });
    expect(f?.title).toMatch(/stopped working at 2026-01-11 08:00:18 UTC/);
    expect(f?.advice).toMatch(/rotated or revoked/);
  });

  it('names the new key of a switch and when the old one last worked', () => {
    const calls = [...rotated(10, 0, 'fp_old'), ...every(5, t0 + 30_000, 3000, (at) => apiCall({ service, key: 'fp_new', at, status: 401 }))];
    const [f] = authKeyRotated(evidenceFromCalls(calls));
    expect(f?.scope.key).toBe('fp_new');
    expect(f?.title).toBe('billing-worker switched to key fp_new, which the API rejects');
    expect(f?.evidence.figures).toMatchObject({ previousKeyLastSuccessMs: t0 + 27_000, onsetMs: t0 + 30_000, unauthorizedAfter: 5 });
  });
});

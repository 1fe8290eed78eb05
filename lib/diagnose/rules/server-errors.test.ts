// server.errors: 5xx answers, with their statuses, share and Retry-After.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { serverErrors } from './server-errors';

const t0 = Date.UTC(2026, 0, 19, 8, 0);
const poller = (n: number, failEvery: number, status = 503) =>
  every(n, t0, 2000, (at, i) => apiCall({ service: 'status-poller', key: 'fp_p', at, status: i % failEvery === 0 ? status : 200, retryAfter: i % failEvery === 0 && status === 503 ? '1' : null }));

const cases: { name: string; calls: ClassifiedRequest[]; findings: number }[] = [
  { name: 'fires on some 503s', calls: poller(30, 3), findings: 1 },
  { name: 'near miss: two 500s', calls: poller(4, 2, 500), findings: 0 },
  { name: 'healthy traffic', calls: healthyTraffic(t0), findings: 0 },
];

describe('server.errors', () => {
  it.each(cases)('$name', ({ calls, findings }) => {
    expect(serverErrors(evidenceFromCalls(calls))).toHaveLength(findings);
  });

  it('counts the statuses, their share and the Retry-After, and lists them for the explorer', () => {
    const calls = [...poller(30, 3), ...every(4, t0 + 500, 5000, (at) => apiCall({ service: 'status-poller', key: 'fp_p', at, status: 500 }))];
    const [f] = serverErrors(evidenceFromCalls(calls));
    expect(f?.status).toBe('5xx');
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence.figures).toMatchObject({ serverErrors: 14, callsToHost: 34, 500: 4, 503: 10, retryAfterMs: 1000 });
    expect(f?.requestFilters).toEqual({ status: '500,503', service: 'status-poller', key: 'fp_p', endpoint: f?.scope.endpointId });
    expect(f?.advice).toMatch(/the 1 s Retry-After asks for/);
  });

  it('is background noise below 1% of the calls', () => {
    const calls = every(1000, t0, 100, (at, i) => apiCall({ service: 'big', key: 'fp_b', at, status: i % 250 === 0 ? 502 : 200 }));
    expect(serverErrors(evidenceFromCalls(calls))[0]?.confidence).toBe('low');
  });
});

import { describe, expect, it } from 'vitest';
import { endpointDetailToJson } from './endpoint-detail-to-json';
import { summarizeLatency } from './summarize-latency';

describe('endpointDetailToJson', () => {
  it('writes ISO times, statuses as strings, split 422 keys, shares of failures and the latency buckets', () => {
    const json = endpointDetailToJson({
      endpoint: { id: 'e1', method: 'POST', host: 'h', route: '/api/v4/users', firstSeenMs: Date.UTC(2026, 0, 1), lastSeenMs: Date.UTC(2026, 0, 3) },
      total: 10,
      errors: 4,
      byStatus: { '201': 6, '422': 3, network: 1 },
      errorKeys: [
        { statusCode: 422, errorKey: 'name: is missing', count: 3 },
        { statusCode: 0, errorKey: 'ECONNREFUSED', count: 1 },
      ],
      keys: [
        {
          fingerprint: '',
          label: null,
          environment: null,
          total: 10,
          errors: 4,
          unauthorized: 0,
          forbidden: 0,
          rateLimited: 0,
          firstSeenMs: null,
          lastSeenMs: null,
        },
      ],
      latency: summarizeLatency({ buckets: [10, 0, 0, 0, 0, 0, 0, 0], count: 10, durationSumMs: 200, durationMaxMs: 45 }),
    });
    expect(json.endpoint).toEqual({
      id: 'e1',
      method: 'POST',
      host: 'h',
      route: '/api/v4/users',
      firstSeenAt: '2026-01-01T00:00:00.000Z',
      lastSeenAt: '2026-01-03T00:00:00.000Z',
    });
    expect(json.errorRate).toBe(0.4);
    expect(json.errorKeys).toEqual([
      { status: '422', errorKey: 'name: is missing', field: 'name', message: 'is missing', count: 3, share: 0.75 },
      { status: 'network', errorKey: 'ECONNREFUSED', field: null, message: 'ECONNREFUSED', count: 1, share: 0.25 },
    ]);
    expect(json.keys).toEqual([
      {
        fingerprint: '',
        label: null,
        environment: null,
        total: 10,
        errors: 4,
        errorRate: 0.4,
        unauthorized: 0,
        forbidden: 0,
        rateLimited: 0,
        firstSeenAt: null,
        lastSeenAt: null,
      },
    ]);
    expect(json.latency).toMatchObject({ calls: 10, p50: { gtMs: 0, leMs: 50 }, p95: { gtMs: 0, leMs: 50 }, meanMs: 20, maxMs: 45 });
    expect(json.latency.histogram[0]).toEqual({ gtMs: 0, leMs: 50, count: 10 });
    expect(json.latency.histogram[7]).toEqual({ gtMs: 5000, leMs: null, count: 0 });
  });
});

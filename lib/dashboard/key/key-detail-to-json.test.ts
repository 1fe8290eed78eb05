import { describe, expect, it } from 'vitest';
import { apiKeyToJson, keyDetailToJson } from './key-detail-to-json';

const key = { fingerprint: 'fp_a', label: 'billing', environment: null, firstSeenMs: Date.UTC(2026, 0, 1), lastSeenMs: Date.UTC(2026, 0, 2) };

describe('keyDetailToJson', () => {
  it('writes ISO times, endpoint ids under `id` and rates as fractions, null without calls', () => {
    const json = keyDetailToJson({
      key,
      total: 4,
      errors: 1,
      byStatus: { '200': 3, '429': 1 },
      endpoints: [
        {
          endpointId: 'e1',
          method: 'GET',
          host: 'h',
          route: '/r',
          total: 4,
          errors: 1,
          unauthorized: 0,
          forbidden: 0,
          rateLimited: 1,
          meanDurationMs: 12,
          lastSeenMs: Date.UTC(2026, 0, 2),
        },
      ],
      services: [{ service: 's', total: 0, errors: 0 }],
    });
    expect(json).toEqual({
      key: { fingerprint: 'fp_a', label: 'billing', environment: null, firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-02T00:00:00.000Z' },
      total: 4,
      errors: 1,
      errorRate: 0.25,
      byStatus: { '200': 3, '429': 1 },
      endpoints: [
        {
          id: 'e1',
          method: 'GET',
          host: 'h',
          route: '/r',
          total: 4,
          errors: 1,
          errorRate: 0.25,
          unauthorized: 0,
          forbidden: 0,
          rateLimited: 1,
          meanDurationMs: 12,
          lastSeenAt: '2026-01-02T00:00:00.000Z',
        },
      ],
      services: [{ service: 's', total: 0, errors: 0, errorRate: null }],
    });
  });

  it('gives a key without calls in the range a null error rate', () => {
    const json = keyDetailToJson({ key, total: 0, errors: 0, byStatus: {}, endpoints: [], services: [] });
    expect(json.errorRate).toBeNull();
    expect(apiKeyToJson(key)).toEqual(json.key);
  });
});

import { describe, expect, it } from 'vitest';
import type { CallGroup } from './diagnosis-evidence';
import { failureSampleSize, planCallSamples, throttledSampleSize } from './plan-call-samples';
import { planGroupTopUps } from './plan-group-top-ups';

const group = (g: Partial<CallGroup>): CallGroup => ({
  service: 's',
  environment: 'production',
  key: 'k',
  endpointId: 'e',
  statusCode: 200,
  calls: 10,
  firstMinute: 100,
  lastMinute: 200,
  ...g,
});

describe('planCallSamples', () => {
  it('samples only the statuses the rules read, within the failure budget', () => {
    const statuses = [200, 400, 401, 403, 404, 406, 409, 413, 422, 429, 500, 502, 503, 504];
    const plan = planCallSamples(statuses.map((statusCode) => group({ statusCode })));
    expect(plan.statusQuotas.map((q) => q.statusCode)).toEqual([401, 403, 404, 406, 409, 422, 429, 500, 502, 503, 504]);
    expect(plan.statusQuotas.reduce((n, q) => n + q.limit, 0)).toBeLessThanOrEqual(failureSampleSize);
  });

  it('times throttled keys over all their endpoints and keys with 406s on those endpoints, within budget', () => {
    const groups = [
      ...Array.from({ length: 30 }, (_, i) => group({ key: `k${i}`, statusCode: 429, calls: 100 - i })),
      group({ key: 'viewer', endpointId: 'transcript', statusCode: 406 }),
      group({ key: 'bot', statusCode: 409 }),
    ];
    const { contextKeys } = planCallSamples(groups);
    const throttled = contextKeys.filter((q) => !q.endpointIds);
    expect(throttled.map((q) => q.key)).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`));
    expect(throttled.reduce((n, q) => n + q.limit, 0)).toBeLessThanOrEqual(throttledSampleSize);
    expect(contextKeys.find((q) => q.key === 'viewer')).toEqual({ key: 'viewer', endpointIds: ['transcript'], limit: 100 });
    expect(contextKeys.find((q) => q.key === 'bot')).toBeUndefined();
  });

  it('follows keys with 401s that succeeded, and the keys a failing key may have replaced', () => {
    const groups = [
      group({ service: 'rotated', key: 'a', statusCode: 200 }),
      group({ service: 'rotated', key: 'a', statusCode: 401 }),
      group({ service: 'switched', key: 'old', statusCode: 200 }),
      group({ service: 'switched', key: 'new', statusCode: 401 }),
      group({ service: 'hopeless', key: 'x', statusCode: 401 }),
      group({ service: 'nokey', key: '', statusCode: 401 }),
      group({ service: 'fine', key: 'f', statusCode: 200 }),
    ];
    const subjects = planCallSamples(groups).timelineSubjects.map((s) => `${s.service}/${s.key}`).sort();
    expect(subjects).toEqual(['rotated/a', 'switched/new', 'switched/old']);
  });
});

describe('planGroupTopUps', () => {
  it('looks for the last calls of failing groups the sample missed, in their last rollup hour', () => {
    const missed = group({ statusCode: 401, calls: 4, lastMinute: 1000 });
    const covered = group({ statusCode: 403, calls: 50 });
    const sampled = Array.from({ length: 10 }, (_, i) => ({
      id: i,
      traceId: '',
      startMs: 0,
      durationMs: 0,
      service: 's',
      environment: 'production',
      endpointId: 'e',
      statusCode: 403,
      key: 'k',
      authScheme: 'bearer',
      accept: null,
      retryAfter: null,
      resendCount: null,
      errorKey: null,
      errorBody: null,
    }));
    const windows = planGroupTopUps([missed, covered, group({ statusCode: 200 })], sampled, { fromMs: 0, toMs: 1030 * 60_000 });
    expect(windows).toEqual([{ service: 's', environment: 'production', key: 'k', endpointId: 'e', statusCode: 401, fromMs: 1000 * 60_000, toMs: 1030 * 60_000 }]);
  });
});

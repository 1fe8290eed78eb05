import { describe, expect, it } from 'vitest';
import { makeRequest } from '@/lib/testing/make-request';
import { epochMinute, rollupMinutes } from './rollup-minutes';

const t0 = Date.UTC(2026, 10, 25, 12, 0);

describe('rollupMinutes', () => {
  it('groups calls by minute, endpoint, key, service, environment and status', () => {
    const { requestMinutes } = rollupMinutes([
      makeRequest({ startMs: t0, statusCode: 401, durationMs: 10 }),
      makeRequest({ startMs: t0 + 59_999, statusCode: 401, durationMs: 30 }),
      makeRequest({ startMs: t0 + 60_000, statusCode: 401, durationMs: 5 }),
      makeRequest({ startMs: t0, statusCode: 401, apiKeyFingerprint: 'fp_other' }),
      makeRequest({ startMs: t0, statusCode: 200 }),
    ]);
    expect(requestMinutes).toHaveLength(4);
    const first = requestMinutes.find((r) => r.minute === epochMinute(t0) && r.statusCode === 401 && r.apiKeyFingerprint === 'fp_test');
    expect(first).toMatchObject({ count: 2, durationSumMs: 40, durationMaxMs: 30, statusClass: '4xx' });
  });

  it('fills the latency histogram at the bucket bounds', () => {
    const durations = [50, 50.001, 100, 250, 500, 1000, 2500, 5000, 5000.1];
    const { requestMinutes } = rollupMinutes(durations.map((durationMs) => makeRequest({ startMs: t0, durationMs })));
    expect(requestMinutes[0]!.latencyBuckets).toEqual([1, 2, 1, 1, 1, 1, 1, 1]);
  });

  it('counts each error key once per call, and a call with several keys in each', () => {
    const { errorKeyMinutes, requestMinutes } = rollupMinutes([
      makeRequest({ startMs: t0, statusCode: 422, errorKeys: ['name: is missing', 'timezone: must be a string'] }),
      makeRequest({ startMs: t0, statusCode: 422, errorKeys: ['name: is missing', 'name: is missing'] }),
    ]);
    expect(requestMinutes[0]!.count).toBe(2);
    expect(errorKeyMinutes.map((k) => [k.errorKey, k.count])).toEqual([
      ['name: is missing', 2],
      ['timezone: must be a string', 1],
    ]);
  });

  it('emits rows sorted by key so concurrent writers lock them in the same order', () => {
    const calls = [429, 200, 401, 403].map((statusCode, i) => makeRequest({ startMs: t0 + i * 60_000 * (i % 2 ? -1 : 1), statusCode }));
    const { requestMinutes } = rollupMinutes(calls);
    const keys = requestMinutes.map((r) => [r.minute, r.endpointId, r.apiKeyFingerprint, r.service, r.environment, r.statusCode].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
  });

  it('returns nothing for no calls', () => {
    expect(rollupMinutes([])).toEqual({ requestMinutes: [], errorKeyMinutes: [] });
  });
});

// measureAlertInstances against a real database: the rule's window, scope and codes select
// exactly the seeded calls they should, per instance, from minute and coarse rollups alike.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import type { Observation } from './alert-state';
import { measureAlertInstances } from './measure-alert-instances';
import { type AlertRuleInput, alertRuleRequestSchema } from './schemas/alert-rule-request-schema';

const t = createTestDatabaseForFile();
const MINUTE = 60_000;
// Evaluations happen 30 s into minute M; the window of n minutes is [M - n, M).
const M = Math.floor(Date.UTC(2026, 0, 5, 12, 0) / MINUTE);
const NOW = M * MINUTE + 30_000;
const inMinute = (minute: number, offsetMs = 15_000) => minute * MINUTE + offsetMs;

/** A service name no other test uses, so each test reads only its own calls. */
const uniqueService = () => `svc-${randomBytes(4).toString('hex')}`;

function rule(input: Partial<AlertRuleInput>) {
  return alertRuleRequestSchema.parse({
    name: 'test rule',
    metric: 'rate',
    codes: [429],
    comparator: '>',
    threshold: 0.2,
    windowSeconds: 300,
    ...input,
  });
}

function calls(n: number, base: Partial<ClassifiedRequest>): ClassifiedRequest[] {
  return Array.from({ length: n }, () => makeRequest({ startMs: inMinute(M - 2), ...base }));
}

const entries = (m: Map<string, Observation>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

describe('measureAlertInstances', () => {
  it('measures the rate of the codes over the whole scope as one instance', async () => {
    const service = uniqueService();
    await seedCalls(t.db, [
      ...calls(10, { service, statusCode: 200 }),
      ...calls(5, { service, statusCode: 429, startMs: inMinute(M - 5) }),
      ...calls(5, { service, statusCode: 500, startMs: inMinute(M - 1) }),
    ]);
    const measured = await measureAlertInstances(t.db, rule({ scope: { service } }), NOW);
    expect(entries(measured)).toEqual({ '': { value: 0.25, requests: 20 } });
  });

  it('fans out per key, with calls without a key as their own instance', async () => {
    const service = uniqueService();
    const run = randomBytes(3).toString('hex');
    const [a, b, c] = [`fp_${run}_a`, `fp_${run}_b`, `fp_${run}_c`];
    await seedCalls(t.db, [
      ...calls(6, { service, apiKeyFingerprint: a, statusCode: 200 }),
      ...calls(4, { service, apiKeyFingerprint: a, statusCode: 429 }),
      ...calls(5, { service, apiKeyFingerprint: b, statusCode: 200 }),
      ...calls(2, { service, apiKeyFingerprint: '', statusCode: 429 }),
      // Only before the window: no instance.
      ...calls(3, { service, apiKeyFingerprint: c, statusCode: 429, startMs: inMinute(M - 6) }),
    ]);
    const measured = await measureAlertInstances(t.db, rule({ scope: { service, each: 'key' } }), NOW);
    expect(entries(measured)).toEqual({
      '': { value: 1, requests: 2 },
      [a]: { value: 0.4, requests: 10 },
      [b]: { value: 0, requests: 5 },
    });
  });

  it('fans out per endpoint and matches codes mixed with classes', async () => {
    const service = uniqueService();
    const run = randomBytes(3).toString('hex');
    const [x, y] = [`ep${run}00000x`, `ep${run}00000y`];
    await seedCalls(t.db, [
      ...[200, 401, 404, 0, 500, 503].flatMap((statusCode) => calls(1, { service, endpointId: x, statusCode })),
      ...[200, 201, 302, 422].flatMap((statusCode) => calls(2, { service, endpointId: y, statusCode })),
    ]);
    const r = rule({ metric: 'count', codes: ['4xx', 'network', 500], comparator: '>=', threshold: 3, scope: { service, each: 'endpoint' } });
    const measured = await measureAlertInstances(t.db, r, NOW);
    // x: 401, 404, network, 500 (not 503); y: the two 422s.
    expect(entries(measured)).toEqual({ [x]: { value: 4, requests: 6 }, [y]: { value: 2, requests: 8 } });
  });

  it('gives an empty window one whole-scope instance without data, and no fanned-out instances', async () => {
    const service = uniqueService();
    await seedCalls(t.db, calls(4, { service, statusCode: 429, startMs: inMinute(M - 10) }));
    expect(entries(await measureAlertInstances(t.db, rule({ scope: { service } }), NOW))).toEqual({ '': { value: null, requests: 0 } });
    expect(entries(await measureAlertInstances(t.db, rule({ metric: 'count', scope: { service } }), NOW))).toEqual({ '': { value: 0, requests: 0 } });
    expect(entries(await measureAlertInstances(t.db, rule({ metric: 'p95_latency', scope: { service } }), NOW))).toEqual({
      '': { value: null, requests: 0 },
    });
    expect((await measureAlertInstances(t.db, rule({ scope: { service, each: 'key' } }), NOW)).size).toBe(0);
  });

  it('covers whole minutes: the window start is in, the running minute and earlier calls are out', async () => {
    const service = uniqueService();
    const edges: [number, number][] = [
      [(M - 2) * MINUTE - 1, 500], // the last moment before the window
      [(M - 2) * MINUTE, 429], // the window's first moment
      [M * MINUTE - 1, 429], // its last moment
      [M * MINUTE, 500], // the running minute
      [NOW - 1, 500],
    ];
    await seedCalls(
      t.db,
      edges.map(([startMs, statusCode]) => makeRequest({ service, startMs, statusCode })),
    );
    // 90 s rounds up to two whole minutes.
    const measured = await measureAlertInstances(t.db, rule({ windowSeconds: 90, scope: { service } }), NOW);
    expect(entries(measured)).toEqual({ '': { value: 1, requests: 2 } });
    // A minute later, the running minute has ended and joins the window; the window's first minute drops out.
    const later = await measureAlertInstances(t.db, rule({ windowSeconds: 90, scope: { service } }), NOW + MINUTE);
    expect(entries(later)).toEqual({ '': { value: 1 / 3, requests: 3 } });
  });

  it('applies the scope filters: environment, endpoint and key', async () => {
    const service = uniqueService();
    const run = randomBytes(3).toString('hex');
    const endpointId = `ep${run}0000ff`;
    const key = `fp_${run}`;
    const match = { service, environment: 'staging', endpointId, apiKeyFingerprint: key };
    await seedCalls(t.db, [
      ...calls(3, { ...match, statusCode: 429 }),
      ...calls(1, { ...match, statusCode: 200 }),
      ...calls(5, { ...match, environment: 'production', statusCode: 429 }),
      ...calls(5, { ...match, endpointId: `ep${run}0000ee`, statusCode: 429 }),
      ...calls(5, { ...match, apiKeyFingerprint: `fp_${run}_other`, statusCode: 429 }),
    ]);
    const scope = { service, environment: 'staging', endpoint: endpointId, key };
    expect(entries(await measureAlertInstances(t.db, rule({ scope }), NOW))).toEqual({ '': { value: 0.75, requests: 4 } });
    expect(entries(await measureAlertInstances(t.db, rule({ scope: { service, environment: 'production' } }), NOW))).toEqual({
      '': { value: 1, requests: 5 },
    });
  });

  it('reads p95 latency from the histogram, over all calls whatever the codes', async () => {
    const service = uniqueService();
    const run = randomBytes(3).toString('hex');
    const [fast, slow] = [`fp_${run}_fast`, `fp_${run}_slow`];
    await seedCalls(t.db, [
      ...calls(19, { service, apiKeyFingerprint: fast, durationMs: 40 }),
      ...calls(1, { service, apiKeyFingerprint: fast, durationMs: 3000, statusCode: 504 }),
      ...calls(3, { service, apiKeyFingerprint: slow, durationMs: 700 }),
      ...calls(2, { service, apiKeyFingerprint: slow, durationMs: 9000 }),
    ]);
    const r = rule({ metric: 'p95_latency', codes: [], comparator: '>', threshold: 1000, scope: { service, each: 'key' } });
    expect(entries(await measureAlertInstances(t.db, r, NOW))).toEqual({
      [fast]: { value: 50, requests: 20 },
      // Rank 5 of 5 is in the open bucket: the slowest call stands for it.
      [slow]: { value: 9000, requests: 5 },
    });
  });

  it('gives the same answer from hourly and 10-minute rollups as the raw calls over a long window', async () => {
    const service = uniqueService();
    const run = randomBytes(3).toString('hex');
    const windowMinutes = 3 * 60 + 17;
    const seeded: ClassifiedRequest[] = [];
    for (let i = 0; i < 400; i++) {
      seeded.push(
        makeRequest({
          service,
          apiKeyFingerprint: `fp_${run}_${i % 3}`,
          // Spread over the window and 40 minutes either side of it.
          startMs: (M - windowMinutes - 40) * MINUTE + ((i * 7_919_113) % ((windowMinutes + 80) * MINUTE)),
          statusCode: [200, 200, 429, 503, 0][i % 5] ?? 200,
        }),
      );
    }
    await seedCalls(t.db, seeded);
    const measured = await measureAlertInstances(t.db, rule({ codes: ['5xx', 429], windowSeconds: windowMinutes * 60, scope: { service, each: 'key' } }), NOW);
    const expected: Record<string, Observation> = {};
    for (let k = 0; k < 3; k++) {
      const mine = seeded.filter((c) => c.apiKeyFingerprint === `fp_${run}_${k}` && c.startMs >= (M - windowMinutes) * MINUTE && c.startMs < M * MINUTE);
      const matching = mine.filter((c) => c.statusCode === 429 || c.statusCode >= 500).length;
      expected[`fp_${run}_${k}`] = { value: matching / mine.length, requests: mine.length };
    }
    expect(entries(measured)).toEqual(expected);
    expect(Object.values(expected).reduce((n, o) => n + o.requests, 0)).toBeGreaterThan(250);
  });
});

// loadDiagnosisEvidence against a real database: it reads the same evidence the in-memory
// fixture computes from the same calls (counts, samples, timelines), keeps a busy status from
// crowding a quieter group out of the sample, and handles a key that never succeeded.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { uniqueId } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { apiCall, every } from './api-call.fixture';
import type { DiagnosisEvidence, DiagnosisScope, SampledCall } from './diagnosis-evidence';
import { evidenceFromCalls } from './diagnosis-evidence.fixture';
import { loadDiagnosisEvidence } from './load-diagnosis-evidence';
import { personaTraffic } from './persona-traffic.fixture';
import { diagnose } from './run-diagnosis';

const t = createTestDatabaseForFile();

const byIdentity = <T>(rows: readonly T[]) => [...rows].map((r) => JSON.stringify(r)).sort();
const traces = (calls: readonly SampledCall[]) => new Set(calls.map((c) => c.traceId));
const withoutIds = (calls: readonly SampledCall[]) => byIdentity(calls.map(({ id: _id, ...rest }) => rest));

function expectSameEvidence(loaded: DiagnosisEvidence, expected: DiagnosisEvidence): void {
  expect(byIdentity(loaded.groups)).toEqual(byIdentity(expected.groups));
  expect(byIdentity(loaded.errorKeys)).toEqual(byIdentity(expected.errorKeys));
  expect([...loaded.endpoints.entries()].sort()).toEqual([...expected.endpoints.entries()].sort());
  expect(withoutIds(loaded.failures)).toEqual(withoutIds(expected.failures));
  expect(withoutIds(loaded.context)).toEqual(withoutIds(expected.context));
  expect(byIdentity(loaded.timelines)).toEqual(byIdentity(expected.timelines));
}

async function seedAndLoad(calls: ClassifiedRequest[], scope: DiagnosisScope) {
  await seedCalls(t.db, calls);
  return { loaded: await loadDiagnosisEvidence(t.db, scope), expected: evidenceFromCalls(calls, scope) };
}

describe('loadDiagnosisEvidence', () => {
  it("reads the demo personas' evidence exactly as the fixture computes it", async () => {
    const start = Date.UTC(2026, 3, 1, 10, 0);
    const scope = { fromMs: start, toMs: start + 3 * 60_000 };
    const { loaded, expected } = await seedAndLoad(personaTraffic({ startMs: start, durationMs: 3 * 60_000, rotateAfterMs: 45_000 }), scope);
    expectSameEvidence(loaded, expected);
    expect(loaded.timelines.map((x) => x.service).sort()).toEqual(['billing-worker', 'qa-smoke']);
    expect(loaded.context.length).toBeGreaterThan(0);
  });

  it('samples every failing group although a busier one floods the same status', async () => {
    const start = Date.UTC(2026, 3, 2, 10, 0);
    const busy = uniqueId('busy');
    const quiet = uniqueId('quiet');
    const busyKey = uniqueId('fp');
    const calls = [
      // Six quiet 401s without a header early on, then 6,000 newer 401s of another service.
      ...every(6, start, 1000, (at) => apiCall({ service: quiet, key: '', at, status: 401 })),
      ...every(6000, start + 60_000, 20, (at) => apiCall({ service: busy, key: busyKey, at, status: 401 })),
      ...every(10, start, 1000, (at) => apiCall({ service: busy, key: '', at, status: 404, route: '/api/v4/nowhere' })),
    ];
    const scope = { fromMs: start, toMs: start + 5 * 60_000 };
    const { loaded, expected } = await seedAndLoad(calls, scope);
    expectSameEvidence(loaded, expected);
    expect(loaded.failures.filter((c) => c.service === quiet)).toHaveLength(6);
    expect(loaded.failures.filter((c) => c.service === busy && c.statusCode === 401)).toHaveLength(2500);
    expect(diagnose(loaded).filter((f) => f.scope.service === quiet).map((f) => f.code)).toEqual(['auth.missing_header']);
  });

  it('times a switch to a key that never succeeds', async () => {
    const start = Date.UTC(2026, 3, 3, 10, 0);
    const service = uniqueId('switcher');
    const [oldKey, newKey] = [uniqueId('fp_old'), uniqueId('fp_new')];
    const calls = [
      ...every(30, start, 2000, (at) => apiCall({ service, key: oldKey, at, status: 200 })),
      ...every(30, start + 60_000, 2000, (at) => apiCall({ service, key: newKey, at, status: 401 })),
    ];
    const { loaded, expected } = await seedAndLoad(calls, { fromMs: start, toMs: start + 3 * 60_000 });
    expectSameEvidence(loaded, expected);
    expect(loaded.timelines.find((x) => x.key === newKey)).toEqual({
      service,
      key: newKey,
      lastOkMs: null,
      callsAfter: 30,
      unauthorizedAfter: 30,
      onsetMs: start + 60_000,
      lastAfterMs: start + 60_000 + 29 * 2000,
    });
    const [finding] = diagnose(loaded).filter((f) => f.scope.service === service);
    expect(finding?.code).toBe('auth.key_rotated');
    expect(finding?.scope.key).toBe(newKey);
  });

  it('reads one environment only when asked', async () => {
    const start = Date.UTC(2026, 3, 4, 10, 0);
    const service = uniqueId('env');
    const calls = [
      ...every(5, start, 1000, (at) => apiCall({ service, key: '', at, status: 401, environment: 'staging' })),
      ...every(5, start, 1000, (at) => apiCall({ service, key: '', at, status: 401, environment: 'production' })),
    ];
    const scope = { fromMs: start, toMs: start + 60_000, environment: 'staging' };
    const { loaded, expected } = await seedAndLoad(calls, scope);
    expectSameEvidence(loaded, expected);
    expect(new Set(loaded.failures.map((c) => c.environment))).toEqual(new Set(['staging']));
    expect(traces(loaded.failures).size).toBe(5);
  });
});

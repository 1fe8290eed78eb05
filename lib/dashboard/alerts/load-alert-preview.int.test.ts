// The /alerts form's preview against a real database: calls stored through the real write
// path come back as the rule's metric per bucket, per key or endpoint, named as the dashboard
// names them, with the scope's filters applied.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { updateApiKeyLabels } from '@/lib/db/queries/update-api-key-labels';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { loadAlertPreview } from './load-alert-preview';

const t = createTestDatabaseForFile();
const MINUTE = 60_000;
// Now is 12:03:30; with a 5-minute window the last bucket is 12:00–12:05.
const NOW = Date.UTC(2026, 0, 5, 12, 3, 30);
const lastBucketMs = Date.UTC(2026, 0, 5, 12, 0);
const run = () => randomBytes(4).toString('hex');

function calls(n: number, statusCode: number, base: Partial<ClassifiedRequest>): ClassifiedRequest[] {
  return Array.from({ length: n }, () => makeRequest({ statusCode, startMs: lastBucketMs + MINUTE, ...base }));
}

const rule = (service: string, changes: Record<string, unknown> = {}) => ({
  metric: 'rate',
  codes: [429],
  comparator: '>',
  threshold: 0.2,
  windowSeconds: 300,
  minRequests: 5,
  scope: { service },
  ...changes,
});

describe('loadAlertPreview', () => {
  it('previews the whole scope, leaving out calls of other services and other times', async () => {
    const service = `svc-${run()}`;
    await seedCalls(t.db, [
      ...calls(6, 200, { service }),
      ...calls(4, 429, { service }),
      ...calls(5, 429, { service, startMs: lastBucketMs - 10 * MINUTE }),
      ...calls(1, 200, { service, startMs: lastBucketMs - 9 * MINUTE }),
      ...calls(20, 429, { service: `other-${run()}` }),
    ]);
    const result = await loadAlertPreview(t.db, rule(service), NOW);
    if (!result.ok) throw new Error(result.message);
    const { preview } = result;
    expect(preview).toMatchObject({ unit: 'percent', threshold: 20, stepMinutes: 5, instances: 1, crossingInstances: 1 });
    expect(preview.series).toMatchObject([{ id: 's0', instanceKey: '', label: 'All calls in scope', worst: 83.33 }]);
    expect(preview.rows.slice(-3)).toEqual([
      { t: lastBucketMs - 10 * MINUTE, s0: 83.33 },
      { t: lastBucketMs - 5 * MINUTE, s0: null },
      { t: lastBucketMs, s0: 40 },
    ]);
  });

  it('fans out per key with labels, and per endpoint with method, host and route', async () => {
    const service = `svc-${run()}`;
    const [keyA, keyB] = [`fp_a_${run()}`, `fp_b_${run()}`];
    const endpoint = `ep${randomBytes(7).toString('hex')}`;
    await seedCalls(t.db, [
      ...calls(5, 200, { service, apiKeyFingerprint: keyA, endpointId: endpoint, route: '/api/v4/cdr' }),
      ...calls(5, 429, { service, apiKeyFingerprint: keyA, endpointId: endpoint, route: '/api/v4/cdr' }),
      ...calls(9, 200, { service, apiKeyFingerprint: keyB }),
      ...calls(1, 429, { service, apiKeyFingerprint: keyB }),
    ]);
    await updateApiKeyLabels(t.db, keyA, { label: 'export job' });
    const perKey = await loadAlertPreview(t.db, rule(service, { scope: { service, each: 'key' } }), NOW);
    if (!perKey.ok) throw new Error(perKey.message);
    expect(perKey.preview.series.map((s) => [s.label, s.worst, s.crossed])).toEqual([
      ['export job', 50, true],
      [keyB, 10, false],
    ]);
    const perEndpoint = await loadAlertPreview(t.db, rule(service, { scope: { service, each: 'endpoint' } }), NOW);
    if (!perEndpoint.ok) throw new Error(perEndpoint.message);
    expect(perEndpoint.preview.series[0]).toMatchObject({ instanceKey: endpoint, label: 'GET cc1.voiso.com/api/v4/cdr', worst: 50 });
  });

  it('previews p95 latency from the histogram', async () => {
    const service = `svc-${run()}`;
    await seedCalls(t.db, [...calls(19, 200, { service, durationMs: 30 }), ...calls(2, 200, { service, durationMs: 900 })]);
    const result = await loadAlertPreview(t.db, rule(service, { metric: 'p95_latency', codes: [], threshold: 800 }), NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.preview).toMatchObject({ unit: 'ms', threshold: 800, crossingInstances: 1 });
    expect(result.preview.rows.at(-1)).toEqual({ t: lastBucketMs, s0: 1000 });
  });

  it('says what is missing instead of previewing an unreadable rule', async () => {
    expect(await loadAlertPreview(t.db, rule('x', { windowSeconds: 10 }), NOW)).toEqual({
      ok: false,
      message: 'No preview until the windowSeconds is valid: windowSeconds must be at least 60.',
    });
  });
});

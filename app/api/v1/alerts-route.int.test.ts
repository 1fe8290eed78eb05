// GET /api/v1/alerts through the real route handler, after a real evaluation tick: the current
// instances and their states, firing first, filtered by rule or state, behind the API token.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as alertsGet } from '@/app/api/v1/alerts/route';
import { createAlertRule } from '@/lib/alerts/alert-rules';
import type { AlertInstanceView } from '@/lib/alerts/list-alert-activity';
import { runAlertEvaluation } from '@/lib/alerts/run-alert-evaluation';
import type { AlertRule } from '@/lib/alerts/schemas/alert-rule-request-schema';
import { makeRequest } from '@/lib/testing/make-request';
import { setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';

const env = setUpRouteTestEnvForFile();
const minute = 60_000;
const T = Date.UTC(2026, 10, 27, 15, 0);
const run = randomBytes(3).toString('hex');
const [hot, calm] = [`fp_${run}_hot`, `fp_${run}_calm`];

interface AlertsBody {
  alerts: AlertInstanceView[];
}

let throttling: AlertRule;
let latency: AlertRule;

beforeAll(async () => {
  const create = async (input: Record<string, unknown>) => {
    const created = await createAlertRule(env.t.db, { comparator: '>', windowSeconds: 300, minRequests: 5, ...input }, T - 10 * minute);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    return created.rule;
  };
  // Named so that the calm rule sorts first: firing must still come out on top.
  latency = await create({ name: 'A latency', metric: 'p95_latency', threshold: 5000, scope: { each: 'key' } });
  throttling = await create({ name: 'B throttling', metric: 'rate', codes: [429], threshold: 0.2, scope: { each: 'key' } });
  await seedCalls(env.t.db, [
    ...Array.from({ length: 10 }, (_, i) => makeRequest({ apiKeyFingerprint: hot, startMs: T - 2 * minute + i, statusCode: i < 5 ? 429 : 200 })),
    ...Array.from({ length: 10 }, (_, i) => makeRequest({ apiKeyFingerprint: calm, startMs: T - 2 * minute + i, statusCode: 200 })),
  ]);
  await runAlertEvaluation(env.t.db, { holder: `test-${run}`, nowMs: T, leaseMs: 90_000, baseUrl: 'http://faultline.test', log: () => {} });
});

describe('GET /api/v1/alerts', () => {
  it('answers 401 without the API token', async () => {
    const res = await env.get(alertsGet, '/api/v1/alerts', null);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('lists every instance with its state, rule and value, firing first', async () => {
    const { alerts } = await env.getOk<AlertsBody>(alertsGet, '/api/v1/alerts');
    expect(alerts.map((a) => [a.state, a.ruleName, a.instanceKey])).toEqual([
      ['firing', 'B throttling', hot],
      ['ok', 'A latency', calm],
      ['ok', 'A latency', hot],
      ['ok', 'B throttling', calm],
    ]);
    expect(alerts[0]).toMatchObject({
      ruleId: throttling.id,
      instanceKind: 'key',
      instanceLabel: hot,
      value: 0.5,
      requests: 10,
      episode: 1,
      since: new Date(T).toISOString(),
    });
  });

  it('filters by rule and by state', async () => {
    const byRule = await env.getOk<AlertsBody>(alertsGet, `/api/v1/alerts?rule=${latency.id}`);
    expect(byRule.alerts.map((a) => a.ruleId)).toEqual([latency.id, latency.id]);
    const firing = await env.getOk<AlertsBody>(alertsGet, '/api/v1/alerts?state=firing');
    expect(firing.alerts.map((a) => a.instanceKey)).toEqual([hot]);
    const some = await env.getOk<AlertsBody>(alertsGet, '/api/v1/alerts?state=firing,pending,resolved');
    expect(some.alerts).toHaveLength(1);
  });

  it('answers 400 naming a bad state', async () => {
    const res = await env.get(alertsGet, '/api/v1/alerts?state=firing,burning');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/state must be one or more of ok, pending, firing/) } });
  });
});

// The alert read side on a real database after a real evaluation tick: instances firing first
// with readable names, each rule's history and delivery log, newest first, with ISO times.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { updateApiKeyLabels } from '@/lib/db/queries/update-api-key-labels';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '@/lib/testing/webhook-receiver';
import { createAlertRule } from './alert-rules';
import { listAlertDeliveries, listAlertEvents, listAlertInstances } from './list-alert-activity';
import { runAlertEvaluation } from './run-alert-evaluation';
import type { AlertRule, AlertRuleInput } from './schemas/alert-rule-request-schema';

const t = createTestDatabaseForFile();
const minute = 60_000;
const T = Date.UTC(2026, 10, 26, 9, 0);
const at = (offsetMs: number) => new Date(T + offsetMs).toISOString();
const run = randomBytes(3).toString('hex');
const service = `svc-${run}`;
const labelledKey = `fp_${run}_labelled`;
const quietKey = `fp_${run}_quiet`;
const endpointId = `ep${randomBytes(7).toString('hex')}`;

let receiver: WebhookReceiver;
let perKey: AlertRule;
let perEndpoint: AlertRule;
let wholeScope: AlertRule;

async function rule(input: Partial<AlertRuleInput>): Promise<AlertRule> {
  const created = await createAlertRule(
    t.db,
    { metric: 'rate', codes: [429], comparator: '>', threshold: 0.2, windowSeconds: 300, minRequests: 5, forSeconds: 0, ...input },
    T - 10 * minute,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  return created.rule;
}

function calls(key: string, total: number, throttled: number): ClassifiedRequest[] {
  return Array.from({ length: total }, (_, i) =>
    makeRequest({
      service,
      apiKeyFingerprint: key,
      endpointId,
      route: `/api/v4/${run}`,
      startMs: T - 3 * minute + i * 1000,
      statusCode: i < throttled ? 429 : 200,
      errorKeys: i < throttled ? ['Too many requests'] : [],
    }),
  );
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  perKey = await rule({
    name: 'A: throttled keys',
    scope: { service, each: 'key' },
    channels: [{ type: 'webhook', url: receiver.url('/hook?sig=abc') }],
  });
  perEndpoint = await rule({ name: 'B: throttled endpoints', scope: { service, each: 'endpoint' }, forSeconds: 600 });
  wholeScope = await rule({ name: 'C: server errors', metric: 'count', codes: ['5xx'], threshold: 0, scope: { service, environment: 'production' } });
  await seedCalls(t.db, [...calls(labelledKey, 10, 5), ...calls('', 10, 4), ...calls(quietKey, 10, 0)]);
  await updateApiKeyLabels(t.db, labelledKey, { label: 'billing-prod' });
  const result = await runAlertEvaluation(t.db, { holder: `test-${run}`, nowMs: T, leaseMs: 90_000, baseUrl: 'http://faultline.test', log: () => {} });
  expect(result).toMatchObject({ evaluated: true, rules: 3, queued: 2, deliveries: { delivered: 2 } });
});
afterAll(async () => {
  await receiver?.close();
});

describe('listAlertInstances', () => {
  it('lists firing instances first, each named and timed', async () => {
    const all = await listAlertInstances(t.db);
    expect(all.map((i) => [i.state, i.ruleName, i.instanceKind, i.instanceLabel])).toEqual([
      ['firing', 'A: throttled keys', 'key', 'No key'],
      ['firing', 'A: throttled keys', 'key', 'billing-prod'],
      ['pending', 'B: throttled endpoints', 'endpoint', `GET cc1.voiso.com/api/v4/${run}`],
      ['ok', 'A: throttled keys', 'key', quietKey],
      ['ok', 'C: server errors', 'scope', `service ${service} · environment production`],
    ]);
    expect(all[1]).toEqual({
      ruleId: perKey.id,
      ruleName: 'A: throttled keys',
      instanceKey: labelledKey,
      instanceKind: 'key',
      instanceLabel: 'billing-prod',
      state: 'firing',
      episode: 1,
      value: 0.5,
      requests: 10,
      since: at(0),
      pendingSince: at(0),
      firingSince: at(0),
      resolvedAt: null,
      lastNotifiedAt: at(0),
      lastEvaluatedAt: at(0),
    });
    expect(all[2]).toMatchObject({ ruleId: perEndpoint.id, instanceKey: endpointId, since: at(0), firingSince: null });
    expect(all[4]).toMatchObject({ ruleId: wholeScope.id, instanceKey: '', since: null, value: 0, requests: 30 });
  });

  it('narrows to one rule, or to some states', async () => {
    expect((await listAlertInstances(t.db, { ruleId: perEndpoint.id })).map((i) => i.instanceKey)).toEqual([endpointId]);
    expect((await listAlertInstances(t.db, { states: ['firing'] })).map((i) => i.instanceKey).sort()).toEqual(['', labelledKey].sort());
    expect(await listAlertInstances(t.db, { ruleId: 'no-such-rule' })).toEqual([]);
  });
});

describe('listAlertEvents', () => {
  it("returns a rule's state changes with the instance's name, newest first, up to the limit", async () => {
    const events = await listAlertEvents(t.db, perKey.id, 10);
    expect(events.map((e) => [e.instanceLabel, e.fromState, e.toState, e.at, e.value, e.threshold])).toEqual([
      ['billing-prod', 'ok', 'firing', at(0), 0.5, 0.2],
      ['No key', 'ok', 'firing', at(0), 0.4, 0.2],
    ]);
    expect(await listAlertEvents(t.db, perKey.id, 1)).toHaveLength(1);
    expect((await listAlertEvents(t.db, perEndpoint.id, 10)).map((e) => [e.fromState, e.toState])).toEqual([['ok', 'pending']]);
  });
});

describe('listAlertDeliveries', () => {
  it("returns a rule's delivery log with targets free of the URL's secret", async () => {
    const deliveries = await listAlertDeliveries(t.db, perKey.id, 10);
    expect(deliveries).toHaveLength(2);
    for (const d of deliveries) {
      expect(d).toMatchObject({
        ruleName: 'A: throttled keys',
        episode: 1,
        kind: 'firing',
        target: `webhook ${receiver.url('/hook')}`,
        status: 'delivered',
        attempts: 1,
        lastHttpStatus: 200,
        lastError: null,
        nextAttemptAt: null,
        createdAt: at(0),
        updatedAt: at(0),
      });
    }
    expect(deliveries.map((d) => d.instanceLabel).sort()).toEqual(['No key', 'billing-prod']);
    expect(receiver.received('/hook').map((r) => r.query)).toEqual(['sig=abc', 'sig=abc']);
    expect(await listAlertDeliveries(t.db, perEndpoint.id, 10)).toEqual([]);
  });
});

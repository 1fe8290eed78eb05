// The alert runner end to end on a real database with a real webhook receiver: traffic crosses
// a threshold → pending → exactly one firing POST; no duplicates on later ticks, nor after
// another process takes the lease over mid-episode; recovery → exactly one resolved POST;
// retries with backoff, giving up, and a hanging webhook that cannot hold the tick. Time is
// passed into each tick, so nothing sleeps for minutes.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { createDatabase, type Database } from '@/lib/db/client';
import { resolveDatabaseTarget } from '@/lib/db/database-target';
import { getLease } from '@/lib/db/queries/get-lease';
import { runDiagnosis } from '@/lib/diagnose/run-diagnosis';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '@/lib/testing/webhook-receiver';
import { createAlertRule } from './alert-rules';
import type { AlertPayload } from './build-alert-payload';
import { instanceDiagnosisScope } from './diagnose-alert-instances';
import { listAlertDeliveries, listAlertEvents, listAlertInstances } from './list-alert-activity';
import { alertLeaseName, type AlertTickOptions, runAlertEvaluation } from './run-alert-evaluation';
import type { AlertRule, AlertRuleInput } from './schemas/alert-rule-request-schema';

const minute = 60_000;
const T = Date.UTC(2026, 10, 25, 12, 0);
const at = (offsetMs: number) => new Date(T + offsetMs).toISOString();
const leaseMs = 90_000;
const baseUrl = 'http://faultline.test';

let t: TestDatabase;
let receiver: WebhookReceiver;
let logs: string[];
beforeEach(async () => {
  // A database per test: the lease and the rules of one test must not meet another's clock.
  [t, receiver] = await Promise.all([createTestDatabase(), startWebhookReceiver()]);
  logs = [];
});
afterEach(async () => {
  await Promise.all([t?.drop(), receiver?.close()]);
});

const holder = (name: string) => `${name}-${randomBytes(4).toString('hex')}`;

function tick(who: string, offsetMs: number, extra: Partial<AlertTickOptions> = {}, db: Database = t.db) {
  return runAlertEvaluation(db, {
    holder: who,
    nowMs: T + offsetMs,
    leaseMs,
    baseUrl,
    log: (line) => logs.push(line),
    ...extra,
    delivery: { timeoutMs: 2_000, ...extra.delivery },
  });
}

async function createRule(input: Partial<AlertRuleInput>): Promise<AlertRule> {
  const created = await createAlertRule(
    t.db,
    {
      name: 'Throttling per key',
      metric: 'rate',
      codes: [429],
      comparator: '>',
      threshold: 0.2,
      minRequests: 5,
      forSeconds: 60,
      windowSeconds: 300,
      scope: { each: 'key' },
      ...input,
    },
    T - 60 * minute,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  return created.rule;
}

/**
 * `total` calls of one key in minute `m` (relative to T), 5 s apart; the first `throttled` get 429
 * with Retry-After: 30 and are retried 5 s later (no back-off, which the diagnosis recognises).
 */
function minuteOfCalls(key: string, m: number, total: number, throttled: number, base: Partial<ClassifiedRequest> = {}): ClassifiedRequest[] {
  return Array.from({ length: total }, (_, i) =>
    makeRequest({
      apiKeyFingerprint: key,
      startMs: T + m * minute + i * 5_000,
      ...(i < throttled
        ? { statusCode: 429, errorKeys: ['Too many requests'], errorBody: '{"error":"Too many requests"}', retryAfter: '30' }
        : { statusCode: 200, errorKeys: [], errorBody: null }),
      ...base,
    }),
  );
}

async function seed(key: string, minutes: readonly number[], total: number, throttled: number, base: Partial<ClassifiedRequest> = {}) {
  await seedCalls(t.db, minutes.flatMap((m) => minuteOfCalls(key, m, total, throttled, base)));
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const json = <T>(body: string) => JSON.parse(body) as T;

describe('the alert runner', () => {
  it('notifies once when traffic crosses the threshold for forSeconds, once when it recovers, across a takeover', async () => {
    const keyA = `fp_a_${randomBytes(4).toString('hex')}`;
    const keyB = `fp_b_${randomBytes(4).toString('hex')}`;
    const rule = await createRule({
      channels: [
        { type: 'webhook', url: receiver.url('/hook?token=s3cret') },
        { type: 'slack', url: receiver.url('/slack') },
      ],
    });
    const first = holder('replica-1');
    const second = holder('replica-2');
    const hook = () => receiver.received('/hook');
    const slack = () => receiver.received('/slack');

    // Below the threshold: 10 % of key A's calls throttled, none of key B's.
    await seed(keyA, range(-5, -1), 10, 1);
    await seed(keyB, range(-5, 4), 10, 0);
    expect(await tick(first, 0)).toMatchObject({ evaluated: true, rules: 1, queued: 0 });
    expect(receiver.requests).toEqual([]);
    expect((await listAlertInstances(t.db, { ruleId: rule.id })).map((i) => [i.instanceKey, i.state])).toEqual(
      [
        [keyA, 'ok'],
        [keyB, 'ok'],
      ].sort(),
    );

    // Key A gets throttled: 60 % of its calls from T on.
    await seed(keyA, range(0, 4), 10, 6);
    // Window [T-4m, T+1m): 10 of 50 = exactly 20 %, not above it.
    await tick(first, 1 * minute);
    // Window [T-3m, T+2m): 15 of 50 = 30 % → pending, not yet notified.
    await tick(first, 2 * minute);
    await tick(first, 2 * minute + 30_000);
    expect(receiver.requests).toEqual([]);
    const pending = (await listAlertInstances(t.db, { ruleId: rule.id }))[0];
    expect(pending).toMatchObject({ instanceKey: keyA, state: 'pending', since: at(2 * minute), value: 0.3, requests: 50 });

    // forSeconds later: firing, one POST to each channel.
    const firing = await tick(first, 3 * minute);
    expect(firing).toMatchObject({ evaluated: true, queued: 2, deliveries: { delivered: 2, retrying: 0, failed: 0 } });
    expect(hook()).toHaveLength(1);
    expect(slack()).toHaveLength(1);
    const request = hook()[0]!;
    expect(request).toMatchObject({ method: 'POST', contentType: 'application/json', query: 'token=s3cret' });
    const payload = json<AlertPayload>(request.body);
    const expectedCause = (await runDiagnosis(t.db, instanceDiagnosisScope(rule, keyA, T + 3 * minute)))[0];
    expect(expectedCause?.code).toBe('rate_limit.no_backoff');
    expect(payload).toMatchObject({
      rule: { id: rule.id, name: 'Throttling per key', severity: 'warning' },
      state: 'firing',
      kind: 'firing',
      instance: { key: keyA },
      metric: 'rate',
      codes: [429],
      comparator: '>',
      threshold: 0.2,
      windowSeconds: 300,
      // Window [T-2m, T+3m): 2 + 18 of 50.
      value: 0.4,
      requests: 50,
      episode: 1,
      startedAt: at(3 * minute),
      resolvedAt: null,
      diagnosis: { code: 'rate_limit.no_backoff', title: expectedCause?.title, advice: expectedCause?.advice },
    });
    expect(payload.url).toBe(
      `${baseUrl}/keys/${keyA}?range=custom&from=${encodeURIComponent(at(-3 * minute))}&to=${encodeURIComponent(at(3 * minute))}`,
    );
    const slackText = json<{ text: string }>(slack()[0]!.body).text;
    expect(slackText).toBe(`${payload.summary}\nLikely cause: ${expectedCause?.title}. ${payload.url}`);
    expect(slackText).toMatch(/^\[FIRING\] Throttling per key \(warning\) — key fp_a_\w+: 429 rate 40 % > 20 % over the last 5 min \(50 calls\)\n/);

    // Later ticks while it keeps firing: nothing new.
    await tick(first, 3 * minute + 30_000);
    await tick(first, 4 * minute);
    expect([hook().length, slack().length]).toEqual([1, 1]);

    // Another replica cannot evaluate while the lease is held…
    expect(await tick(second, 4 * minute + 30_000)).toMatchObject({ evaluated: false });
    // …and takes over once the first stops renewing it (it "restarted"), on its own connection pool,
    // carrying the episode on from the stored state: still firing, not announced again.
    const otherPool = createDatabase(resolveDatabaseTarget(t.url));
    try {
      const takeover = await tick(second, 4 * minute + leaseMs + 1, {}, otherPool);
      expect(takeover).toMatchObject({ evaluated: true, rules: 1, queued: 0 });
      expect((await getLease(t.db, alertLeaseName))?.holder).toBe(second);
      expect([hook().length, slack().length]).toEqual([1, 1]);
      // The old holder is locked out now.
      expect(await tick(first, 6 * minute)).toMatchObject({ evaluated: false });

      // Traffic recovers from T+5m.
      await seed(keyA, range(5, 12), 10, 0);
      // Window [T+2m, T+7m): 18 of 50 still throttled.
      await tick(second, 7 * minute, {}, otherPool);
      expect([hook().length, slack().length]).toEqual([1, 1]);
      // Window [T+4m, T+9m): 6 of 50 = 12 % → resolved, one POST each.
      const resolved = await tick(second, 9 * minute, {}, otherPool);
      expect(resolved).toMatchObject({ queued: 2, deliveries: { delivered: 2 } });
      await tick(second, 10 * minute, {}, otherPool);
      await tick(second, 11 * minute, {}, otherPool);
    } finally {
      await otherPool.prisma.$disconnect();
    }
    expect([hook().length, slack().length]).toEqual([2, 2]);
    const resolvedPayload = json<AlertPayload>(hook()[1]!.body);
    expect(resolvedPayload).toMatchObject({
      state: 'resolved',
      kind: 'resolved',
      instance: { key: keyA },
      value: 0.12,
      episode: 1,
      startedAt: at(3 * minute),
      resolvedAt: at(9 * minute),
      diagnosis: null,
    });
    expect(json<{ text: string }>(slack()[1]!.body).text).toMatch(/^\[RESOLVED\] .*429 rate 12 % over the last 5 min \(50 calls\), no longer > 20 %; fired for 6 min\n/);

    // The history and the delivery log say the same.
    expect((await listAlertEvents(t.db, rule.id, 10)).map((e) => [e.instanceKey, e.fromState, e.toState, e.at])).toEqual([
      [keyA, 'firing', 'resolved', at(9 * minute)],
      [keyA, 'pending', 'firing', at(3 * minute)],
      [keyA, 'ok', 'pending', at(2 * minute)],
    ]);
    const deliveries = await listAlertDeliveries(t.db, rule.id, 10);
    expect(deliveries.map((d) => [d.kind, d.target, d.status, d.attempts, d.lastHttpStatus]).sort()).toEqual(
      [
        ['firing', `webhook ${receiver.url('/hook')}`, 'delivered', 1, 200],
        ['firing', `slack ${receiver.url('/slack')}`, 'delivered', 1, 200],
        ['resolved', `webhook ${receiver.url('/hook')}`, 'delivered', 1, 200],
        ['resolved', `slack ${receiver.url('/slack')}`, 'delivered', 1, 200],
      ].sort(),
    );
    // The webhook's secret lives in the rule only: not in the delivery log, not in the logs.
    const stored = await t.db.prisma.alertDelivery.findMany();
    expect(JSON.stringify(stored, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))).not.toContain('s3cret');
    expect(logs.join('\n')).not.toContain('s3cret');
  });

  it('lets exactly one of two replicas ticking at the same moment evaluate and notify', async () => {
    const key = `fp_${randomBytes(4).toString('hex')}`;
    await createRule({ forSeconds: 0, channels: [{ type: 'webhook', url: receiver.url('/race') }] });
    await seed(key, range(-5, -1), 10, 8);
    const otherPool = createDatabase(resolveDatabaseTarget(t.url));
    try {
      const results = await Promise.all([tick(holder('a'), 0), tick(holder('b'), 0, {}, otherPool)]);
      expect(results.map((r) => r.evaluated).sort()).toEqual([false, true]);
    } finally {
      await otherPool.prisma.$disconnect();
    }
    expect(receiver.received('/race')).toHaveLength(1);
  });

  it('retries a webhook that answers 500 with backoff until it answers 200, and logs the attempts', async () => {
    const key = `fp_${randomBytes(4).toString('hex')}`;
    const rule = await createRule({ forSeconds: 0, channels: [{ type: 'webhook', url: receiver.url('/flaky') }] });
    await seed(key, range(-5, -1), 10, 8);
    receiver.answer('/flaky', [500]);
    const who = holder('replica');

    expect(await tick(who, 0)).toMatchObject({ queued: 1, deliveries: { delivered: 0, retrying: 1, failed: 0 } });
    expect((await listAlertDeliveries(t.db, rule.id, 10))[0]).toMatchObject({
      kind: 'firing',
      status: 'pending',
      attempts: 1,
      lastHttpStatus: 500,
      lastError: 'HTTP 500',
      nextAttemptAt: at(30_000),
    });
    // Not due yet.
    await tick(who, 10_000);
    expect(receiver.received('/flaky')).toHaveLength(1);
    expect(await tick(who, 30_000)).toMatchObject({ queued: 0, deliveries: { delivered: 1 } });
    expect((await listAlertDeliveries(t.db, rule.id, 10))[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastHttpStatus: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    const [attempt1, attempt2] = receiver.received('/flaky');
    expect(attempt2?.body).toBe(attempt1?.body);
  });

  it('gives up after five attempts, at doubling intervals, and at once on a client error', async () => {
    const key = `fp_${randomBytes(4).toString('hex')}`;
    const rule = await createRule({
      forSeconds: 0,
      channels: [
        { type: 'webhook', url: receiver.url('/down') },
        { type: 'webhook', url: receiver.url('/gone') },
      ],
    });
    await seed(key, range(-5, 12), 10, 8);
    receiver.answer('/down', Array(10).fill(503));
    receiver.answer('/gone', [404]);
    const who = holder('replica');
    // Retries are due 30 s, 60 s, 120 s and 240 s after each failure; ticks in between send nothing.
    for (const s of [0, 20, 30, 60, 90, 200, 210, 449, 450, 900]) await tick(who, s * 1000);
    expect(receiver.received('/down')).toHaveLength(5);
    expect(receiver.received('/gone')).toHaveLength(1);
    const log = await listAlertDeliveries(t.db, rule.id, 10);
    expect(log.map((d) => [d.target.split('/').pop(), d.status, d.attempts, d.lastHttpStatus, d.lastError, d.nextAttemptAt]).sort()).toEqual([
      ['down', 'failed', 5, 503, 'HTTP 503', null],
      ['gone', 'failed', 1, 404, 'HTTP 404', null],
    ]);
  });

  it('does not let a webhook that never answers hold the tick or the other notifications', async () => {
    const service = `svc-${randomBytes(4).toString('hex')}`;
    const base = { service, scope: { service }, forSeconds: 0 };
    await createRule({ ...base, name: 'slow channel', channels: [{ type: 'webhook', url: receiver.url('/hang') }] });
    const fastRule = await createRule({ ...base, name: 'fast channel', channels: [{ type: 'webhook', url: receiver.url('/fast') }] });
    await seed(`fp_${randomBytes(4).toString('hex')}`, range(-5, -1), 10, 8, { service });
    receiver.hang('/hang');

    const timeoutMs = 1_500;
    const started = performance.now();
    const result = await tick(holder('replica'), 0, { delivery: { timeoutMs } });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ rules: 2, queued: 2, deliveries: { delivered: 1, retrying: 1, failed: 0 } });
    // The fast webhook was called alongside the hanging one, not after its timeout…
    expect(receiver.received('/fast')[0]!.arrivedAt - started).toBeLessThan(timeoutMs);
    // …and the tick ended once the timeout cut the hanging call off.
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(elapsed).toBeLessThan(timeoutMs + 2_500);
    expect(receiver.received('/hang')).toHaveLength(1);
    const [slow] = await listAlertDeliveries(t.db, (await listAlertInstances(t.db)).find((i) => i.ruleName === 'slow channel')!.ruleId, 5);
    expect(slow).toMatchObject({ status: 'pending', attempts: 1, lastHttpStatus: null, lastError: `no answer within ${timeoutMs} ms` });
    expect((await listAlertDeliveries(t.db, fastRule.id, 5))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});

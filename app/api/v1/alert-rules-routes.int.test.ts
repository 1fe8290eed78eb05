// The alert-rule API (GET/POST /api/v1/alert-rules, GET/PUT/DELETE /api/v1/alert-rules/{id})
// through the real route handlers against a real database.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DELETE as deleteRule, GET as getRule, PUT as putRule } from '@/app/api/v1/alert-rules/[id]/route';
import { GET as listRules, POST as postRule } from '@/app/api/v1/alert-rules/route';
import type { AlertRule } from '@/lib/alerts/schemas/alert-rule-request-schema';
import { setUpRouteTestEnvForFile, uniqueId } from '@/lib/testing/route-harness';

const env = setUpRouteTestEnvForFile();

// The example body, verbatim.
const exampleBody =
  '{"name":"Throttling per key","metric":"rate","codes":[429],"comparator":">","threshold":0.2,"windowSeconds":300,"minRequests":20,"forSeconds":120,"scope":{"each":"key"},"channels":[{"type":"webhook","url":"https://hooks.example/x"}]}';

interface RuleBody {
  rule: AlertRule;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

const post = (body: string, token?: string | null) => env.send(postRule, '/api/v1/alert-rules', { method: 'POST', body, token });
const put = (id: string, body: string) => env.send(putRule, `/api/v1/alert-rules/${id}`, { method: 'PUT', body, params: { id } });
const get = (id: string) => env.send(getRule, `/api/v1/alert-rules/${id}`, { params: { id } });

async function create(overrides: Record<string, unknown> = {}): Promise<AlertRule> {
  const res = await post(JSON.stringify({ ...JSON.parse(exampleBody), name: uniqueId('rule'), ...overrides }));
  if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as RuleBody).rule;
}

async function remove(id: string, token?: string): Promise<Response> {
  const headers = { Authorization: `Bearer ${token ?? env.apiToken}` };
  return deleteRule(new Request(`http://localhost/api/v1/alert-rules/${id}`, { method: 'DELETE', headers }), { params: Promise.resolve({ id }) });
}

describe('POST /api/v1/alert-rules', () => {
  it("stores the issue's example and answers 201 with the rule, its id and defaults", async () => {
    const res = await post(exampleBody);
    expect(res.status).toBe(201);
    const { rule } = res.body as RuleBody;
    expect(rule.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.headers.get('location')).toBe(`/api/v1/alert-rules/${rule.id}`);
    expect(rule).toEqual({
      id: rule.id,
      name: 'Throttling per key',
      metric: 'rate',
      codes: [429],
      comparator: '>',
      threshold: 0.2,
      windowSeconds: 300,
      minRequests: 20,
      forSeconds: 120,
      noDataState: 'ok',
      scope: { each: 'key' },
      channels: [{ type: 'webhook', url: 'https://hooks.example/x' }],
      enabled: true,
      severity: 'warning',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: rule.createdAt,
    });
    const row = await env.t.db.prisma.alertRule.findUnique({ where: { id: rule.id } });
    expect(row).toMatchObject({ name: 'Throttling per key', enabled: true, mutedUntilMs: null });
    const { id: _id, createdAt: _c, updatedAt: _u, ...definition } = rule;
    expect(JSON.parse(row?.definition ?? '')).toEqual(definition);
  });

  it('mirrors enabled and the mute time in their columns, the mute time in UTC', async () => {
    const rule = await create({ enabled: false, mutedUntil: '2030-01-02T03:04:05+02:00', severity: 'critical' });
    expect(rule).toMatchObject({ enabled: false, mutedUntil: '2030-01-02T01:04:05.000Z', severity: 'critical' });
    const row = await env.t.db.prisma.alertRule.findUnique({ where: { id: rule.id } });
    expect(row).toMatchObject({ enabled: false, mutedUntilMs: BigInt(Date.parse('2030-01-02T01:04:05Z')) });
    expect(JSON.parse(row?.definition ?? '').mutedUntil).toBe('2030-01-02T01:04:05.000Z');
  });

  it('gives every rule its own random id', async () => {
    const [a, b] = [await create(), await create()];
    expect(a.id).not.toBe(b.id);
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ['a rate threshold given in percent', { threshold: 20 }, { threshold: ['a rate threshold is a fraction between 0 and 1 (0.2 = 20 %)'] }],
    ['a non-http webhook URL', { channels: [{ type: 'slack', url: 'https://ok.example/' }, { type: 'webhook', url: 'ftp://hooks.example/x' }] }, { 'channels.1.url': ['url must be an http or https URL'] }],
    ['an unknown channel type', { channels: [{ type: 'email', url: 'https://hooks.example/x' }] }, { 'channels.0.type': [expect.stringMatching(/webhook.*slack/)] }],
    ['a missing threshold and window', { threshold: undefined, windowSeconds: undefined }, { threshold: ['threshold is required'], windowSeconds: ['windowSeconds is required'] }],
    ['an empty name and a short window', { name: '  ', windowSeconds: 30 }, { name: ['name is required'], windowSeconds: ['windowSeconds must be at least 60'] }],
    ['a code that is neither a status nor a class', { codes: [429, '4XX'] }, { 'codes.1': ['a code class must be 1xx…5xx or network'] }],
    ['a rate without codes', { codes: [] }, { codes: ['codes must list at least one status code or class for rate and count'] }],
    ['fan-out per key with a key filter', { scope: { each: 'key', key: 'fp_x' } }, { 'scope.each': ['each "key" cannot be combined with a key filter'] }],
    ['a recovery threshold on the wrong side', { recoveryThreshold: 0.5 }, { recoveryThreshold: ['recoveryThreshold must be on the healthy side of threshold (≤ 0.2)'] }],
    ['an unknown comparator', { comparator: '=>' }, { comparator: ['comparator must be >, >=, < or <='] }],
  ])('answers 422 invalid_rule with the field errors for %s, and stores nothing', async (_name, overrides, fields) => {
    const name = uniqueId('invalid');
    const res = await post(JSON.stringify({ ...JSON.parse(exampleBody), name: overrides.name ?? name, ...overrides }));
    expect(res.status).toBe(422);
    const { error } = res.body as ErrorBody;
    expect(error).toEqual({ code: 'invalid_rule', message: expect.stringMatching(/^The rule is invalid: /), fields });
    for (const path of Object.keys(fields)) expect(error.message).toContain(`${path}: `);
    expect(await env.t.db.prisma.alertRule.count({ where: { name } })).toBe(0);
  });

  it('answers 422 with a body-level error to JSON that is not an object', async () => {
    const res = await post('[1, 2]');
    expect(res.status).toBe(422);
    expect((res.body as ErrorBody).error.fields).toEqual({ '': ['the rule must be a JSON object'] });
  });

  it.each([
    ['malformed JSON', '{"name": ', /^The body must be JSON, e\.g\. \{"name": "Throttling per key"/],
    ['an empty body', '', /^The body must be JSON/],
    ['a body over 16 KiB', JSON.stringify({ ...JSON.parse(exampleBody), pad: 'y'.repeat(17_000) }), /^The body is larger than the limit of 16384 bytes\.$/],
  ])('answers 400 to %s', async (_name, body, message) => {
    const before = await env.t.db.prisma.alertRule.count();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(message) } });
    expect(await env.t.db.prisma.alertRule.count()).toBe(before);
  });

  it('answers 401 without an API token, and to the ingest token', async () => {
    for (const token of [null, env.ingestToken]) {
      expect((await post(exampleBody, token)).status).toBe(401);
      expect((await env.get(listRules, '/api/v1/alert-rules', token)).status).toBe(401);
    }
  });
});

describe('GET /api/v1/alert-rules and /api/v1/alert-rules/{id}', () => {
  it('lists the stored rules in creation order and reads one by id', async () => {
    const first = await create();
    const second = await create({ metric: 'p95_latency', codes: [], threshold: 800, scope: { service: 'billing', each: 'endpoint' } });
    const { rules } = await env.getOk<{ rules: AlertRule[] }>(listRules, '/api/v1/alert-rules');
    const ids = rules.map((r) => r.id);
    expect(ids).toContain(first.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(rules.find((r) => r.id === second.id)).toEqual(second);
    const res = await get(second.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rule: second });
  });

  it('answers 404 for an unknown id', async () => {
    const id = randomUUID();
    expect(await get(id)).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: `No alert rule with id "${id}".` } } });
  });
});

describe('PUT /api/v1/alert-rules/{id}', () => {
  it('replaces the definition, keeps the id and creation time, and updates the columns', async () => {
    const rule = await create();
    const changed = { ...JSON.parse(exampleBody), name: 'Throttling, stricter', threshold: 0.1, enabled: false, channels: [] };
    const res = await put(rule.id, JSON.stringify(changed));
    expect(res.status).toBe(200);
    const updated = (res.body as RuleBody).rule;
    expect(updated).toMatchObject({ id: rule.id, name: 'Throttling, stricter', threshold: 0.1, enabled: false, channels: [], createdAt: rule.createdAt });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(rule.updatedAt));
    expect((await get(rule.id)).body).toEqual({ rule: updated });
    expect(await env.t.db.prisma.alertRule.findUnique({ where: { id: rule.id } })).toMatchObject({ name: 'Throttling, stricter', enabled: false });
  });

  it('answers 422 to an invalid rule and leaves the stored one as it was', async () => {
    const rule = await create();
    const res = await put(rule.id, JSON.stringify({ ...JSON.parse(exampleBody), threshold: 1.5 }));
    expect(res.status).toBe(422);
    expect((res.body as ErrorBody).error.fields).toEqual({ threshold: [expect.stringMatching(/between 0 and 1/)] });
    expect((await get(rule.id)).body).toEqual({ rule });
  });

  it('answers 404 for an unknown id, and 400 to malformed JSON', async () => {
    const id = randomUUID();
    expect((await put(id, exampleBody)).status).toBe(404);
    expect(await env.t.db.prisma.alertRule.findUnique({ where: { id } })).toBeNull();
    const rule = await create();
    expect((await put(rule.id, '{')).status).toBe(400);
  });
});

describe('DELETE /api/v1/alert-rules/{id}', () => {
  it("deletes the rule with its instances, history and delivery log, and nothing of other rules'", async () => {
    const [doomed, kept] = [await create(), await create()];
    const now = BigInt(Date.now());
    for (const ruleId of [doomed.id, kept.id]) {
      await env.t.db.prisma.alertInstance.create({ data: { ruleId, instanceKey: 'fp_a', state: 'firing', episode: 1, firingSinceMs: now, lastEvaluatedMs: now } });
      await env.t.db.prisma.alertEvent.create({ data: { ruleId, instanceKey: 'fp_a', atMs: now, fromState: 'pending', toState: 'firing', value: 0.4, threshold: 0.2 } });
      await env.t.db.prisma.alertDelivery.create({
        data: { ruleId, instanceKey: 'fp_a', episode: 1, kind: 'firing', target: 'https://hooks.example/x', payload: '{}', status: 'pending', createdMs: now, updatedMs: now },
      });
    }
    const res = await remove(doomed.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await get(doomed.id)).status).toBe(404);
    for (const [ruleId, n] of [[doomed.id, 0], [kept.id, 1]] as const) {
      expect(await env.t.db.prisma.alertInstance.count({ where: { ruleId } })).toBe(n);
      expect(await env.t.db.prisma.alertEvent.count({ where: { ruleId } })).toBe(n);
      expect(await env.t.db.prisma.alertDelivery.count({ where: { ruleId } })).toBe(n);
    }
    expect((await get(kept.id)).status).toBe(200);
  });

  it('answers 404 for an unknown id, and 401 without a valid token', async () => {
    const res = await remove(randomUUID());
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    const rule = await create();
    expect((await remove(rule.id, 'wrong-token')).status).toBe(401);
    expect((await get(rule.id)).status).toBe(200);
  });
});

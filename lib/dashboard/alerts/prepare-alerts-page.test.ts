import { describe, expect, it } from 'vitest';
import type { AlertInstanceView } from '@/lib/alerts/list-alert-activity';
import { type AlertRule, alertRuleRequestSchema } from '@/lib/alerts/schemas/alert-rule-request-schema';
import { prepareAlertRuleCards, prepareFiringAlerts } from './prepare-alerts-page';

const nowMs = Date.UTC(2026, 10, 25, 12, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function rule(id: string, input: Record<string, unknown> = {}): AlertRule {
  const definition = alertRuleRequestSchema.parse({
    name: `rule ${id}`,
    metric: 'rate',
    codes: [429],
    comparator: '>',
    threshold: 0.2,
    windowSeconds: 300,
    minRequests: 20,
    forSeconds: 120,
    scope: { each: 'key' },
    ...input,
  });
  return { id, ...definition, createdAt: iso(nowMs), updatedAt: iso(nowMs) };
}

function instance(ruleId: string, instanceKey: string, state: AlertInstanceView['state'], changes: Partial<AlertInstanceView> = {}): AlertInstanceView {
  return {
    ruleId,
    ruleName: `rule ${ruleId}`,
    instanceKey,
    instanceKind: 'key',
    instanceLabel: instanceKey,
    state,
    episode: 1,
    value: 0.45,
    requests: 40,
    since: null,
    pendingSince: null,
    firingSince: state === 'firing' ? iso(nowMs - 12 * 60_000) : null,
    resolvedAt: null,
    lastNotifiedAt: null,
    lastEvaluatedAt: iso(nowMs),
    ...changes,
  };
}

describe('prepareFiringAlerts', () => {
  it('lists only firing instances, with value against threshold, since when, and a link over the episode', () => {
    const rules = [rule('r1'), rule('r2', { metric: 'p95_latency', codes: [], threshold: 800, scope: { service: 'billing' } })];
    const rows = prepareFiringAlerts(
      [
        instance('r1', 'fp_a', 'firing', { instanceLabel: 'export job' }),
        instance('r1', 'fp_b', 'pending'),
        instance('r2', '', 'firing', { instanceKind: 'scope', instanceLabel: 'service billing', value: 1000 }),
        instance('gone', 'fp_c', 'firing'),
      ],
      rules,
      nowMs,
    );
    expect(rows).toEqual([
      {
        ruleId: 'r1',
        ruleName: 'rule r1',
        severity: 'warning',
        instanceKind: 'key',
        instanceLabel: 'export job',
        href: expect.stringMatching(/^\/keys\/fp_a\?range=custom&from=2026-11-25T11%3A43%3A00\.000Z&to=2026-11-25T12%3A00%3A00\.000Z/),
        valueText: '45% > 20%',
        since: iso(nowMs - 12 * 60_000),
        duration: '12 min',
      },
      expect.objectContaining({
        ruleId: 'r2',
        instanceLabel: 'service billing',
        href: expect.stringMatching(/^\/\?range=custom&.*service=billing/),
        valueText: '1,000 ms > 800 ms',
      }),
    ]);
  });
});

describe('prepareFiringAlerts value text', () => {
  it.each([
    ['past the threshold', {}, 0.45, '45% > 20%'],
    ['inside the hysteresis band', { recoveryThreshold: 0.1 }, 0.15, '15%, not yet back to ≤ 10% (recovery threshold)'],
    ['under a threshold raised since it fired', { threshold: 0.6 }, 0.45, '45%, no longer > 60%: resolves at the next evaluation'],
    ['below a floor', { codes: ['2xx'], comparator: '<', threshold: 0.9 }, 0.5, '50% < 90%'],
    ['without a value (no data, state kept)', { noDataState: 'keep' }, null, 'no data (last state kept)'],
  ])('%s', (_name, changes, value, text) => {
    const [row] = prepareFiringAlerts([instance('r1', 'fp_a', 'firing', { value })], [rule('r1', changes)], nowMs);
    expect(row?.valueText).toBe(text);
  });
});

describe('prepareAlertRuleCards', () => {
  it('summarises each rule with its state counts, channels without secrets, and an active mute only', () => {
    const rules = [
      rule('r1', { channels: [{ type: 'webhook', url: 'https://hooks.example/x?token=secret' }], mutedUntil: iso(nowMs + 3_600_000) }),
      rule('r2', { enabled: false, minRequests: 1, mutedUntil: iso(nowMs - 1), scope: { service: 'billing', environment: '' } }),
    ];
    const cards = prepareAlertRuleCards(
      rules,
      [instance('r1', 'fp_a', 'firing'), instance('r1', 'fp_b', 'ok'), instance('r1', 'fp_c', 'firing'), instance('r1', 'fp_d', 'no_data')],
      nowMs,
    );
    expect(cards[0]).toEqual({
      id: 'r1',
      name: 'rule r1',
      severity: 'warning',
      enabled: true,
      metric: 'rate',
      mutedUntil: iso(nowMs + 3_600_000),
      summary: '429 rate > 20% over 5 min, for 2 min, per key',
      scope: 'All calls',
      minimum: 'at least 20 calls in the window',
      counts: [
        { state: 'firing', n: 2 },
        { state: 'no_data', n: 1 },
        { state: 'ok', n: 1 },
      ],
      channels: ['webhook https://hooks.example/x'],
    });
    expect(cards[1]).toMatchObject({
      enabled: false,
      mutedUntil: null,
      summary: '429 rate > 20% over 5 min, for 2 min',
      scope: 'service billing · environment (none)',
      minimum: 'at least 1 call in the window',
      counts: [],
      channels: [],
    });
  });
});

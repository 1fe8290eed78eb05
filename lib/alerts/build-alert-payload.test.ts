import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/diagnose/finding';
import { type InstanceState, initialInstanceState } from './alert-state';
import { alertChatText, alertDashboardUrl, buildAlertPayload, channelBody, type PayloadRule } from './build-alert-payload';
import { formatAlertValue, formatDuration } from './format-alert-values';
import type { AlertNotice } from './plan-alert-changes';

const now = Date.parse('2026-11-25T16:00:00.000Z');
const minute = 60_000;
const base = 'https://faultline.example.com';

const rule: PayloadRule = {
  id: 'rule-1',
  name: 'Throttling per key',
  severity: 'warning',
  metric: 'rate',
  codes: [429],
  comparator: '>',
  threshold: 0.2,
  windowSeconds: 300,
  scope: { each: 'key', service: 'billing-worker' },
};

const firingState: InstanceState = {
  state: 'firing',
  episode: 2,
  pendingSinceMs: now - 2 * minute,
  firingSinceMs: now,
  resolvedAtMs: null,
  lastNotifiedMs: now,
};

const finding = {
  code: 'rate_limit.no_backoff',
  status: '429',
  title: 'billing-worker retries 429s without waiting',
  confidence: 'high',
  evidence: { calls: 42, since: '', until: '', figures: {}, facts: [], examples: [] },
  advice: 'Wait for Retry-After before retrying.',
  scope: {},
  requestFilters: {},
} as unknown as Finding;

function notice(overrides: Partial<AlertNotice> = {}): AlertNotice {
  return {
    instanceKey: 'fp:abc/1',
    kind: 'firing',
    prev: { ...initialInstanceState, state: 'pending', episode: 1, pendingSinceMs: now - 2 * minute },
    next: firingState,
    observation: { value: 0.354, requests: 48 },
    ...overrides,
  };
}

describe('buildAlertPayload', () => {
  it('describes a firing key instance with its value, threshold, window, link and likely cause', () => {
    const payload = buildAlertPayload({ rule, notice: notice(), instanceLabel: 'billing-prod', diagnosis: finding, baseUrl: base, nowMs: now });
    expect(payload).toEqual({
      rule: { id: 'rule-1', name: 'Throttling per key', severity: 'warning' },
      state: 'firing',
      kind: 'firing',
      instance: { key: 'fp:abc/1', label: 'billing-prod' },
      scope: { service: 'billing-worker' },
      metric: 'rate',
      codes: [429],
      comparator: '>',
      threshold: 0.2,
      recoveryThreshold: null,
      windowSeconds: 300,
      value: 0.354,
      requests: 48,
      episode: 2,
      startedAt: '2026-11-25T16:00:00.000Z',
      resolvedAt: null,
      // From one window before the breach began (15:58 - 5 min) to now.
      url: `${base}/keys/fp%3Aabc%2F1?range=custom&from=2026-11-25T15%3A53%3A00.000Z&to=2026-11-25T16%3A00%3A00.000Z&service=billing-worker`,
      summary: '[FIRING] Throttling per key (warning) — key billing-prod: 429 rate 35.4 % > 20 % over the last 5 min (48 calls)',
      diagnosis: {
        code: 'rate_limit.no_backoff',
        status: '429',
        title: 'billing-worker retries 429s without waiting',
        confidence: 'high',
        calls: 42,
        advice: 'Wait for Retry-After before retrying.',
      },
    });
    expect(alertChatText(payload)).toBe(
      `${payload.summary}\nLikely cause: billing-worker retries 429s without waiting. ${payload.url}`,
    );
  });

  it('describes a resolved instance with when the episode started, how long it lasted and no cause', () => {
    const resolved = notice({
      kind: 'resolved',
      prev: { ...firingState, firingSinceMs: now - 12 * minute, pendingSinceMs: now - 14 * minute },
      next: { ...firingState, state: 'resolved', pendingSinceMs: null, firingSinceMs: null, resolvedAtMs: now },
      observation: { value: 0.02, requests: 100 },
    });
    const payload = buildAlertPayload({ rule, notice: resolved, instanceLabel: null, diagnosis: null, baseUrl: base, nowMs: now });
    expect(payload).toMatchObject({
      state: 'resolved',
      kind: 'resolved',
      instance: { key: 'fp:abc/1' },
      value: 0.02,
      startedAt: '2026-11-25T15:48:00.000Z',
      resolvedAt: '2026-11-25T16:00:00.000Z',
      diagnosis: null,
    });
    expect(payload.url).toContain('from=2026-11-25T15%3A41%3A00.000Z');
    expect(payload.summary).toBe(
      '[RESOLVED] Throttling per key (warning) — key fp:abc/1: 429 rate 2 % over the last 5 min (100 calls), no longer > 20 %; fired for 12 min',
    );
    expect(alertChatText(payload)).toBe(`${payload.summary}\n${payload.url}`);
  });

  it('says when a key that stopped calling resolves without calls, and how long a renotified alert has fired', () => {
    const gone = buildAlertPayload({
      rule,
      notice: notice({ kind: 'resolved', prev: firingState, next: { ...firingState, state: 'resolved' }, observation: { value: null, requests: 0 } }),
      instanceLabel: null,
      diagnosis: null,
      baseUrl: base,
      nowMs: now + 5 * minute,
    });
    expect(gone.summary).toMatch(/: no calls over the last 5 min, no longer > 20 %; fired for 5 min$/);
    const again = buildAlertPayload({
      rule,
      notice: notice({ kind: 'renotify' }),
      instanceLabel: null,
      diagnosis: null,
      baseUrl: base,
      nowMs: now + 60 * minute,
    });
    expect(again).toMatchObject({ state: 'firing', kind: 'renotify' });
    expect(again.summary).toMatch(/^\[STILL FIRING\] .*; firing for 1 h$/);
  });

  it('names endpoint and whole-scope instances and links their pages', () => {
    const endpointRule: PayloadRule = { ...rule, metric: 'p95_latency', codes: [], comparator: '>=', threshold: 1000, scope: { each: 'endpoint', environment: 'production' } };
    const payload = buildAlertPayload({
      rule: endpointRule,
      notice: notice({ instanceKey: '0123456789abcdef', observation: { value: 2500, requests: 30 } }),
      instanceLabel: 'GET api.example.com/api/v4/users',
      diagnosis: null,
      baseUrl: base,
      nowMs: now,
    });
    expect(payload.instance).toEqual({ endpoint: '0123456789abcdef', label: 'GET api.example.com/api/v4/users' });
    expect(payload.url).toMatch(/^https:\/\/faultline\.example\.com\/endpoints\/0123456789abcdef\?range=custom&.*&environment=production$/);
    expect(payload.summary).toContain('GET api.example.com/api/v4/users: p95 latency 2500 ms >= 1000 ms');

    const scopeRule: PayloadRule = { ...rule, metric: 'count', codes: ['5xx', 'network'], threshold: 10, scope: { service: 'billing-worker', key: 'fp1' } };
    const whole = buildAlertPayload({ rule: scopeRule, notice: notice({ instanceKey: '', observation: { value: 12, requests: 90 } }), instanceLabel: null, diagnosis: null, baseUrl: base, nowMs: now });
    expect(whole.instance).toEqual({ scope: { service: 'billing-worker', key: 'fp1' } });
    expect(whole.url).toMatch(/^https:\/\/faultline\.example\.com\/\?range=custom&.*&service=billing-worker&key=fp1$/);
    expect(whole.summary).toContain('— service billing-worker, key fp1: 5xx/network count 12 > 10');
  });

  it('links calls without a key to the overview, since they have no key page', () => {
    expect(alertDashboardUrl(rule, '', now - 10 * minute, now, base)).toMatch(/^https:\/\/faultline\.example\.com\/\?range=custom&/);
  });
});

describe('channelBody', () => {
  it('posts the payload to webhooks and { text } to Slack-compatible channels', () => {
    const payload = buildAlertPayload({ rule, notice: notice(), instanceLabel: null, diagnosis: null, baseUrl: base, nowMs: now });
    expect(JSON.parse(channelBody({ type: 'webhook' }, payload))).toEqual(payload);
    const slack = JSON.parse(channelBody({ type: 'slack' }, payload));
    expect(slack).toEqual({ text: alertChatText(payload) });
    expect(slack.text.split('\n')).toHaveLength(2);
  });
});

describe('format-alert-values', () => {
  it.each([
    [45_000, '45 s'],
    [60_000, '1 min'],
    [90_000, '90 s'],
    [300_000, '5 min'],
    [3_600_000, '1 h'],
    [5_400_000, '90 min'],
    [9_000_000, '2 h 30 min'],
    [172_800_000, '2 d'],
  ])('formatDuration(%d) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('writes rates as percentages, latencies in ms and counts as they are', () => {
    expect([formatAlertValue('rate', 0.2), formatAlertValue('rate', 1 / 3), formatAlertValue('p95_latency', 999.6), formatAlertValue('count', 7), formatAlertValue('rate', null)]).toEqual([
      '20 %',
      '33.3 %',
      '1000 ms',
      '7',
      'n/a',
    ]);
  });
});

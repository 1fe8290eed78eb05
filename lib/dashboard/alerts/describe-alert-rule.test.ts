import { describe, expect, it } from 'vitest';
import { describeAlertRule, formatAlertDuration, formatAlertValue } from './describe-alert-rule';

const base = { metric: 'rate', codes: [429], comparator: '>', threshold: 0.2, windowSeconds: 300, forSeconds: 120, scope: { each: 'key' } } as const;

describe('describeAlertRule', () => {
  it.each([
    ['the issue example', base, '429 rate > 20% over 5 min, for 2 min, per key'],
    ['no for-duration and no fan-out', { ...base, forSeconds: 0, scope: {} }, '429 rate > 20% over 5 min'],
    ['a class count per endpoint', { ...base, metric: 'count', codes: ['5xx', 503], comparator: '>=', threshold: 50, scope: { each: 'endpoint' } }, '5xx, 503 count >= 50 calls over 5 min, for 2 min, per endpoint'],
    ['p95 latency with hysteresis', { ...base, metric: 'p95_latency', codes: [], threshold: 800, recoveryThreshold: 500, windowSeconds: 3600, forSeconds: 0, scope: {} }, 'p95 latency > 800 ms over 1 h, recovers at ≤ 500 ms'],
    ['a low rate below a floor', { ...base, codes: ['2xx'], comparator: '<', threshold: 0.955, recoveryThreshold: 0.99, forSeconds: 90, scope: {} }, '2xx rate < 95.5% over 5 min, for 90 s, recovers at ≥ 99%'],
  ] as const)('%s', (_name, rule, text) => {
    expect(describeAlertRule(rule)).toBe(text);
  });
});

describe('formatAlertValue', () => {
  it.each([
    ['rate', 0.2, '20%'],
    ['rate', 0.04567, '4.57%'],
    ['rate', 0.123456, '12.3%'],
    ['rate', 0, '0%'],
    ['count', 1, '1 call'],
    ['count', 1234, '1,234 calls'],
    ['p95_latency', 812.4, '812 ms'],
    ['rate', null, '—'],
  ] as const)('%s %s → %s', (metric, value, text) => {
    expect(formatAlertValue(metric, value)).toBe(text);
  });
});

describe('formatAlertDuration', () => {
  it.each([
    [90, '90 s'],
    [60, '1 min'],
    [300, '5 min'],
    [5400, '90 min'],
    [7200, '2 h'],
    [86_400, '1 day'],
    [172_800, '2 days'],
    [0, '0 min'],
  ])('%i s → %s', (seconds, text) => {
    expect(formatAlertDuration(seconds)).toBe(text);
  });
});

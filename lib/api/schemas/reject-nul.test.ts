// NUL can never reach a PostgreSQL query: every text the read API and alert rules accept refuses it.
import { describe, expect, it } from 'vitest';
import { alertRuleRequestSchema } from '@/lib/alerts/schemas/alert-rule-request-schema';
import { alertsRequestSchema } from './alerts-request-schema';
import { errorKeySchema } from './requests-request-schema';
import { rangeFilterRequestSchema } from './time-range-schema';

const rule = {
  name: 'Throttling',
  metric: 'rate',
  codes: [429],
  comparator: '>',
  threshold: 0.2,
  windowSeconds: 300,
};

describe('NUL and empty lists at the boundary', () => {
  it.each(['service', 'environment', 'endpoint', 'key'])('refuses NUL in the %s filter', (name) => {
    const parsed = rangeFilterRequestSchema.safeParse({ [name]: 'a\u0000b' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([name]);
    expect(rangeFilterRequestSchema.safeParse({ [name]: 'billing-worker' }).success).toBe(true);
  });

  it('refuses NUL in errorKey and in the alerts rule filter, and an empty state list', () => {
    expect(errorKeySchema.safeParse('Too\u0000many').success).toBe(false);
    expect(alertsRequestSchema.safeParse({ rule: 'x\u0000' }).success).toBe(false);
    expect(alertsRequestSchema.safeParse({ state: ',' }).success).toBe(false);
    expect(alertsRequestSchema.safeParse({ state: 'firing,pending' }).data?.state).toEqual(['firing', 'pending']);
  });

  it('refuses control characters in a rule name and NUL in its scope', () => {
    expect(alertRuleRequestSchema.safeParse(rule).success).toBe(true);
    expect(alertRuleRequestSchema.safeParse({ ...rule, name: 'a\u0000b' }).success).toBe(false);
    expect(alertRuleRequestSchema.safeParse({ ...rule, name: 'two\nlines' }).success).toBe(false);
    expect(alertRuleRequestSchema.safeParse({ ...rule, scope: { service: 's\u0000' } }).success).toBe(false);
  });
});

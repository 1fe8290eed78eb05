import { describe, expect, it } from 'vitest';
import { alertRuleFieldErrors } from './alert-rule-field-errors';
import { alertRuleRequestSchema } from './schemas/alert-rule-request-schema';

const valid = { name: 'Throttling', metric: 'rate', codes: [429], comparator: '>', threshold: 0.2, windowSeconds: 300 };

function errorsOf(input: unknown) {
  const parsed = alertRuleRequestSchema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be invalid');
  return alertRuleFieldErrors(parsed.error, input);
}

describe('alertRuleFieldErrors', () => {
  it('keys problems by dotted path and words missing values as "required"', () => {
    expect(errorsOf({ ...valid, threshold: undefined, channels: [{ type: 'webhook', url: 'javascript:alert(1)' }] })).toEqual({
      threshold: ['threshold is required'],
      'channels.0.url': ['url must be an http or https URL'],
    });
  });

  it('says a number is expected when text is given', () => {
    expect(errorsOf({ ...valid, windowSeconds: 'five' })).toEqual({ windowSeconds: ['windowSeconds must be a number'] });
  });

  it("uses a union branch's own message instead of zod's generic one", () => {
    expect(errorsOf({ ...valid, codes: ['teapot'] })).toEqual({ 'codes.0': ['a code class must be 1xx…5xx or network'] });
  });

  it('puts problems with the body as a whole under ""', () => {
    expect(errorsOf('rule')).toEqual({ '': ['the rule must be a JSON object'] });
    expect(errorsOf(null)).toEqual({ '': ['the rule must be a JSON object'] });
  });

  it('lists each message of a field once', () => {
    const errors = errorsOf({ ...valid, codes: [], threshold: 3 });
    expect(errors).toEqual({
      codes: ['codes must list at least one status code or class for rate and count'],
      threshold: ['a rate threshold is a fraction between 0 and 1 (0.2 = 20 %)'],
    });
  });
});

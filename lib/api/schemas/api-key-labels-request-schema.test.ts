import { describe, expect, it } from 'vitest';
import { apiKeyLabelsRequestSchema } from './api-key-labels-request-schema';

const problems = (input: unknown) => {
  const parsed = apiKeyLabelsRequestSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('apiKeyLabelsRequestSchema', () => {
  it('trims values, clears with null or "", and leaves omitted fields out', () => {
    expect(apiKeyLabelsRequestSchema.parse({ label: '  billing worker ', environment: 'production' })).toEqual({
      label: 'billing worker',
      environment: 'production',
    });
    expect(apiKeyLabelsRequestSchema.parse({ label: '' })).toEqual({ label: null });
    expect(apiKeyLabelsRequestSchema.parse({ environment: '   ' })).toEqual({ environment: null });
    expect(apiKeyLabelsRequestSchema.parse({ label: null, environment: null })).toEqual({ label: null, environment: null });
  });

  it('counts the 100-character limit after trimming', () => {
    expect(apiKeyLabelsRequestSchema.parse({ label: ` ${'a'.repeat(100)} ` })).toEqual({ label: 'a'.repeat(100) });
    expect(problems({ label: 'a'.repeat(101) })).toEqual(['label: must be at most 100 characters']);
  });

  it.each([
    [{ label: 5 }, ['label: must be a string, or null to clear it']],
    [{ environment: 'prod\nuction' }, ['environment: must not contain control characters such as line breaks']],
    [{ label: 'x', colour: 'red' }, [': Unrecognized key: "colour"']],
    [{}, [': set label, environment or both']],
    [[], [': the body must be a JSON object']],
    [null, [': the body must be a JSON object']],
  ])('refuses %j naming the field', (input, expected) => {
    expect(problems(input)).toEqual(expected);
  });
});

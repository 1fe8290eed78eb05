import { describe, expect, it } from 'vitest';
import { classifyFieldMessage, parseFieldError } from './classify-field-message';

describe('classifyFieldMessage', () => {
  it.each([
    ['is missing', 'missing', undefined],
    ['is required', 'missing', undefined],
    ["can't be blank", 'missing', undefined],
    ['must be a string', 'wrong_type', 'a string'],
    ['must be an integer', 'wrong_type', 'an integer'],
    ['should be a boolean', 'wrong_type', 'a boolean'],
    ['must be one of: progressive, predictive', 'not_allowed', undefined],
    ['is not included in the list', 'not_allowed', undefined],
    ['must be lowercase', 'not_allowed', undefined],
    ['must be a valid phone number', 'other', undefined],
    ['is too long (maximum is 255 characters)', 'other', undefined],
  ])('%s → %s', (message, mistake, expectedType) => {
    expect(classifyFieldMessage(message)).toEqual(expectedType ? { mistake, expectedType } : { mistake });
  });
});

describe('parseFieldError', () => {
  it('splits a field key into field and message', () => {
    expect(parseFieldError('timezone: must be a string')).toEqual({ field: 'timezone', message: 'must be a string', mistake: 'wrong_type', expectedType: 'a string' });
    expect(parseFieldError('address.city: is missing')?.field).toBe('address.city');
  });

  it.each(['Unprocessable Entity', 'Not found', 'see https://example.com: docs', ': is missing'])('finds no field in %j', (key) => {
    expect(parseFieldError(key)).toBeNull();
  });
});

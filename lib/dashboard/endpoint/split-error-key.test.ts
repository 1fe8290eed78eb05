import { describe, expect, it } from 'vitest';
import { splitErrorKey } from './split-error-key';

describe('splitErrorKey', () => {
  it.each([
    ['name: is missing', { field: 'name', message: 'is missing' }],
    ['timezone: must be a string', { field: 'timezone', message: 'must be a string' }],
    ['address.city: is too long: 300 > 255', { field: 'address.city', message: 'is too long: 300 > 255' }],
    ['items[0].sku: is unknown', { field: 'items[0].sku', message: 'is unknown' }],
    ['phone_number: is invalid', { field: 'phone_number', message: 'is invalid' }],
  ])('splits the 422 key %j into field and message', (key, expected) => {
    expect(splitErrorKey(422, key)).toEqual(expected);
  });

  it.each([
    'Unprocessable Entity',
    'Validation failed: name is missing',
    ': starts with a colon',
    'name:missing-space',
    '1st: not a field',
  ])('keeps the 422 key %j whole when it names no field', (key) => {
    expect(splitErrorKey(422, key)).toEqual({ field: null, message: key });
  });

  it('only splits 422 keys', () => {
    expect(splitErrorKey(400, 'name: is missing')).toEqual({ field: null, message: 'name: is missing' });
    expect(splitErrorKey(0, 'ECONNREFUSED')).toEqual({ field: null, message: 'ECONNREFUSED' });
  });
});

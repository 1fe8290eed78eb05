import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each([
    ['/keys/fp_1?range=24h', '/keys/fp_1?range=24h'],
    ['/', '/'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login?next=/x', '/'],
    ['/a\nb', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it('builds the login URL with the path encoded', () => {
    expect(loginPath('/requests?status=429')).toBe('/login?next=%2Frequests%3Fstatus%3D429');
    expect(loginPath('//evil')).toBe('/login');
  });
});

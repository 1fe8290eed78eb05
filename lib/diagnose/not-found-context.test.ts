import { describe, expect, it } from 'vitest';
import { apiVersionOf } from './api-version';
import { ancestorRoutes } from './not-found-context';

describe('apiVersionOf', () => {
  it.each([
    ['/api/v4/users', 4],
    ['/api/v1/contacts/{id}', 1],
    ['/v2/things', 2],
    ['/api/users', null],
    ['/api/vx/users', null],
  ])('%s → %s', (route, version) => {
    expect(apiVersionOf(route)).toBe(version);
  });
});

describe('ancestorRoutes', () => {
  it.each([
    ['/api/v4/cdr/{id}/transcript', ['/api/v4/cdr', '/api/v4/cdr/{id}']],
    ['/api/v4/contacts/{id}', ['/api/v4/contacts']],
    ['/api/v4/contacts', []],
    ['/things/{id}', ['/things']],
  ])('%s', (route, ancestors) => {
    expect(ancestorRoutes(route)).toEqual(ancestors);
  });
});

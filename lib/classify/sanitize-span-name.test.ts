import { describe, expect, it } from 'vitest';
import { maxSpanNameLength, sanitizeSpanName } from './sanitize-span-name';

describe('sanitizeSpanName', () => {
  it.each([
    ['GET', 'GET'],
    ['GET /api/v4/users/{id}', 'GET /api/v4/users/{id}'],
    ['HTTPS GET https://u:p4ss@acme.voiso.com/api/v4/users?api_key=k3y', 'HTTPS GET https://acme.voiso.com/api/v4/users'],
    ['GET /api/v4/users?api_key=k3y&x=1', 'GET /api/v4/users'],
    ['GET https://acme.voiso.com/cb#access_token=t0k', 'GET https://acme.voiso.com/cb'],
    ['retry call #12', 'retry call #12'],
  ])('%s -> %s', (name, expected) => {
    expect(sanitizeSpanName(name)).toBe(expected);
  });

  it(`caps names at ${maxSpanNameLength} chars`, () => {
    expect(sanitizeSpanName('x'.repeat(1000))).toHaveLength(maxSpanNameLength);
  });
});

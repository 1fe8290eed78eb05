import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { endpointId } from './endpoint-id';

describe('endpointId', () => {
  it('is the first 16 hex chars of SHA-256 over "METHOD hostroute"', () => {
    const expected = createHash('sha256').update('GET acme.voiso.com/api/v4/users').digest('hex').slice(0, 16);
    expect(endpointId('GET', 'acme.voiso.com', '/api/v4/users')).toBe(expected);
  });

  it('is pinned, so ids stay stable across processes and releases', () => {
    expect(endpointId('GET', 'acme.voiso.com', '/api/v4/contacts/{id}')).toBe('a9d4fbdc5ddfb4bb');
  });

  it('differs when method, host or route differ', () => {
    const ids = new Set([
      endpointId('GET', 'acme.voiso.com', '/api/v4/users'),
      endpointId('POST', 'acme.voiso.com', '/api/v4/users'),
      endpointId('GET', 'other.voiso.com', '/api/v4/users'),
      endpointId('GET', 'acme.voiso.com', '/api/v4/contacts'),
    ]);
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});

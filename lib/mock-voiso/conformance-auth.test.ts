// 401, 403 and 429 conformance over HTTP: credentials, environments, roles, contact centers, rate limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generousRateLimit, jsonType, requestVoiso } from './request-voiso.fixture';
import { startVoisoMock, type VoisoMock } from './start-voiso-mock';

let mock: VoisoMock;

afterEach(() => mock.close());

describe('401 Unauthorized', () => {
  beforeEach(async () => {
    mock = await startVoisoMock({ rateLimit: generousRateLimit });
  });

  it.each([
    ['no Authorization header', {}],
    ['the Token scheme', { authorization: 'Token NCI2NapckkKx42e4i803kJ9IAVKarYjGxcPQ9dak' }],
    ['Basic credentials', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['Bearer without a token', { authorization: 'Bearer' }],
    ['an unknown key', { authorization: 'Bearer 0000000000000000000000000000000000000000' }],
  ])('answers %s with 401', async (_, headers) => {
    const reply = await requestVoiso(mock, 'acme', '/api/v4/users', { headers });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe(jsonType);
    expect(reply.json).toEqual({ error: 'Unauthorized' });
    expect(reply.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('answers a revoked key with 401 on every cluster', async () => {
    mock.revokeKey(mock.keys.acmeAdmin);
    for (const path of ['/api/v4/users', '/api/v4/nope']) {
      const reply = await requestVoiso(mock, 'acme', path, { key: mock.keys.acmeAdmin });
      expect([reply.status, reply.json]).toEqual([401, { error: 'Unauthorized' }]);
    }
    expect((await requestVoiso(mock, 'globex', '/api/v4/users', { key: mock.keys.acmeAdmin })).status).toBe(401);
  });

  it('does not know a staging key on a production cluster, nor a production key on staging', async () => {
    const staging = await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeStagingAdmin });
    expect([staging.status, staging.json]).toEqual([401, { error: 'Unauthorized' }]);
    const production = await requestVoiso(mock, 'acme-staging', '/api/v4/users', { key: mock.keys.acmeAdmin });
    expect([production.status, production.json]).toEqual([401, { error: 'Unauthorized' }]);
  });
});

describe('403 Forbidden', () => {
  beforeEach(async () => {
    mock = await startVoisoMock({ rateLimit: generousRateLimit });
  });

  it('lets an analyst read campaigns but not create them', async () => {
    const key = mock.keys.acmeAnalyst;
    expect((await requestVoiso(mock, 'acme', '/api/v4/campaigns', { key })).status).toBe(200);
    const body = JSON.stringify({ name: 'X', timezone: 'Europe/London', dialer_mode: 'preview' });
    const reply = await requestVoiso(mock, 'acme', '/api/v4/campaigns', { key, method: 'POST', body });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('content-type')).toBe(jsonType);
    expect(reply.json).toEqual({ error: 'Forbidden' });
  });

  it('lets a read-only key read contacts but not write them', async () => {
    const key = mock.keys.acmeReadOnly;
    expect((await requestVoiso(mock, 'acme', '/api/v4/contacts/1', { key })).status).toBe(200);
    const reply = await requestVoiso(mock, 'acme', '/api/v4/contacts/1', { key, method: 'DELETE' });
    expect([reply.status, reply.json]).toEqual([403, { error: 'Forbidden' }]);
  });

  it.each([
    ['GET', '/api/v4/users'],
    ['GET', '/api/v4/users/1'],
    ['POST', '/api/v4/contacts'],
    ['GET', '/api/v4/no-such-thing'],
  ])('answers a globex key on the acme cluster with 403 for %s %s', async (method, path) => {
    const reply = await requestVoiso(mock, 'acme', path, { key: mock.keys.globexAdmin, method, body: method === 'POST' ? '{}' : undefined });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ error: 'Forbidden' });
    expect(reply.headers.get('x-ratelimit-limit')).toBe('10000');
  });
});

describe('429 Too many requests', () => {
  let nowMs: number;

  beforeEach(async () => {
    nowMs = 1_700_000_000_000;
    mock = await startVoisoMock({ rateLimit: { capacity: 3, refillPerSecond: 0.5 }, now: () => nowMs });
  });

  it('refuses a burst past capacity with Retry-After, then refills', async () => {
    const key = mock.keys.acmeAdmin;
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await requestVoiso(mock, 'acme', '/api/v4/users', { key });
      expect(reply.status).toBe(200);
      remaining.push(reply.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const limited = await requestVoiso(mock, 'acme', '/api/v4/users', { key });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe(jsonType);
    expect(limited.json).toEqual({ error: 'Too many requests' });
    // One token takes 1 / 0.5 = 2 s to come back.
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('3');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');

    nowMs += 1_000;
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key })).headers.get('retry-after')).toBe('1');

    nowMs += 1_000;
    const refilled = await requestVoiso(mock, 'acme', '/api/v4/users', { key });
    expect(refilled.status).toBe(200);
    expect(refilled.headers.get('retry-after')).toBeNull();
  });

  it('keeps one bucket per key', async () => {
    for (let i = 0; i < 3; i++) await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAdmin });
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAdmin })).status).toBe(429);
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAnalyst })).status).toBe(200);
  });

  it('does not spend tokens on unauthenticated requests', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: 'not-a-key' })).status).toBe(401);
    }
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAdmin })).status).toBe(200);
  });
});

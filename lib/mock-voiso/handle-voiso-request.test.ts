// The order of checks, exercised on the pure pipeline (no sockets): each case is decided by the earliest failing check.
import { describe, expect, it } from 'vitest';
import { createVoisoDirectory } from './create-voiso-directory';
import { demoKeys } from './demo-keys';
import { handleVoisoRequest, type MockRequest } from './handle-voiso-request';

const clock = { now: () => 1_700_000_000_000, random: () => 0.99 };

function handle(request: Partial<MockRequest> & { key?: string }, serverErrorRate = 0) {
  const directory = createVoisoDirectory({ rateLimit: { capacity: 5, refillPerSecond: 1 }, serverErrorRate });
  const { key, ...rest } = request;
  const headers = { ...(key === undefined ? {} : { authorization: `Bearer ${key}` }), ...rest.headers };
  const response = handleVoisoRequest(
    directory,
    { cluster: 'acme', method: 'GET', path: '/api/v4/users', query: new URLSearchParams(), body: '', ...rest, headers },
    clock,
  );
  return { status: response.status, body: response.body === '' ? null : JSON.parse(response.body), headers: response.headers };
}

describe('handleVoisoRequest order of checks', () => {
  it('answers a path outside /api/v4/ with 404 before looking at credentials', () => {
    expect(handle({ path: '/api/v4' })).toMatchObject({ status: 404, body: { error: 'Not found' } });
    expect(handle({ path: '/api/v3/users' }).headers).not.toHaveProperty('x-ratelimit-limit');
  });

  it('authenticates before routing: an unknown path without a key is 401', () => {
    expect(handle({ path: '/api/v4/nope' })).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });

  it.each(['Bearer', 'Bearer  x', `bearer ${demoKeys.acmeAdmin}`, `Bearer ${demoKeys.acmeAdmin} extra`])(
    'rejects Authorization %j',
    (authorization) => {
      expect(handle({ headers: { authorization } }).status).toBe(401);
    },
  );

  it('forbids another contact center before injecting failures or routing', () => {
    const response = handle({ key: demoKeys.globexAdmin, path: '/api/v4/nope', headers: { 'x-mock-fail': '500' } });
    expect(response).toMatchObject({ status: 403, body: { error: 'Forbidden' } });
    expect(response.headers).toMatchObject({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4' });
  });

  it('injects failures before routing', () => {
    expect(handle({ key: demoKeys.acmeAdmin, path: '/api/v4/nope', headers: { 'x-mock-fail': '502' } })).toMatchObject({
      status: 502,
      body: { error: 'Bad Gateway' },
    });
  });

  it('answers 404 for an unsupported method before checking the role', () => {
    expect(handle({ key: demoKeys.acmeReadOnly, method: 'DELETE', path: '/api/v4/users/1' }).status).toBe(404);
  });

  it('checks the role before looking the id up, and the id before the body', () => {
    const write = { method: 'PATCH', path: '/api/v4/contacts/999', body: '{' } as const;
    expect(handle({ key: demoKeys.acmeReadOnly, ...write }).status).toBe(403);
    expect(handle({ key: demoKeys.acmeAnalyst, ...write }).status).toBe(404);
    expect(handle({ key: demoKeys.acmeAnalyst, ...write, path: '/api/v4/contacts/1' }).status).toBe(400);
  });

  it('negotiates the transcript format before reporting a transcript still processing', () => {
    const directory = createVoisoDirectory({ rateLimit: { capacity: 5, refillPerSecond: 1 }, serverErrorRate: 0 });
    const processing = directory.contactCenters.acme.calls.find((call) => call.transcript_status === 'processing');
    const path = `/api/v4/cdr/${processing?.id}/transcript`;
    expect(handle({ key: demoKeys.acmeAdmin, path, headers: { accept: 'text/html' } }).status).toBe(406);
    expect(handle({ key: demoKeys.acmeAdmin, path, headers: { accept: 'text/vtt' } })).toMatchObject({
      status: 409,
      body: { errors: { state: ['conflict'] } },
    });
  });

  it('draws random failures only at the configured rate', () => {
    expect(handle({ key: demoKeys.acmeAdmin }, 0.5).status).toBe(200);
    expect(handle({ key: demoKeys.acmeAdmin }, 1).status).toBe(503);
  });
});

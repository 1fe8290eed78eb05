// The header-reading pieces of authentication: Origin checks (CSRF), the client address for
// sign-in limits, the session cookie, and when cookies are Secure.
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { clientAddress } from './client-address';
import { isSameOrigin } from './same-origin';
import { isHttpsRequest, sessionCookieOptions, sessionSecretFromCookieHeader } from './session-cookie';

const h = (entries: Record<string, string>) => new Headers(entries);

afterEach(() => {
  delete process.env.FAULTLINE_PUBLIC_URL;
  resetEnvForTests();
});

describe('isSameOrigin', () => {
  it('accepts an Origin matching Host or X-Forwarded-Host', () => {
    expect(isSameOrigin(h({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
    expect(isSameOrigin(h({ origin: 'https://dash.example.com', host: 'app:3000', 'x-forwarded-host': 'dash.example.com' }))).toBe(true);
  });

  it('accepts FAULTLINE_PUBLIC_URL', () => {
    process.env.FAULTLINE_PUBLIC_URL = 'https://faultline.example.com';
    resetEnvForTests();
    expect(isSameOrigin(h({ origin: 'https://faultline.example.com', host: '10.0.0.5:3000' }))).toBe(true);
  });

  it.each([
    ['another site', { origin: 'https://evil.example', host: 'localhost:3000' }],
    ['another port', { origin: 'http://localhost:4000', host: 'localhost:3000' }],
    ['no Origin', { host: 'localhost:3000' }],
    ['Origin null (sandboxed frame)', { origin: 'null', host: 'localhost:3000' }],
    ['a malformed Origin', { origin: 'not a url', host: 'localhost:3000' }],
  ])('refuses %s', (_label, headers) => {
    expect(isSameOrigin(h(headers))).toBe(false);
  });
});

describe('clientAddress', () => {
  it('takes the last X-Forwarded-For hop (the one our side of the network added)', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddress(h({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddress(h({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientAddress(h({}))).toBe('');
  });
});

describe('session cookie', () => {
  it('finds the session among other cookies', () => {
    expect(sessionSecretFromCookieHeader('a=1; faultline_session=abc_DEF-1; b=2')).toBe('abc_DEF-1');
    expect(sessionSecretFromCookieHeader('faultline_session_x=1')).toBeUndefined();
    expect(sessionSecretFromCookieHeader(null)).toBeUndefined();
  });

  it('is HttpOnly and SameSite=Lax always, Secure over HTTPS', () => {
    expect(sessionCookieOptions(false)).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
    expect(isHttpsRequest(h({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isHttpsRequest(h({}), 'http://localhost:3000/login')).toBe(false);
    process.env.FAULTLINE_PUBLIC_URL = 'https://faultline.example.com';
    resetEnvForTests();
    expect(isHttpsRequest(h({}))).toBe(true);
  });
});

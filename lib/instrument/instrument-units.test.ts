// The instrumentation's pure parts: fingerprints, auth schemes, host patterns, resends, bodies, scrubbing.
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../scrub/redact-secrets';
import { decodeErrorBody, isCapturableBody } from './error-body-text';
import { scrubAttributes, stripUrl } from './exportable-span';
import { fingerprintApiKey } from './fingerprint-api-key';
import { compileHostMatcher, parseHostPattern } from './match-api-host';
import { readAuthorization } from './read-authorization';
import { callKeyOf, ResendTracker, retryAfterMsOf } from './resend-tracker';
import { parseTelemetryOptions, tracesUrlOf } from './telemetry-options';

const longKey = 'vk_live_8Hq2ZtR5mWc9Lp3XyN7bKd4FgJ6sVa1E';

describe('fingerprintApiKey', () => {
  it('is stable, distinct per key, and never contains more than the last 4 characters', () => {
    const fp = fingerprintApiKey(longKey);
    expect(fp).toBe(fingerprintApiKey(longKey));
    expect(fp).toMatch(/^fp_[0-9a-f]{16}_Va1E$/);
    expect(fingerprintApiKey(`${longKey}x`)).not.toBe(fp);
    expect(fp).not.toContain(longKey.slice(0, 8));
  });

  it.each([
    ['short', 'abc123', /^fp_[0-9a-f]{16}$/],
    ['ends in punctuation', `${longKey}==`, /^fp_[0-9a-f]{16}$/],
  ])('omits the suffix for a %s key', (_case, key, shape) => {
    expect(fingerprintApiKey(key)).toMatch(shape);
  });

  it('becomes an HMAC with a secret', () => {
    expect(fingerprintApiKey(longKey, 'a-secret-of-16-chars')).not.toBe(fingerprintApiKey(longKey));
    expect(fingerprintApiKey(longKey, 'a-secret-of-16-chars')).toBe(fingerprintApiKey(longKey, 'a-secret-of-16-chars'));
  });
});

describe('readAuthorization', () => {
  it.each([
    [undefined, 'none', false],
    ['', 'none', false],
    ['   ', 'none', false],
    [`Bearer ${longKey}`, 'bearer', true],
    [`bearer ${longKey}`, 'bearer', true],
    [[`Bearer ${longKey}`], 'bearer', true],
    ['Bearer', 'other', false],
    ['Bearer two words', 'other', false],
    [`Token ${longKey}`, 'other', false],
    ['Basic dXNlcjpwYXNz', 'other', false],
    [longKey, 'other', false],
  ])('%j is %s', (header, scheme, hasFingerprint) => {
    const facts = readAuthorization(header as string | string[] | undefined);
    expect(facts.scheme).toBe(scheme);
    expect(facts.fingerprint !== undefined).toBe(hasFingerprint);
    expect(JSON.stringify(facts)).not.toContain(longKey.slice(0, 10));
  });
});

describe('host patterns', () => {
  const matches = compileHostMatcher(['*.voiso.com', 'api.example.com', '127.0.0.1:4010']);
  it.each([
    ['eu1.voiso.com', '443', true],
    ['EU1.Voiso.com', '443', true],
    ['voiso.com', '443', false],
    ['evilvoiso.com', '443', false],
    ['api.example.com', '8443', true],
    ['127.0.0.1', '4010', true],
    ['127.0.0.1', '4011', false],
  ])('%s:%s → %s', (host, port, expected) => {
    expect(matches(host, port)).toBe(expected);
  });

  it('accepts * and rejects nonsense with the pattern in the message', () => {
    expect(compileHostMatcher(['*'])('anything', '1')).toBe(true);
    expect(() => parseHostPattern('https://api.example.com')).toThrow(/"https:\/\/api.example.com" is not a host pattern/);
    expect(() => parseHostPattern('*.')).toThrow(/not a host pattern/);
  });
});

describe('ResendTracker', () => {
  const key = callKeyOf('get', 'https://a.voiso.com', '/api/v4/users?page=1', 'fp_1');

  it('counts repeats after failures, forgets after success or the window', () => {
    const tracker = new ResendTracker({ windowMs: 1000, maxEntries: 10 });
    expect(tracker.resendCountFor(key, 0)).toBe(0);
    tracker.recordOutcome(key, 0, true, 0);
    expect(tracker.resendCountFor(key, 50)).toBe(1);
    tracker.recordOutcome(key, 1, true, 50);
    expect(tracker.resendCountFor(key, 100)).toBe(2);
    tracker.recordOutcome(key, 2, false, 100);
    expect(tracker.resendCountFor(key, 150)).toBe(0);
    tracker.recordOutcome(key, 0, true, 200);
    expect(tracker.resendCountFor(key, 1201)).toBe(0);
  });

  it('extends the window by the Retry-After the server asked for', () => {
    const tracker = new ResendTracker({ windowMs: 1000, maxEntries: 10 });
    tracker.recordOutcome(key, 0, true, 0, retryAfterMsOf('5', 0));
    expect(tracker.resendCountFor(key, 5900)).toBe(1);
    tracker.recordOutcome(key, 1, true, 5900);
    expect(tracker.resendCountFor(key, 7000)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
    expect(retryAfterMsOf('2', 0)).toBe(2000);
    expect(retryAfterMsOf(' 0 ', 0)).toBe(0);
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(retryAfterMsOf('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMsOf('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMsOf('soon', now)).toBe(0);
    expect(retryAfterMsOf(undefined, now)).toBe(0);
    expect(retryAfterMsOf('99999999', 0)).toBe(86_400_000);
  });

  it('keys calls by method, URL with query and key, holds no query text, and stays bounded', () => {
    expect(callKeyOf('GET', 'https://a.voiso.com', '/x?q=1', 'fp')).toBe(callKeyOf('get', 'https://a.voiso.com', '/x?q=1#f', 'fp'));
    expect(callKeyOf('GET', 'https://a.voiso.com', '/x?page=1', 'fp')).not.toBe(callKeyOf('GET', 'https://a.voiso.com', '/x?page=2', 'fp'));
    expect(callKeyOf('GET', 'https://a.voiso.com', '/x', 'fp1')).not.toBe(callKeyOf('GET', 'https://a.voiso.com', '/x', 'fp2'));
    expect(callKeyOf('GET', 'https://a.voiso.com', '/x?api_key=s3cr3tvalue', 'fp')).not.toContain('s3cr3tvalue');
    const tracker = new ResendTracker({ windowMs: 1000, maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) tracker.recordOutcome(k, 0, true, 0);
    expect(tracker.resendCountFor('a', 1)).toBe(0);
    expect(tracker.resendCountFor('c', 1)).toBe(1);
  });
});

describe('error bodies', () => {
  it.each([
    ['application/json; charset=utf-8', undefined, true],
    ['application/problem+json', undefined, true],
    ['text/plain', undefined, true],
    ['application/xml', undefined, true],
    [undefined, undefined, true],
    ['application/octet-stream', undefined, false],
    ['image/png', undefined, false],
    ['application/json', 'gzip', false],
    ['application/json', 'identity', true],
  ])('%s (%s) capturable: %s', (type, encoding, expected) => {
    expect(isCapturableBody(type, encoding)).toBe(expected);
  });

  it('decodes text, bounds it without splitting characters, and rejects binary', () => {
    const text = new TextEncoder().encode('{"error":"Unauthorized"}');
    expect(decodeErrorBody(text)).toBe('{"error":"Unauthorized"}');
    const euros = new TextEncoder().encode('€'.repeat(2000));
    expect(decodeErrorBody(euros, 4096)).toBe('€'.repeat(1365));
    expect(decodeErrorBody(new Uint8Array([0x7b, 0x00, 0x7d]))).toBeNull();
    expect(decodeErrorBody(new Uint8Array([0xff, 0xfe, 0x41]))).toBeNull();
  });
});

describe('scrubbing before export', () => {
  it('strips query and userinfo from URLs and drops credential headers', () => {
    expect(stripUrl('https://u:p@a.voiso.com/api/v4/users?api_key=s3cret#x')).toBe('https://a.voiso.com/api/v4/users');
    const safe = scrubAttributes({
      'url.full': 'https://a.voiso.com/api/v4/users?token=abc',
      'url.query': '?token=abc',
      'http.request.header.authorization': ['Bearer abc'],
      'http.request.header.x-api-key': ['abc'],
      'http.response.header.set-cookie': ['s=1'],
      'exception.message': 'failed with Authorization: Bearer abcdefghijkl and password=hunter2',
      'http.response.status_code': 401,
    });
    expect(safe).toEqual({
      'url.full': 'https://a.voiso.com/api/v4/users',
      'exception.message': 'failed with Authorization: Bearer [redacted] and password=[redacted]',
      'http.response.status_code': 401,
    });
  });

  it('masks credentials echoed back in an error body', () => {
    expect(redactSecrets('{"error":"bad key token=abc123"}')).toBe('{"error":"bad key token=[redacted]"}');
    expect(scrubAttributes({}, '{"error":"Unauthorized"}')).toEqual({ 'faultline.error.body': '{"error":"Unauthorized"}' });
  });
});

describe('options', () => {
  it('accepts a base URL or the traces URL', () => {
    expect(tracesUrlOf('http://localhost:3000').toString()).toBe('http://localhost:3000/v1/traces');
    expect(tracesUrlOf('http://localhost:3000/faultline/').toString()).toBe('http://localhost:3000/faultline/v1/traces');
    expect(tracesUrlOf('http://localhost:3000/v1/traces').toString()).toBe('http://localhost:3000/v1/traces');
  });

  it('names every bad option without echoing the token', () => {
    const attempt = () =>
      parseTelemetryOptions({ serviceName: '', endpoint: 'localhost:3000', token: 'tok_secret_value', apiHosts: [] });
    expect(attempt).toThrow(/serviceName: serviceName is required/);
    expect(attempt).toThrow(/endpoint: endpoint must be an http\(s\) URL/);
    expect(attempt).toThrow(/apiHosts: apiHosts needs at least one host pattern/);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain('tok_secret_value');
    }
  });
});

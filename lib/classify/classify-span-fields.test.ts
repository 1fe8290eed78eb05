import { describe, expect, it } from 'vitest';
import { classifySpan, maxErrorBodyBytes } from './classify-span';
import { makeSpan, requestOf, type SpanOverrides } from './make-span.fixture';

const classify = (overrides: SpanOverrides) => requestOf(classifySpan(makeSpan(overrides)));
const withAttributes = (attributes: SpanOverrides['attributes']) => classify({ attributes });

describe('classifySpan: host and port', () => {
  it.each<[string, Record<string, string | number | undefined>, string]>([
    ['default https port', { 'server.port': 443 }, 'acme.voiso.com'],
    ['custom port', { 'server.port': 8443 }, 'acme.voiso.com:8443'],
    ['port 80 on an https URL', { 'server.port': 80 }, 'acme.voiso.com:80'],
    ['port 80 on an http URL', { 'url.full': 'http://acme.voiso.com/api/v4/users', 'server.port': 80 }, 'acme.voiso.com'],
    ['no port anywhere', { 'server.port': undefined }, 'acme.voiso.com'],
    ['port only in the URL', { 'server.port': undefined, 'url.full': 'https://acme.voiso.com:9443/x' }, 'acme.voiso.com:9443'],
    ['upper-case address', { 'server.address': 'ACME.Voiso.COM' }, 'acme.voiso.com'],
    ['legacy net.peer.name', { 'server.address': undefined, 'net.peer.name': 'eu1.voiso.com' }, 'eu1.voiso.com'],
    ['host from url.full', { 'server.address': undefined }, 'acme.voiso.com'],
    ['host from http.url', { 'server.address': undefined, 'url.full': undefined, 'http.url': 'https://x.voiso.com/' }, 'x.voiso.com'],
    [
      'http.host with its port',
      { 'server.address': undefined, 'server.port': undefined, 'url.full': undefined, 'http.host': 'y.voiso.com:8080' },
      'y.voiso.com:8080',
    ],
    ['http.host with the default port', { 'server.address': undefined, 'server.port': undefined, 'url.full': undefined, 'http.scheme': 'https', 'http.host': 'y.voiso.com:443' }, 'y.voiso.com'],
    ['url.scheme without a URL', { 'url.full': undefined, 'url.scheme': 'http', 'server.port': 443 }, 'acme.voiso.com:443'],
    ['no host at all', { 'server.address': undefined, 'url.full': undefined, 'server.port': 8443 }, 'unknown'],
  ])('%s', (_label, attributes, host) => {
    expect(withAttributes(attributes).host).toBe(host);
  });
});

describe('classifySpan: route', () => {
  it.each<[string, Record<string, string | undefined>, string]>([
    ['ids templated from url.full', { 'url.full': 'https://acme.voiso.com/api/v4/contacts/12345' }, '/api/v4/contacts/{id}'],
    ['url.template used as given', { 'url.template': '/api/v4/calls/{id}/transcript', 'url.full': 'https://acme.voiso.com/api/v4/calls/abc/transcript' }, '/api/v4/calls/{id}/transcript'],
    ['query stripped from url.template', { 'url.template': '/api/v4/calls/{id}/transcript?format={format}' }, '/api/v4/calls/{id}/transcript'],
    ['url.path when there is no URL', { 'url.full': undefined, 'url.path': '/api/v4/users/42/' }, '/api/v4/users/{id}'],
    ['http.target with its query', { 'url.full': undefined, 'http.target': '/api/v4/users/42?token=x' }, '/api/v4/users/{id}'],
    ['root when no path is known', { 'url.full': undefined }, '/'],
    ['root for a bare host URL', { 'url.full': 'https://acme.voiso.com?x=1' }, '/'],
    ['unparseable url.full falls through', { 'url.full': 'garbage', 'http.url': 'https://acme.voiso.com/api/v4/x' }, '/api/v4/x'],
  ])('%s', (_label, attributes, route) => {
    expect(withAttributes(attributes).route).toBe(route);
  });

  it('gives ids that differ only in the id segment the same endpoint', () => {
    const a = withAttributes({ 'url.full': 'https://acme.voiso.com/api/v4/contacts/1' });
    const b = withAttributes({ 'url.full': 'https://acme.voiso.com/api/v4/contacts/2?x=y' });
    expect(a.endpointId).toBe(b.endpointId);
    expect(withAttributes({ 'http.request.method': 'DELETE' }).endpointId).not.toBe(a.endpointId);
  });
});

describe('classifySpan: error body', () => {
  it('keeps the body only for errors', () => {
    expect(withAttributes({ 'faultline.error.body': '{"ok":true}' }).errorBody).toBeNull();
    expect(withAttributes({ 'http.response.status_code': 500, 'faultline.error.body': 'oops' }).errorBody).toBe('oops');
  });

  it(`truncates the body to ${maxErrorBodyBytes} bytes of UTF-8 but parses all of it`, () => {
    const body = JSON.stringify({ errors: { name: ['is missing'] }, detail: '€'.repeat(3000) });
    const request = withAttributes({ 'http.response.status_code': 422, 'faultline.error.body': body });
    expect(Buffer.byteLength(request.errorBody ?? '', 'utf8')).toBeLessThanOrEqual(maxErrorBodyBytes);
    expect(Buffer.byteLength(request.errorBody ?? '', 'utf8')).toBeGreaterThan(maxErrorBodyBytes - 3);
    expect(body.startsWith(request.errorBody ?? 'x')).toBe(true);
    expect(request.errorKeys).toEqual(['name: is missing']);
  });

  it('re-serialises a body sent as a map', () => {
    const request = withAttributes({ 'http.response.status_code': 401, 'faultline.error.body': { error: 'Unauthorized' } });
    expect(request).toMatchObject({ errorBody: '{"error":"Unauthorized"}', errorKeys: ['Unauthorized'] });
  });
});

describe('classifySpan: service, environment and request metadata', () => {
  it.each<[string, SpanOverrides, string, string]>([
    ['resource values', {}, 'billing-worker', 'production'],
    ['legacy deployment.environment', { resource: { 'deployment.environment.name': undefined, 'deployment.environment': 'staging' } }, 'billing-worker', 'staging'],
    ['service.name as a span attribute', { resource: { 'service.name': undefined }, attributes: { 'service.name': 'cron' } }, 'cron', 'production'],
    ['nothing set', { resource: { 'service.name': undefined, 'deployment.environment.name': undefined } }, 'unknown_service', ''],
  ])('%s', (_label, overrides, service, environment) => {
    expect(classify(overrides)).toMatchObject({ service, environment });
  });

  it.each([
    ['sha256:9f86d081884c7d65', 'sha256:9f86d081884c7d65'],
    ['k_1.2~3+4/5=', 'k_1.2~3+4/5='],
    ['Bearer sk_live_abc', ''],
    ['x'.repeat(129), ''],
    [42, ''],
    [undefined, ''],
  ])('api key fingerprint %j -> %j', (value, expected) => {
    expect(withAttributes({ 'faultline.api_key.fingerprint': value }).apiKeyFingerprint).toBe(expected);
  });

  it.each([
    ['bearer', 'bearer'],
    [' Bearer ', 'bearer'],
    ['OTHER', 'other'],
    ['none', 'none'],
    ['basic', ''],
    [undefined, ''],
  ])('auth scheme %j -> %j', (value, expected) => {
    expect(withAttributes({ 'faultline.auth.scheme': value }).authScheme).toBe(expected);
  });

  it('reads Accept, Retry-After and the resend count', () => {
    const request = withAttributes({
      'http.response.status_code': 429,
      'http.request.header.accept': ['text/csv', 'application/json'],
      'http.response.header.retry-after': '30',
      'http.request.resend_count': 3,
    });
    expect(request).toMatchObject({ accept: 'text/csv, application/json', retryAfter: '30', resendCount: 3 });
    expect(withAttributes({ 'http.response.header.retry-after': ['120'] }).retryAfter).toBe('120');
    expect(withAttributes({})).toMatchObject({ accept: null, retryAfter: null, resendCount: null });
    expect(withAttributes({ 'http.request.resend_count': -1 }).resendCount).toBeNull();
    expect(withAttributes({ 'http.request.resend_count': 1.5 }).resendCount).toBeNull();
  });
});

describe('classifySpan: free-text bounds', () => {
  it('caps free-text fields so one odd SDK cannot bloat every row', () => {
    const request = classify({
      resource: { 'service.name': 's'.repeat(1000), 'deployment.environment.name': 'e'.repeat(1000) },
      attributes: {
        'http.response.status_code': undefined,
        'error.type': 't'.repeat(1000),
        'http.request.header.accept': 'a'.repeat(1000),
        'http.response.header.retry-after': ['r'.repeat(1000)],
      },
    });
    expect(request.service).toHaveLength(256);
    expect(request.environment).toHaveLength(256);
    expect(request.errorType).toHaveLength(200);
    expect(request.errorKeys).toEqual([request.errorType]);
    expect(request.accept).toHaveLength(512);
    expect(request.retryAfter).toHaveLength(512);
  });
});

describe('classifySpan: timing', () => {
  it.each([
    [1_700_000_000_123_456_789n, 250_500_000n, 1_700_000_000_123, 250.5],
    [1_700_000_000_999_999_999n, 1n, 1_700_000_000_999, 0],
    [1_700_000_000_000_000_000n, 1_234_567n, 1_700_000_000_000, 1.235],
    [1_700_000_000_000_000_000n, 0n, 1_700_000_000_000, 0],
    [1_700_000_000_000_000_000n, 90_000_000_000n, 1_700_000_000_000, 90_000],
  ])('start %s + %s ns', (start, elapsed, startMs, durationMs) => {
    const request = classify({ startTimeUnixNano: start, endTimeUnixNano: start + elapsed });
    expect(request.startMs).toBe(startMs);
    expect(request.durationMs).toBe(durationMs);
  });
});

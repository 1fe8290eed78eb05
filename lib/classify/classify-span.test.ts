import { describe, expect, it } from 'vitest';
import { SpanKind } from '@/lib/otlp/decoded-span';
import { classifySpan } from './classify-span';
import type { ClassifiedRequest } from './classified-request';
import { endpointId } from './endpoint-id';
import { makeSpan, requestOf, type SpanOverrides } from './make-span.fixture';

const classify = (overrides: SpanOverrides) => requestOf(classifySpan(makeSpan(overrides)));

describe('classifySpan: Voiso v4 responses', () => {
  it.each([
    [200, null, '2xx', false, []],
    [201, '{"id":17}', '2xx', false, []],
    [400, '{"error":"Bad Request"}', '4xx', true, ['Bad Request']],
    [401, '{"error":"Unauthorized"}', '4xx', true, ['Unauthorized']],
    [403, '{"error":"Forbidden"}', '4xx', true, ['Forbidden']],
    [404, '{"error":"Not found"}', '4xx', true, ['Not found']],
    [406, '{"errors":{"format":["must be one of: json, vtt, srt, text"]}}', '4xx', true, ['format: must be one of: json, vtt, srt, text']],
    [409, '{"errors":{"state":["conflict"]}}', '4xx', true, ['state: conflict']],
    [422, '{"errors":{"name":["is missing"],"timezone":["must be a string"]}}', '4xx', true, ['name: is missing', 'timezone: must be a string']],
    [429, '{"error":"Too many requests"}', '4xx', true, ['Too many requests']],
    [500, null, '5xx', true, ['Internal Server Error']],
    [502, '<html><body>502 Bad Gateway</body></html>', '5xx', true, ['Bad Gateway']],
    [503, '', '5xx', true, ['Service Unavailable']],
  ])('%i %s', (status, body, statusClass, isError, errorKeys) => {
    const request = classify({
      attributes: { 'http.response.status_code': status, 'faultline.error.body': body ?? undefined },
    });
    expect(request).toMatchObject({ statusCode: status, statusClass, isError, errorKeys, errorType: null });
    expect(request.errorBody).toBe(isError && body ? body : null);
  });

  it('produces the complete record for a 422', () => {
    const request = classify({
      name: 'POST',
      attributes: {
        'http.request.method': 'POST',
        'http.response.status_code': 422,
        'url.full': 'https://acme.voiso.com/api/v4/contacts/12345/notes?draft=1',
        'error.type': '422',
        'faultline.error.body': '{"errors":{"name":["is missing"]}}',
        'faultline.api_key.fingerprint': 'sha256:9f86d081884c7d65',
        'faultline.auth.scheme': 'Bearer',
        'http.request.header.accept': ['application/json'],
        'http.request.resend_count': 2,
      },
    });
    expect(request).toEqual<ClassifiedRequest>({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      parentSpanId: null,
      spanName: 'POST',
      startMs: 1_700_000_000_123,
      durationMs: 250.5,
      service: 'billing-worker',
      environment: 'production',
      method: 'POST',
      host: 'acme.voiso.com',
      route: '/api/v4/contacts/{id}/notes',
      endpointId: endpointId('POST', 'acme.voiso.com', '/api/v4/contacts/{id}/notes'),
      statusCode: 422,
      statusClass: '4xx',
      isError: true,
      errorType: '422',
      errorKeys: ['name: is missing'],
      errorBody: '{"errors":{"name":["is missing"]}}',
      apiKeyFingerprint: 'sha256:9f86d081884c7d65',
      authScheme: 'bearer',
      accept: 'application/json',
      retryAfter: null,
      resendCount: 2,
      extraAttributes: null,
    });
  });
});

describe('classifySpan: semantic-convention generations', () => {
  const stable = {
    'http.request.method': 'GET',
    'http.response.status_code': 404,
    'url.full': 'https://acme.voiso.com:8443/api/v4/contacts/12345?fields=name',
    'server.address': 'acme.voiso.com',
    'server.port': 8443,
    'faultline.error.body': '{"error":"Not found"}',
  };
  const legacy = {
    'http.method': 'GET',
    'http.status_code': 404,
    'http.url': 'https://acme.voiso.com:8443/api/v4/contacts/12345?fields=name',
    'net.peer.name': 'acme.voiso.com',
    'net.peer.port': 8443,
    'faultline.error.body': '{"error":"Not found"}',
  };
  const legacyPieces = {
    'http.method': 'get',
    'http.status_code': '404',
    'http.scheme': 'https',
    'http.host': 'ACME.voiso.com:8443',
    'http.target': '/api/v4/contacts/12345?fields=name',
    'faultline.error.body': '{"error":"Not found"}',
  };
  const stablePieces = {
    'http.request.method': 'GET',
    'http.response.status_code': 404.0,
    'url.scheme': 'https',
    'server.address': 'acme.voiso.com',
    'server.port': '8443',
    'url.path': '/api/v4/contacts/12345',
    'faultline.error.body': '{"error":"Not found"}',
  };

  it('classifies every generation to the same request', () => {
    const [first, ...rest] = [stable, legacy, legacyPieces, stablePieces].map((attributes) =>
      classify({ bareAttributes: true, attributes }),
    );
    expect(first).toMatchObject({
      method: 'GET',
      host: 'acme.voiso.com:8443',
      route: '/api/v4/contacts/{id}',
      statusCode: 404,
      errorKeys: ['Not found'],
    });
    for (const other of rest) expect(other).toEqual(first);
  });

  it('prefers the stable names when both are present', () => {
    const request = classify({
      bareAttributes: true,
      attributes: { ...legacy, ...stable, 'http.method': 'POST', 'http.status_code': 500 },
    });
    expect(request).toMatchObject({ method: 'GET', statusCode: 404 });
  });

  it('falls back to the legacy status when the stable one is unusable', () => {
    expect(classify({ attributes: { 'http.response.status_code': 'n/a', 'http.status_code': 429 } }).statusCode).toBe(429);
  });

  it('uses http.request.method_original for _OTHER, and keeps _OTHER without it', () => {
    expect(classify({ attributes: { 'http.request.method': '_OTHER', 'http.request.method_original': 'purge' } }).method).toBe('PURGE');
    expect(classify({ attributes: { 'http.request.method': '_OTHER' } }).method).toBe('_OTHER');
    expect(classify({ attributes: { 'http.request.method': 'GE T' } }).method).toBe('_OTHER');
  });
});

describe('classifySpan: what counts as an error', () => {
  it('treats a call with error.type and no status as a network error', () => {
    const request = classify({ statusCode: 2, attributes: { 'http.response.status_code': undefined, 'error.type': 'ECONNREFUSED' } });
    expect(request).toMatchObject({
      statusCode: 0,
      statusClass: 'network',
      isError: true,
      errorType: 'ECONNREFUSED',
      errorKeys: ['ECONNREFUSED'],
      errorBody: null,
    });
  });

  it('ignores span status ERROR on a 200', () => {
    const request = classify({ statusCode: 2, attributes: { 'error.type': 'SomeSdkError' } });
    expect(request).toMatchObject({ statusCode: 200, isError: false, errorType: null, errorKeys: [] });
  });

  it('counts a 401 left with span status UNSET as an error', () => {
    const request = classify({ statusCode: 0, attributes: { 'http.response.status_code': 401 } });
    expect(request).toMatchObject({ isError: true, statusClass: '4xx', errorKeys: ['Unauthorized'] });
  });

  it.each([
    [101, '1xx'],
    [304, '3xx'],
    [399, '3xx'],
  ])('does not count %i as an error', (status, statusClass) => {
    expect(classify({ attributes: { 'http.response.status_code': status } })).toMatchObject({ statusClass, isError: false });
  });
});

describe('classifySpan: ignored spans', () => {
  it.each([
    ['no method', { attributes: { 'http.request.method': undefined } }, 'not an HTTP call (no http.request.method)'],
    ['a blank method', { attributes: { 'http.request.method': ' ' } }, 'not an HTTP call (no http.request.method)'],
    ['a plain internal span', { kind: SpanKind.INTERNAL, bareAttributes: true }, 'not an HTTP call (no http.request.method)'],
    ['method without status or error.type', { attributes: { 'http.response.status_code': undefined } }, 'no response status and no error.type'],
    ['an out-of-range status only', { attributes: { 'http.response.status_code': 999 } }, 'no response status and no error.type'],
    ['a server span', { kind: SpanKind.SERVER }, 'server span'],
    ['a producer span', { kind: SpanKind.PRODUCER }, 'producer span'],
    ['a consumer span', { kind: SpanKind.CONSUMER }, 'consumer span'],
    ['an unknown kind', { kind: 9 }, 'unknown span kind 9'],
  ])('%s', (_label, overrides, reason) => {
    expect(classifySpan(makeSpan(overrides))).toEqual({ kind: 'ignored', reason });
  });

  it.each([
    ['CLIENT', SpanKind.CLIENT],
    ['INTERNAL', SpanKind.INTERNAL],
    ['UNSPECIFIED', SpanKind.UNSPECIFIED],
  ])('accepts %s spans that carry HTTP client attributes', (_label, kind) => {
    expect(classifySpan(makeSpan({ kind })).kind).toBe('request');
  });
});

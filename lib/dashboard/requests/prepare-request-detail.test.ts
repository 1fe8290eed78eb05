import { describe, expect, it } from 'vitest';
import type { StoredRequest } from '@/lib/db/queries/stored-request';
import { type DetailField, prepareRequestDetail } from './prepare-request-detail';
import { formatUtcTime } from './prepare-request-row';
import { storedRequest } from './stored-request.fixture';

const fieldsOf = (r: StoredRequest): Record<string, DetailField> =>
  Object.fromEntries(prepareRequestDetail(r).sections.flatMap((s) => s.fields.map((f) => [f.term, f])));
const valuesOf = (r: StoredRequest) => Object.fromEntries(Object.entries(fieldsOf(r)).map(([term, f]) => [term, f.value]));

describe('prepareRequestDetail', () => {
  it('lists every stored attribute of a call, labelled', () => {
    const call = storedRequest({ parentSpanId: '00f067aa0ba902b7', errorType: 'HTTPError', apiKeyLabel: 'billing worker' });
    const detail = prepareRequestDetail(call);
    expect(detail.title).toBe('429 Too Many Requests · GET cc1.voiso.com/api/v4/users');
    expect(detail.statusClass).toBe('4xx');
    expect(detail.sections.map((s) => s.title)).toEqual(['Call', 'Endpoint', 'Outcome', 'Key and headers']);
    expect(valuesOf(call)).toEqual({
      'Call id': '42',
      'Started (UTC)': '2026-01-10 08:00:01.234',
      Duration: '42 ms (42.4 ms)',
      'Received (UTC)': '2026-01-10 08:00:03.500',
      Service: 'billing-worker',
      Environment: 'production',
      'Trace id': '0af7651916cd43dd8448eb211c80319c',
      'Span id': 'b7ad6b7169203331',
      'Parent span id': '00f067aa0ba902b7',
      'Span name': 'GET',
      Endpoint: 'GET cc1.voiso.com/api/v4/users',
      'Endpoint id': 'ep00000000000001',
      Method: 'GET',
      Host: 'cc1.voiso.com',
      Route: '/api/v4/users',
      Status: '429 Too Many Requests',
      'Status class': '4xx (Client errors)',
      'Error type': 'HTTPError',
      'Error key': ['Too many requests'],
      'Retry-After': '30',
      'Resend count': '1',
      'Key fingerprint': 'fp_77d1e0aa',
      'Key label': 'billing worker',
      'Auth scheme': 'bearer',
      Accept: 'application/json',
    });
    expect(detail.errorBody).toEqual({ text: '{\n  "error": "Too many requests"\n}', json: true });
  });

  it('shows the value of every attribute a stored call has (a new column must appear here too)', () => {
    const call = storedRequest({
      id: 9137,
      parentSpanId: 'parentspan00001',
      errorType: 'HTTPError-type',
      errorKey: 'first: key',
      errorKeys: ['first: key', 'second: key'],
      errorBody: 'plain body text',
      apiKeyLabel: 'label of the key',
      retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT',
      resendCount: 3,
      extraAttributes: { 'app.tenant': 'tenant-of-the-call' },
    });
    const detail = prepareRequestDetail(call);
    const shown = JSON.stringify(detail);
    const texts = (name: string, value: unknown): string[] => {
      if (name === 'startMs' || name === 'receivedMs') return [formatUtcTime(value as number)];
      if (name === 'extraAttributes') return Object.entries(value as object).flat().map(String);
      return [value].flat().map(String);
    };
    for (const [name, value] of Object.entries(call)) {
      const expected = texts(name, value);
      for (const text of expected) expect(shown, name).toContain(JSON.stringify(text).slice(1, -1));
    }
  });

  it('lists the extra attributes by name, strings as sent and other values as JSON', () => {
    const call = storedRequest({
      extraAttributes: { 'app.tenant': 'acme', 'app.retries': 3, 'app.flags': ['a', 'b'], 'app.empty': '', 'app.markup': '<b>x</b>' },
    });
    const detail = prepareRequestDetail(call);
    expect(detail.sections.map((s) => s.title)).toEqual(['Call', 'Endpoint', 'Outcome', 'Key and headers', 'Extra attributes']);
    expect(detail.sections.at(-1)?.fields).toEqual([
      { term: 'app.tenant', value: 'acme', mono: true },
      { term: 'app.retries', value: '3', mono: true },
      { term: 'app.flags', value: '["a","b"]', mono: true },
      { term: 'app.empty', value: '(none)', mono: true },
      // Rendered as text by React, never as markup.
      { term: 'app.markup', value: '<b>x</b>', mono: true },
    ]);
    expect(prepareRequestDetail(storedRequest({ extraAttributes: {} })).sections).toHaveLength(4);
  });

  it.each([
    [42, '42 ms'],
    [42.4, '42 ms (42.4 ms)'],
    [1250, '1.25 s (1250 ms)'],
  ])('shows a duration of %s ms as %s', (durationMs, text) => {
    expect(valuesOf(storedRequest({ durationMs })).Duration).toBe(text);
  });

  it('links the endpoint and the key to their pages', () => {
    const fields = fieldsOf(storedRequest({ endpointId: 'ep0000000000000a', apiKeyFingerprint: 'fp/odd' }));
    expect(fields.Endpoint?.href).toBe('/endpoints/ep0000000000000a');
    expect(fields['Key fingerprint']?.href).toBe('/keys/fp%2Fodd');
  });

  it('marks absent values, empty strings, a keyless call and several error keys', () => {
    const call = storedRequest({
      statusCode: 0,
      statusClass: 'network',
      environment: '',
      errorKey: 'ECONNRESET',
      errorKeys: ['ECONNRESET', 'socket hang up'],
      errorBody: null,
      apiKeyFingerprint: '',
      authScheme: '',
      accept: null,
      retryAfter: null,
      resendCount: null,
    });
    const values = valuesOf(call);
    expect(values).toMatchObject({
      Environment: '(none)',
      Status: '0 (No response)',
      'Status class': 'network (No response)',
      'Error type': '—',
      'Error keys': ['ECONNRESET', 'socket hang up'],
      'Retry-After': '—',
      'Resend count': '—',
      'Key fingerprint': '(no key)',
      'Key label': '—',
      'Auth scheme': '(none)',
      Accept: '—',
    });
    expect(fieldsOf(call)['Key fingerprint']?.href).toBeUndefined();
    expect(prepareRequestDetail(call).errorBody).toBeNull();
    expect(valuesOf(storedRequest({ errorKey: null, errorKeys: [] }))['Error keys']).toBe('—');
  });
});

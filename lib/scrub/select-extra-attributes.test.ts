import { describe, expect, it } from 'vitest';
import type { Attributes } from '@/lib/otlp/decoded-span';
import { isCredentialHeaderAttribute } from './credential-header-attribute';
import {
  maxExtraAttributes,
  maxExtraAttributesChars,
  maxExtraValueChars,
  selectExtraAttributes,
} from './select-extra-attributes';

const span: Attributes = {
  'http.request.method': 'GET',
  'app.tenant': 'acme',
  'app.region': 'eu-west-1',
  'app.retries': 2,
  'app.cached': false,
  'team.name': 'billing',
  'teammate.name': 'not under team.*',
};

describe('selectExtraAttributes: which attributes', () => {
  it('keeps nothing when nothing is listed', () => {
    expect(selectExtraAttributes(span, [])).toBeNull();
  });

  it('keeps exact names and prefixes, in name order, and drops the unlisted', () => {
    expect(selectExtraAttributes(span, ['team.*', 'app.tenant', 'app.retries', 'app.cached', 'absent.name'])).toEqual({
      'app.cached': false,
      'app.retries': 2,
      'app.tenant': 'acme',
      'team.name': 'billing',
    });
    expect(Object.keys(selectExtraAttributes(span, ['app.*']) ?? {})).toEqual(['app.cached', 'app.region', 'app.retries', 'app.tenant']);
  });

  it('is null when no listed attribute was sent', () => {
    expect(selectExtraAttributes(span, ['other.*', 'app'])).toBeNull();
  });

  it('never keeps credential headers, even when listed by name or by prefix', () => {
    const headers: Attributes = {
      'http.request.header.authorization': ['Bearer abc'],
      'http.request.header.Authorization': 'Bearer abc',
      'http.request.header.proxy-authorization': ['Basic abc'],
      'http.request.header.cookie': ['s=1'],
      'http.response.header.set-cookie': ['s=1; HttpOnly'],
      'http.request.header.x-api-key': ['abc'],
      'http.request.header.x_api_key': 'abc',
      'http.request.header.accept': ['application/json'],
      'http.request.headers': { Authorization: 'Bearer abc', Cookie: 's=1', 'X-Api-Key': 'abc', 'User-Agent': 'undici' },
    };
    const names = [...Object.keys(headers), 'http.request.header.*', 'http.response.header.*'];
    expect(selectExtraAttributes(headers, names)).toEqual({
      'http.request.header.accept': ['application/json'],
      'http.request.headers': { 'User-Agent': 'undici' },
    });
  });

  it('never keeps URL attributes (query strings, userinfo) or what Faultline stores elsewhere', () => {
    const attributes: Attributes = {
      'url.full': 'https://u:p@a.example.com/x?api_key=abc',
      'url.query': 'api_key=abc',
      'http.url': 'https://a.example.com/x?token=abc',
      'http.target': '/x?token=abc',
      'faultline.error.body': '{"error":"Unauthorized"}',
      'faultline.api_key.fingerprint': 'fp_1',
      'url.template': '/x/{id}',
    };
    expect(selectExtraAttributes(attributes, ['url.*', 'http.*', 'faultline.*'])).toEqual({ 'url.template': '/x/{id}' });
  });
});

describe('selectExtraAttributes: values', () => {
  it('redacts secrets in strings and removes URL query strings', () => {
    const kept = selectExtraAttributes(
      {
        'app.note': 'retried with Bearer sk_live_abc123 and password=hunter2',
        'app.callback': 'https://hooks.example.com/cb?sig=abc&user=bob#frag',
        'app.body': '{"api_key": "Zk9vQm3xT8rPq2LwN5sA"}',
      },
      ['app.*'],
    );
    expect(kept).toEqual({
      'app.body': '{"api_key": "[redacted]"}',
      'app.callback': 'https://hooks.example.com/cb',
      'app.note': 'retried with Bearer [redacted] and password=[redacted]',
    });
  });

  it('keeps only "[redacted]" for attributes named like secrets', () => {
    expect(selectExtraAttributes({ 'app.api_token': 'plainword', 'app.client_secret': 42, 'app.tenant': 'acme' }, ['app.*'])).toEqual({
      'app.api_token': '[redacted]',
      'app.client_secret': '[redacted]',
      'app.tenant': 'acme',
    });
  });

  it('redacts inside arrays and maps, and drops credential keys of maps', () => {
    const kept = selectExtraAttributes(
      {
        'app.list': ['ok', 'token=abc', 7, null, ['nested Bearer abc123def']],
        'app.map': { tenant: 'acme', password: 'hunter2', cookie: 's=1', inner: { note: 'key=xyz' } },
      },
      ['app.*'],
    );
    expect(kept).toEqual({
      'app.list': ['ok', 'token=[redacted]', 7, null, ['nested Bearer [redacted]']],
      'app.map': { tenant: 'acme', password: '[redacted]', inner: { note: 'key=[redacted]' } },
    });
  });

  it('drops attributes and keys whose names hold secrets or are too long', () => {
    const attributes: Attributes = {
      'app.sk_live_51HxQ2eZk9vQm3xT8rPq2': 'x',
      [`app.${'n'.repeat(200)}`]: 'x',
      'app.ok': { ['__proto__']: 'x', fine: 'y' } as Attributes,
    };
    expect(selectExtraAttributes(attributes, ['app.*'])).toEqual({ 'app.ok': { fine: 'y' } });
  });
});

describe('selectExtraAttributes: bounds', () => {
  it(`cuts strings to ${maxExtraValueChars} characters, after redacting`, () => {
    const kept = selectExtraAttributes({ 'app.long': `${'a'.repeat(250)} password=${'p'.repeat(500)}`, 'app.emoji': `${'x'.repeat(255)}😀` }, ['app.*']);
    expect(kept?.['app.long']).toBe(`${'a'.repeat(250)} passw`);
    expect(kept?.['app.emoji']).toBe('x'.repeat(255));
  });

  it(`keeps at most ${maxExtraAttributes} attributes`, () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`app.a${String(i).padStart(2, '0')}`, i]));
    const kept = selectExtraAttributes(many, ['app.*']);
    expect(Object.keys(kept ?? {})).toHaveLength(maxExtraAttributes);
    expect(kept?.['app.a00']).toBe(0);
  });

  it(`keeps at most ${maxExtraAttributesChars} characters of JSON`, () => {
    const big = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`app.b${String(i).padStart(2, '0')}`, 'v'.repeat(300)]));
    const kept = selectExtraAttributes(big, ['app.*']);
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(maxExtraAttributesChars);
    expect(Object.keys(kept ?? {}).length).toBeGreaterThan(5);
  });

  it('keeps 16 items of a list and 3 levels of nesting', () => {
    const kept = selectExtraAttributes(
      { 'app.list': Array.from({ length: 40 }, (_, i) => i), 'app.deep': { a: { b: { c: { d: 'too deep' }, e: 'kept' } } } },
      ['app.*'],
    );
    expect(kept?.['app.list']).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(kept?.['app.deep']).toEqual({ a: { b: { e: 'kept' } } });
  });
});

describe('isCredentialHeaderAttribute', () => {
  it.each([
    ['http.request.header.authorization', true],
    ['http.request.header.proxy-authorization', true],
    ['http.request.header.cookie', true],
    ['http.response.header.set-cookie', true],
    ['http.request.header.x-api-key', true],
    ['http.request.header.X_API_KEY', true],
    ['http.request.header.x-auth-token', true],
    ['Authorization', true],
    ['app.session-cookie', true],
    ['http.request.header.accept', false],
    ['faultline.api_key.fingerprint', false],
    ['faultline.auth.scheme', false],
    ['http.response.header.retry-after', false],
  ])('%s: %s', (name, expected) => {
    expect(isCredentialHeaderAttribute(name)).toBe(expected);
  });
});

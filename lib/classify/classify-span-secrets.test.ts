import { describe, expect, it } from 'vitest';
import { classifySpan } from './classify-span';
import { makeSpan, requestOf } from './make-span.fixture';

// Every value here is a credential that must never reach a ClassifiedRequest.
const secrets = {
  bearer: 'Bearer sk_live_BEARER51gN4l',
  cookie: 'session=COOKIE51gN4l',
  setCookie: 'sid=SETCOOKIE51gN4l; HttpOnly',
  proxy: 'Basic UFJPWFk1MWdONGw=',
  apiKeyHeader: 'XAPIKEY51gN4l',
  userinfoUser: 'USERINFO51gN4l',
  userinfoPassword: 'PASSWORD51gN4l',
  queryKey: 'QUERYKEY51gN4l',
  legacyQueryKey: 'LEGACYQUERY51gN4l',
  targetQueryKey: 'TARGETQUERY51gN4l',
  fragmentToken: 'FRAGMENT51gN4l',
  urlQueryAttr: 'URLQUERY51gN4l',
  hostUserinfo: 'HOSTUSER51gN4l',
};

function plantedAttributes(statusCode: number | undefined) {
  return {
    'http.request.method': 'GET',
    'http.response.status_code': statusCode,
    'error.type': statusCode === undefined ? 'ECONNRESET' : undefined,
    'url.full': `https://${secrets.userinfoUser}:${secrets.userinfoPassword}@acme.voiso.com/api/v4/users?api_key=${secrets.queryKey}#access_token=${secrets.fragmentToken}`,
    'http.url': `https://${secrets.userinfoUser}:${secrets.userinfoPassword}@acme.voiso.com/api/v4/users?key=${secrets.legacyQueryKey}`,
    'http.target': `/api/v4/users?token=${secrets.targetQueryKey}`,
    'url.query': `api_key=${secrets.urlQueryAttr}`,
    'http.host': `${secrets.hostUserinfo}@acme.voiso.com`,
    'http.request.header.authorization': [secrets.bearer],
    'http.request.header.cookie': [secrets.cookie],
    'http.response.header.set-cookie': [secrets.setCookie],
    'http.request.header.proxy-authorization': secrets.proxy,
    'http.request.header.x-api-key': [secrets.apiKeyHeader],
    // Legacy and vendor spellings of the same headers.
    'http.request.header.Authorization': secrets.bearer,
    'http.request.headers': { authorization: secrets.bearer, 'x-api-key': secrets.apiKeyHeader },
    // A raw key where a fingerprint belongs is refused, not stored.
    'faultline.api_key.fingerprint': secrets.bearer,
    'http.request.header.accept': ['application/json'],
    'faultline.error.body': '{"error":"Unauthorized"}',
  };
}

const leaks = (output: string) => Object.values(secrets).filter((secret) => output.includes(secret));

describe('classifySpan: secrets', () => {
  it.each([
    ['a 401', 401],
    ['a 200', 200],
    ['a network failure', undefined],
  ])('copies no planted credential into %s', (_label, statusCode) => {
    for (const bareAttributes of [false, true]) {
      const request = requestOf(
        classifySpan(
          makeSpan({
            bareAttributes,
            name: `GET https://${secrets.userinfoUser}:${secrets.userinfoPassword}@acme.voiso.com/api/v4/users?api_key=${secrets.queryKey}`,
            attributes: plantedAttributes(statusCode),
          }),
        ),
      );
      expect(leaks(JSON.stringify(request))).toEqual([]);
      expect(request.host).toBe('acme.voiso.com');
      expect(request.route).toBe('/api/v4/users');
      expect(request.apiKeyFingerprint).toBe('');
    }
  });

  it('keeps hosts and routes clean when only the legacy URL carries them', () => {
    const request = requestOf(
      classifySpan(
        makeSpan({
          bareAttributes: true,
          attributes: {
            'http.method': 'GET',
            'http.status_code': 403,
            'http.url': `http://${secrets.userinfoUser}:${secrets.userinfoPassword}@acme.voiso.com:8080/api/v4/users/42?key=${secrets.legacyQueryKey}`,
          },
        }),
      ),
    );
    expect(request).toMatchObject({ host: 'acme.voiso.com:8080', route: '/api/v4/users/{id}' });
    expect(leaks(JSON.stringify(request))).toEqual([]);
  });

  it('redacts credentials echoed in the error body, error.type and span name, and parses keys from the redacted body', () => {
    const request = requestOf(
      classifySpan(
        makeSpan({
          name: `GET with ${secrets.bearer}`,
          attributes: {
            'http.response.status_code': 401,
            'error.type': `HTTPError password=${secrets.queryKey}`,
            'faultline.error.body': `{"error":"key ${secrets.bearer} rejected","api_key":"${secrets.apiKeyHeader}","hint":"token=${secrets.targetQueryKey}"}`,
          },
        }),
      ),
    );
    expect(leaks(JSON.stringify(request))).toEqual([]);
    expect(request.errorBody).toBe('{"error":"key Bearer [redacted] rejected","api_key":"[redacted]","hint":"token=[redacted]"}');
    expect(request.errorKeys).toEqual(['key Bearer [redacted] rejected']);
    expect(request.errorType).toBe('HTTPError password=[redacted]');
    expect(request.spanName).toBe('GET with Bearer [redacted]');
  });

  it('keeps listed extra attributes only, never a credential header, with secrets redacted', () => {
    const span = makeSpan({
      attributes: {
        ...plantedAttributes(200),
        'app.tenant': 'acme',
        'app.note': `retry with ${secrets.bearer}`,
        'app.unlisted_note': 'not listed',
      },
    });
    expect(requestOf(classifySpan(span)).extraAttributes).toBeNull();
    const request = requestOf(
      classifySpan(span, { extraAttributeNames: ['app.tenant', 'app.note', 'http.*', 'url.full', 'faultline.*'] }),
    );
    expect(leaks(JSON.stringify(request))).toEqual([]);
    expect(request.extraAttributes).toEqual({
      'app.note': 'retry with Bearer [redacted]',
      'app.tenant': 'acme',
      'http.request.header.accept': ['application/json'],
      'http.request.method': 'GET',
      'http.response.status_code': 200,
    });
  });

  it('would notice a leak (the check itself can fail)', () => {
    expect(leaks(JSON.stringify({ route: `/x?k=${secrets.queryKey}` }))).toEqual([secrets.queryKey]);
  });
});

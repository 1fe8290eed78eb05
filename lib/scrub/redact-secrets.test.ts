import { describe, expect, it } from 'vitest';
import { parseErrorKeys } from '@/lib/classify/parse-error-keys';
import { isSecretName, redactSecrets, redactSecretsWithin } from './redact-secrets';

// Each case plants SECRET-like values; the expected text shows what survives.
const secretForms: [string, string, string][] = [
  ['a Bearer token', 'Authorization failed for Bearer sk_live_51HxQ2e', 'Authorization failed for Bearer [redacted]'],
  ['a lower-case bearer JWT', 'bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'bearer [redacted]'],
  ['Basic credentials', 'got Basic dXNlcjpwYXNzd29yZA== from client', 'got Basic [redacted] from client'],
  ['a Token scheme', 'header was Token 6f1ed002ab5595859014ebf0951522d9', 'header was Token [redacted]'],
  ['a Digest scheme', 'Digest c2VjcmV0LWRpZ2VzdA', 'Digest [redacted]'],
  ['an Authorization header with a plain-word token', 'Authorization: Bearer abcdefghijkl', 'Authorization: Bearer [redacted]'],
  ['a Proxy-Authorization header', 'Proxy-Authorization: Basic cHJveHk6cGFzcw==', 'Proxy-Authorization: Basic [redacted]'],
  ['an X-Api-Key header', 'X-Api-Key: vk_8Hq2ZtR5', 'X-Api-Key: [redacted]'],
  ['a Cookie header', 'Cookie: session=abc123; theme=dark', 'Cookie: [redacted]'],
  ['a Set-Cookie header', 'Set-Cookie: sid=s3cr3t; HttpOnly; Secure', 'Set-Cookie: [redacted]'],
  ['key=', '/v4/users?key=k123&page=2', '/v4/users?key=[redacted]&page=2'],
  ['api_key= and apikey=', 'api_key=AAA1&apikey=BBB2', 'api_key=[redacted]&apikey=[redacted]'],
  ['token= and access_token=', 'token=t0k&access_token=at0k', 'token=[redacted]&access_token=[redacted]'],
  ['secret= and client_secret=', 'secret=s3c&client_secret=cs3c', 'secret=[redacted]&client_secret=[redacted]'],
  ['password=, passwd=, pwd=', 'password=hunter2&passwd=hunter3&pwd=hunter4', 'password=[redacted]&passwd=[redacted]&pwd=[redacted]'],
  ['camelCase and dashed names', 'apiKey=a1 accessToken=b2 x-api-key=c3', 'apiKey=[redacted] accessToken=[redacted] x-api-key=[redacted]'],
  ['a signed URL', 'X-Amz-Credential=AKID%2F2026&X-Amz-Signature=9f86d0', 'X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]'],
  ['a quoted form value', 'password="correct horse battery" next', 'password="[redacted]" next'],
  ['a pair inside a JSON string', '{"error":"bad key token=abc123"}', '{"error":"bad key token=[redacted]"}'],
  ['a JSON password', '{"password": "hunter2", "user":"bob"}', '{"password": "[redacted]", "user":"bob"}'],
  ['a JSON api_key', '{"api_key":"9f8e7d6c5b4a3f2e1d0c9b8a"}', '{"api_key":"[redacted]"}'],
  ['a JSON number secret', '{"pin":1,"password":12345678}', '{"pin":1,"password":"[redacted]"}'],
  ['a JSON Authorization header', '{"headers":{"Authorization":"Bearer abc"}}', '{"headers":{"Authorization":"[redacted]"}}'],
  ['a JSON value with escaped quotes', '{"secret":"a\\"b\\\\c","x":1}', '{"secret":"[redacted]","x":1}'],
  ['JSON inside a JSON string', '{"detail":"{\\"password\\":\\"p4ss\\\\\\"word\\"}"}', '{"detail":"{\\"password\\":\\"[redacted]\\"}"}'],
  ['a JSON string cut off by truncation', '{"client_secret":"cs_live_abc', '{"client_secret":"[redacted]"'],
  ['a YAML-like pair', 'password: hunter2', 'password: [redacted]'],
  ['URL userinfo', 'fetch https://admin:pa55w0rd@api.example.com/x failed', 'fetch https://[redacted]@api.example.com/x failed'],
  ['a JWT on its own', 'got eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.sig', 'got [redacted]'],
  ['a Stripe-style key', 'the key sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'the key [redacted]'],
  ['AWS and GitHub tokens', 'AKIAIOSFODNN7EXAMPLE ghp_abcdefghijklmnopqrstuvwxyz0123', '[redacted] [redacted]'],
  ['a Slack token', 'xoxb-123456789012-abcdefghij', '[redacted]'],
  ['a PEM private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----', '[redacted]'],
  ['a long random string after "api key"', 'invalid api key Zk9vQm3xT8rPq2LwN5sA is revoked', 'invalid api key [redacted] is revoked'],
  ['a long random string after "token"', 'token "9f86d081884c7d659a2feaa0c55ad015"', 'token "[redacted]"'],
  ['a long random string in a JSON list', '{"tokens":["AbCdEfGh12345678IjKlMnOp"]}', '{"tokens":["[redacted]"]}'],
];

// Error bodies and messages that must reach storage (and error-key parsing) unchanged.
const ordinaryTexts = [
  '{"error":"Unauthorized"}',
  '{"error":"Forbidden"}',
  '{"error":"Not found"}',
  '{"error":"Too many requests"}',
  '{"error":"Bad Request"}',
  `{"errors":{"name":["can't be blank"]}}`,
  '{"errors":{"name":["is missing"],"timezone":["must be a string"]}}',
  '{"errors":{"format":["must be one of: json, vtt, srt, text"]}}',
  '{"errors":{"state":["conflict"]}}',
  '{"errors":{"state":"conflict"}}',
  '{"errors":{"per_page":["must be between 1 and 100"]}}',
  '{"errors":{"password":["is too short"]}}',
  '{"error":{"message":"Token expired","code":17}}',
  '{"message":"Rate limit exceeded"}',
  '"Retry later"',
  'Retry later',
  'Missing Bearer token.',
  'Bearer token is invalid',
  'Invalid token: expired',
  'missing cookie: please sign in',
  'Basic realm="api", charset="UTF-8"',
  'API key missing; send X-Api-Key',
  'must be one of: basic, premium',
  'monkey=1 keyboard=2 tokenizer=3 turkey=4',
  'https://cc1.voiso.com/api/v4/users/42',
  'faultline.api_key.fingerprint=sha256:9f86',
  '<html><body><h1>502 Bad Gateway</h1></body></html>',
  'upstream connect error or disconnect/reset before headers',
  'ECONNREFUSED 127.0.0.1:443',
  '',
];

describe('redactSecrets: every credential form goes', () => {
  it.each(secretForms)('%s', (_label, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });
});

describe('redactSecrets: ordinary text stays', () => {
  it.each(ordinaryTexts.map((t) => [t]))('%j', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it('leaves the error keys of Voiso bodies as they were', () => {
    for (const body of ordinaryTexts) expect(parseErrorKeys(422, redactSecrets(body))).toEqual(parseErrorKeys(422, body));
  });
});

describe('redactSecrets: properties', () => {
  const everything = [...secretForms.map(([, text]) => text), ...ordinaryTexts];

  it('is idempotent', () => {
    for (const text of everything) {
      const once = redactSecrets(text);
      expect(redactSecrets(once), text).toBe(once);
    }
  });

  it('keeps valid JSON valid', () => {
    for (const text of everything) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        continue;
      }
      expect(() => JSON.parse(redactSecrets(text)), text).not.toThrow();
      expect(parsed).toBeDefined();
    }
  });

  it('stays fast on long, adversarial text', () => {
    const inputs = [
      'a.'.repeat(50_000),
      'key-'.repeat(25_000),
      'a://'.repeat(25_000),
      '"key":'.repeat(20_000),
      'token:'.repeat(20_000),
      '\\"password\\":\\"'.repeat(8_000),
      '-----BEGIN AAAA '.repeat(8_000),
      `{"password":"${'x'.repeat(100_000)}`,
      'Bearer '.repeat(15_000),
      `Bearer ${'.'.repeat(100_000)}`,
      `password=${'"'.repeat(50_000)}`,
      'A1'.repeat(50_000),
    ];
    const started = performance.now();
    for (const text of inputs) redactSecrets(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('redactSecretsWithin', () => {
  it('redacts short text whole', () => {
    expect(redactSecretsWithin('password=hunter2', 1024)).toBe('password=[redacted]');
  });

  it('scans only the first characters and drops what a cut could have left unrecognised', () => {
    const text = `${'x'.repeat(980)} api key Zk9vQm3xT8rPq2LwN5sA ${'y'.repeat(2000)}`;
    // Cut at 1000, the key is 11 characters: too short to look random any more.
    expect(redactSecrets(text.slice(0, 1000))).toContain('Zk9vQm3xT8r');
    expect(redactSecretsWithin(text, 1000)).toBe('x'.repeat(744));
  });
});

describe('isSecretName', () => {
  it.each([
    ['api_key', true],
    ['app.api_token', true],
    ['client_secret', true],
    ['X-Api-Key', true],
    ['password', true],
    ['app.session_id', true],
    ['app.tenant', false],
    ['app.monkey', false],
    ['app.keyboard_layout', false],
    ['faultline.api_key.fingerprint', false],
  ])('%s: %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });
});

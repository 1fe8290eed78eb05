import { describe, expect, it } from 'vitest';
import { isIdSegment, maxRouteLength, templateRoute } from './template-route';

describe('templateRoute', () => {
  it.each([
    ['/api/v4/contacts/12345', '/api/v4/contacts/{id}'],
    ['/api/v4/contacts/12345/notes/9', '/api/v4/contacts/{id}/notes/{id}'],
    ['/api/v4/calls/3F2504E0-4F89-11D3-9A0C-0305E82C3301/transcript', '/api/v4/calls/{id}/transcript'],
    ['/api/v4/calls/3f2504e0-4f89-11d3-9a0c-0305e82c3301', '/api/v4/calls/{id}'],
    ['/api/v4/recordings/5f2b9c1e', '/api/v4/recordings/{id}'],
    ['/api/v4/recordings/507f1f77bcf86cd799439011', '/api/v4/recordings/{id}'],
    ['/api/v4/agents/7NbQ2xkP9aLmZ4rT', '/api/v4/agents/{id}'],
    ['/api/v4/customers/cus_NffrFeUfNV2Hib', '/api/v4/customers/{id}'],
    ['/api/v4/tokens/aGVsbG8td29ybGQtMTIz', '/api/v4/tokens/{id}'],
    // vocabulary stays
    ['/api/v4/calls/transcripts/csv', '/api/v4/calls/transcripts/csv'],
    ['/api/v1/users', '/api/v1/users'],
    ['/api/v2024/users', '/api/v2024/users'],
    ['/api/v4/deadbeef', '/api/v4/deadbeef'],
    ['/api/v4/contact_center_settings', '/api/v4/contact_center_settings'],
    ['/api/v4/abc1234', '/api/v4/abc1234'],
    ['/api/v4/Short1', '/api/v4/Short1'],
    ['/api/v4/verylongwordwithoutdigits', '/api/v4/verylongwordwithoutdigits'],
    // already a template
    ['/api/v4/calls/{id}/transcript', '/api/v4/calls/{id}/transcript'],
    ['/api/v4/calls/{call_id}/transcript', '/api/v4/calls/{call_id}/transcript'],
  ])('%s -> %s', (path, route) => {
    expect(templateRoute(path)).toBe(route);
  });

  it.each([
    ['/api/v4/users?api_key=s3cr3t&page=2', '/api/v4/users'],
    ['/api/v4/users#token=s3cr3t', '/api/v4/users'],
    ['/api/v4/users?next=/a/b#frag', '/api/v4/users'],
    ['/api/v4/users/', '/api/v4/users'],
    ['/api//v4///users//', '/api/v4/users'],
    ['//api/v4/users', '/api/v4/users'],
    ['api/v4/users', '/api/v4/users'],
    ['', '/'],
    ['/', '/'],
    ['//', '/'],
    ['?q=1', '/'],
    ['  /api/v4/users  ', '/api/v4/users'],
  ])('normalises %j -> %s', (path, route) => {
    expect(templateRoute(path)).toBe(route);
  });

  it('drops the scheme and authority (and so any userinfo) of an absolute URL', () => {
    expect(templateRoute('https://user:pa55w0rd@acme.voiso.com/api/v4/users/42?x=1')).toBe('/api/v4/users/{id}');
    expect(templateRoute('http://acme.voiso.com')).toBe('/');
  });

  it('tests percent-encoded segments decoded but keeps them raw', () => {
    expect(templateRoute('/api/v4/contacts/%31%32%33')).toBe('/api/v4/contacts/{id}');
    expect(templateRoute('/api/v4/tags/sales%20team')).toBe('/api/v4/tags/sales%20team');
    expect(templateRoute('/api/v4/tags/%E0%A4%A')).toBe('/api/v4/tags/%E0%A4%A');
  });

  it(`caps the route at ${maxRouteLength} chars without a dangling escape or slash`, () => {
    const long = templateRoute(`/${'segment/'.repeat(100)}`);
    expect(long.length).toBeLessThanOrEqual(maxRouteLength);
    expect(long.startsWith('/segment/segment')).toBe(true);
    expect(long.endsWith('/')).toBe(false);

    const escaped = templateRoute(`/${'x'.repeat(509)}%20abc`);
    expect(escaped).toBe(`/${'x'.repeat(509)}`);
  });
});

describe('isIdSegment', () => {
  it.each(['0', '42', '3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'abcdef12', 'AbCdEf0123456789', 'k3Jd9sLq0PzX7mWv'])(
    '%s is an id',
    (segment) => expect(isIdSegment(segment)).toBe(true),
  );
  it.each(['v4', 'api', 'csv', 'transcripts', 'facade', 'abcdef1', 'v20240101', 'contact-center-settings', '{id}'])(
    '%s is not an id',
    (segment) => expect(isIdSegment(segment)).toBe(false),
  );
});

import { describe, expect, it } from 'vitest';
import { splitUrl } from './split-url';

describe('splitUrl', () => {
  it.each([
    [
      'https://acme.voiso.com/api/v4/users?page=2',
      { scheme: 'https', host: 'acme.voiso.com', ipv6: false, port: null, path: '/api/v4/users' },
    ],
    [
      'HTTP://user:s3cret@Acme.Voiso.com:8080/a/b#frag',
      { scheme: 'http', host: 'acme.voiso.com', ipv6: false, port: 8080, path: '/a/b' },
    ],
    ['https://acme.voiso.com', { scheme: 'https', host: 'acme.voiso.com', ipv6: false, port: null, path: '' }],
    ['https://acme.voiso.com?x=1', { scheme: 'https', host: 'acme.voiso.com', ipv6: false, port: null, path: '' }],
    ['http://[::1]:3000/x', { scheme: 'http', host: '::1', ipv6: true, port: 3000, path: '/x' }],
    ['//cdn.voiso.com/x', { scheme: null, host: 'cdn.voiso.com', ipv6: false, port: null, path: '/x' }],
    ['/api/v4/users?api_key=1', { scheme: null, host: '', ipv6: false, port: null, path: '/api/v4/users' }],
    // Not normalised the way WHATWG URL would: the route should show what was called.
    ['https://h/a/../b', { scheme: 'https', host: 'h', ipv6: false, port: null, path: '/a/../b' }],
  ])('%s', (url, expected) => {
    expect(splitUrl(url)).toEqual(expected);
  });

  it.each(['', 'not a url', 'acme.voiso.com/api', 'mailto:a@b.c'])('rejects %j', (url) => {
    expect(splitUrl(url)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parsePort, splitAuthority } from './split-authority';

describe('splitAuthority', () => {
  it.each([
    ['acme.voiso.com', { host: 'acme.voiso.com', ipv6: false, port: null }],
    ['ACME.Voiso.com:8443', { host: 'acme.voiso.com', ipv6: false, port: 8443 }],
    ['acme.voiso.com.', { host: 'acme.voiso.com', ipv6: false, port: null }],
    ['user:pa55@acme.voiso.com:8443', { host: 'acme.voiso.com', ipv6: false, port: 8443 }],
    ['us@r:p@ss@acme.voiso.com', { host: 'acme.voiso.com', ipv6: false, port: null }],
    ['[2001:DB8::1]:8080', { host: '2001:db8::1', ipv6: true, port: 8080 }],
    ['[::1]', { host: '::1', ipv6: true, port: null }],
    ['::1', { host: '::1', ipv6: true, port: null }],
    ['10.0.0.7:80', { host: '10.0.0.7', ipv6: false, port: 80 }],
    ['host:notaport', { host: 'host', ipv6: false, port: null }],
    ['host:70000', { host: 'host', ipv6: false, port: null }],
    ['host:', { host: 'host', ipv6: false, port: null }],
    ['', { host: '', ipv6: false, port: null }],
    ['user@', { host: '', ipv6: false, port: null }],
  ])('%j', (authority, expected) => {
    expect(splitAuthority(authority)).toEqual(expected);
  });
});

describe('parsePort', () => {
  it.each([
    ['1', 1],
    ['443', 443],
    ['65535', 65535],
    ['0', null],
    ['65536', null],
    ['-1', null],
    ['4 43', null],
    ['', null],
  ])('%j -> %s', (text, port) => {
    expect(parsePort(text)).toBe(port);
  });
});

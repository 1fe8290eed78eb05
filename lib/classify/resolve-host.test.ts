import { describe, expect, it } from 'vitest';
import { type HostSources, resolveHost } from './resolve-host';
import { splitUrl } from './split-url';

const none: HostSources = { address: null, url: null, hostHeader: null, port: null, scheme: null };
const host = (sources: Partial<HostSources>) => resolveHost({ ...none, ...sources });

describe('resolveHost', () => {
  it('prefers the address, then the URL, then the Host header', () => {
    const url = splitUrl('https://from-url.voiso.com/x');
    expect(host({ address: 'Addr.Voiso.com', url, hostHeader: 'header.voiso.com' })).toBe('addr.voiso.com');
    expect(host({ url, hostHeader: 'header.voiso.com' })).toBe('from-url.voiso.com');
    expect(host({ hostHeader: 'Header.voiso.com:8080' })).toBe('header.voiso.com:8080');
    expect(host({ url: splitUrl('/only/a/path'), hostHeader: 'header.voiso.com' })).toBe('header.voiso.com');
  });

  it.each<[string, Partial<HostSources>, string]>([
    ['https default port dropped', { address: 'a.com', port: 443, scheme: 'https' }, 'a.com'],
    ['http default port dropped', { address: 'a.com', port: 80, scheme: 'http' }, 'a.com'],
    ['443 on http kept', { address: 'a.com', port: 443, scheme: 'http' }, 'a.com:443'],
    ['80 on https kept', { address: 'a.com', port: 80, scheme: 'https' }, 'a.com:80'],
    ['custom port kept', { address: 'a.com', port: 8443, scheme: 'https' }, 'a.com:8443'],
    ['no scheme, 443 taken as https', { address: 'a.com', port: 443 }, 'a.com'],
    ['no scheme, 80 taken as http', { address: 'a.com', port: 80 }, 'a.com'],
    ['no scheme, other port kept', { address: 'a.com', port: 3000 }, 'a.com:3000'],
    ['url scheme beats url.scheme', { url: splitUrl('http://a.com:443/'), scheme: 'https' }, 'a.com:443'],
    ['port from the URL', { address: 'a.com', url: splitUrl('https://a.com:9443/') }, 'a.com:9443'],
    ['port attribute beats the URL', { address: 'a.com', port: 7000, url: splitUrl('https://a.com:9443/') }, 'a.com:7000'],
    ['port embedded in the address', { address: 'a.com:8081' }, 'a.com:8081'],
    ['wss default', { address: 'a.com', port: 443, scheme: 'WSS' }, 'a.com'],
    ['IPv6 with port', { address: '2001:db8::1', port: 8080 }, '[2001:db8::1]:8080'],
    ['IPv6 without port', { address: '::1' }, '[::1]'],
    ['no host at all', {}, 'unknown'],
    ['blank address', { address: '', port: 8080 }, 'unknown'],
    ['userinfo in the Host header', { hostHeader: 'u:secret@a.com' }, 'a.com'],
  ])('%s', (_label, sources, expected) => {
    expect(host(sources)).toBe(expected);
  });
});

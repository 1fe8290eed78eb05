// Splits an absolute or path-only URL into scheme, host, port and path, never keeping userinfo or query.
import { type HostAndPort, splitAuthority } from './split-authority';

export interface UrlParts extends HostAndPort {
  /** Lower-case scheme, or null for scheme-relative and path-only URLs. */
  scheme: string | null;
  /** The raw path, without query string or fragment; may be ''. */
  path: string;
}

// Hand-rolled rather than WHATWG URL: that parser rejects some values SDKs do send and
// rewrites paths (dot segments, backslashes), and a route must reflect what was called.
const withAuthority = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?\/\/([^/?#]*)([^?#]*)/;

/** The parts of "https://user:pass@host:8443/p?q", "//host/p" or "/p?q"; null for anything else. */
export function splitUrl(raw: string): UrlParts | null {
  const text = raw.trim();
  const match = withAuthority.exec(text);
  if (match) {
    const [, scheme, authority = '', path = ''] = match;
    return { scheme: scheme?.toLowerCase() ?? null, ...splitAuthority(authority), path };
  }
  if (text.startsWith('/')) {
    const path = text.split(/[?#]/, 1)[0] ?? '';
    return { scheme: null, host: '', ipv6: false, port: null, path };
  }
  return null;
}

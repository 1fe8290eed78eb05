// Decides which outbound hosts are "the API": only calls to them are traced and exported.

export type HostMatcher = (hostname: string, port: string) => boolean;

interface HostPattern {
  /** Lower-case hostname, or a suffix such as `.voiso.com` when `wildcard`. */
  host: string;
  wildcard: boolean;
  /** Empty: any port. */
  port: string;
}

/** Throws with the offending pattern when one is not `host`, `host:port`, `*.domain` or `*`. */
export function parseHostPattern(pattern: string): HostPattern | 'any' {
  const text = pattern.trim().toLowerCase();
  if (text === '*') return 'any';
  const match = /^(\*\.)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/.exec(text);
  if (!match?.[2] || match[2].startsWith('.') || match[2].endsWith('.')) {
    throw new Error(`apiHosts: "${pattern}" is not a host pattern (use api.example.com, *.example.com, host:port or *)`);
  }
  const wildcard = match[1] !== undefined;
  return { host: wildcard ? `.${match[2]}` : match[2], wildcard, port: match[3] ?? '' };
}

/** One matcher for a list of patterns; `*.voiso.com` matches `eu1.voiso.com`, not `voiso.com`. */
export function compileHostMatcher(patterns: readonly string[]): HostMatcher {
  const parsed = patterns.map(parseHostPattern);
  if (parsed.includes('any')) return () => true;
  const specific = parsed.filter((p): p is HostPattern => p !== 'any');
  return (hostname, port) => {
    const host = hostname.toLowerCase();
    return specific.some(
      (p) => (p.port === '' || p.port === port) && (p.wildcard ? host.endsWith(p.host) : host === p.host),
    );
  };
}

// Picks the called host from whichever semconv generation sent it, as "host" or "host:port".
import { splitAuthority } from './split-authority';
import type { UrlParts } from './split-url';

export interface HostSources {
  /** server.address, else net.peer.name (may carry ":port" from sloppy SDKs). */
  address: string | null;
  /** The parsed url.full / http.url. */
  url: UrlParts | null;
  /** http.host, which may include a port. */
  hostHeader: string | null;
  /** server.port, else net.peer.port. */
  port: number | null;
  /** url.scheme, else http.scheme: used only when the URL has no scheme. */
  scheme: string | null;
}

// DNS names stop at 253 characters; anything longer is garbage, and host is a grouping column.
const maxHostLength = 255;
const defaultPorts: ReadonlyMap<string, number> = new Map([
  ['http', 80],
  ['ws', 80],
  ['https', 443],
  ['wss', 443],
]);

function isDefaultPort(scheme: string | null, port: number): boolean {
  // Without a scheme, 443 is taken as https and 80 as http: either way the port is the default.
  if (scheme === null) return port === 80 || port === 443;
  return defaultPorts.get(scheme) === port;
}

/**
 * Lower-case host, with ":port" only when a port is known and is not the scheme's default;
 * "unknown" when no source names a host. Userinfo never survives (see splitAuthority).
 */
export function resolveHost(sources: HostSources): string {
  const address = sources.address === null ? null : splitAuthority(sources.address);
  const header = sources.hostHeader === null ? null : splitAuthority(sources.hostHeader);
  const chosen = [address, sources.url, header].find((candidate) => candidate && candidate.host !== '');
  if (!chosen) return 'unknown';
  const name = (chosen.ipv6 ? `[${chosen.host}]` : chosen.host).slice(0, maxHostLength);
  const port = sources.port ?? chosen.port ?? sources.url?.port ?? header?.port ?? null;
  const scheme = sources.url?.scheme ?? sources.scheme?.toLowerCase() ?? null;
  return port === null || isDefaultPort(scheme, port) ? name : `${name}:${port}`;
}

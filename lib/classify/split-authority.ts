// Splits a URL authority or Host-style value into host and port, discarding any userinfo.

export interface HostAndPort {
  /** Lower-case host without brackets or trailing dot; '' when there is none. */
  host: string;
  /** Whether host is an IPv6 literal (and so needs brackets once a port follows it). */
  ipv6: boolean;
  port: number | null;
}

/** A TCP port number from a string of digits, or null. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/**
 * Host and port of "user:pass@Host:8080", "[::1]:8443", "::1" or "host".
 * Userinfo is cut at the last '@' so credentials can never leak into the host.
 */
export function splitAuthority(authority: string): HostAndPort {
  const trimmed = authority.trim();
  const text = trimmed.slice(trimmed.lastIndexOf('@') + 1);
  let host = text;
  let portText: string | null = null;
  let ipv6 = false;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    host = close < 0 ? text.slice(1) : text.slice(1, close);
    ipv6 = true;
    if (close >= 0 && text[close + 1] === ':') portText = text.slice(close + 2);
  } else {
    const colon = text.indexOf(':');
    // Several colons without brackets is a bare IPv6 address (semconv sends server.address so).
    if (colon !== text.lastIndexOf(':')) ipv6 = true;
    else if (colon >= 0) {
      host = text.slice(0, colon);
      portText = text.slice(colon + 1);
    }
  }
  host = host.toLowerCase().replace(/\.$/, '');
  return { host, ipv6: ipv6 && host !== '', port: portText === null ? null : parsePort(portText) };
}

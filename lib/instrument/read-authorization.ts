// Reads an Authorization header into the auth scheme and, for Bearer, the fingerprint of its key.
import { fingerprintApiKey } from './fingerprint-api-key';

export type AuthScheme = 'bearer' | 'other' | 'none';

export interface AuthorizationFacts {
  scheme: AuthScheme;
  /** Only for `bearer`: the key itself never leaves this function. */
  fingerprint?: string;
}

// RFC 6750 b64token: what a well-formed Bearer credential may contain.
const bearerCredential = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** `none` when absent or blank, `bearer` for `Bearer <token>`, `other` for anything else. */
export function readAuthorization(header: string | readonly string[] | undefined, secret?: string): AuthorizationFacts {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || value.trim() === '') return { scheme: 'none' };
  const match = bearerCredential.exec(value.trim());
  if (!match?.[1]) return { scheme: 'other' };
  return { scheme: 'bearer', fingerprint: fingerprintApiKey(match[1], secret) };
}

// Bearer tokens are random 192-bit values, so a plain SHA-256 is the right storage hash
// (as GitHub and Stripe do): a slow password KDF adds nothing against brute force on
// that much entropy and would cost every ingest request.
import { createHash, randomBytes } from 'node:crypto';

export type TokenKind = 'ingest' | 'api';

const prefixes: Record<TokenKind, string> = { ingest: 'fl_ingest_', api: 'fl_api_' };

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateToken(kind: TokenKind): string {
  return prefixes[kind] + randomBytes(24).toString('base64url');
}

/**
 * The part of a token that may be stored and shown again, to recognise it: the kind marker
 * plus 4 random characters ("fl_ingest_Ab3x…"), 24 bits of a 192-bit secret. Not "up to the
 * last _": base64url has "_" in its alphabet, so that could keep most of the secret.
 */
export function tokenDisplayPrefix(token: string): string {
  const marker = Object.values(prefixes).find((p) => token.startsWith(p)) ?? '';
  return `${token.slice(0, marker.length + 4)}…`;
}

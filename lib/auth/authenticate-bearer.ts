// Checks an `Authorization: Bearer <token>` header against the bootstrap tokens from the
// environment and the stored (hashed) tokens. A token of the other kind is refused by name:
// an ingest token never reads the API and an API token never ingests.
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '@/lib/db/client';
import { findActiveTokenByHash, touchTokenLastUsed } from '@/lib/db/tokens';
import { getEnv } from '@/lib/env';
import { hashToken, type TokenKind } from './hash-token';

export interface AuthenticatedToken {
  /** null for a bootstrap token from the environment. */
  id: number | null;
  name: string;
  /** API tokens only: may change labels and alert rules. Environment API tokens may. */
  canWrite: boolean;
}

export type BearerCheck = { ok: true; token: AuthenticatedToken } | { ok: false; reason: string };

// last-used is informational: one write per token per minute is plenty and keeps
// authentication off the write path.
const touchIntervalMs = 60_000;
const lastTouched = new Map<number, number>();
// Hashes of the environment's tokens, computed once instead of on every request.
const envTokenHashes = new Map<string, string>();

function hashOnce(token: string): string {
  let hash = envTokenHashes.get(token);
  if (!hash) {
    hash = hashToken(token);
    envTokenHashes.set(token, hash);
  }
  return hash;
}

export function bearerFromHeader(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

function equalHashes(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

const accepts: Record<TokenKind, string> = {
  ingest: 'it is an API token, and only ingest tokens are accepted by /v1/traces',
  api: 'it is an ingest token, which only /v1/traces accepts; use an API token for /api/v1',
};

function environmentTokenKind(hash: string): TokenKind | null {
  const env = getEnv();
  if (env.FAULTLINE_INGEST_TOKEN && equalHashes(hash, hashOnce(env.FAULTLINE_INGEST_TOKEN))) return 'ingest';
  if (env.FAULTLINE_API_TOKEN && equalHashes(hash, hashOnce(env.FAULTLINE_API_TOKEN))) return 'api';
  return null;
}

export async function authenticateBearer(db: Database, header: string | null, kind: TokenKind): Promise<BearerCheck> {
  if (!header) return { ok: false, reason: 'Missing Authorization header: send "Authorization: Bearer <token>"' };
  const token = bearerFromHeader(header);
  if (!token) return { ok: false, reason: 'Malformed Authorization header: expected "Bearer <token>"' };
  const hash = hashToken(token);
  const fromEnv = environmentTokenKind(hash);
  if (fromEnv !== null) {
    if (fromEnv !== kind) return { ok: false, reason: `Token refused: ${accepts[kind]}` };
    const name = kind === 'ingest' ? 'FAULTLINE_INGEST_TOKEN' : 'FAULTLINE_API_TOKEN';
    return { ok: true, token: { id: null, name, canWrite: kind === 'api' } };
  }
  const stored = await findActiveTokenByHash(db, hash);
  if (!stored) return { ok: false, reason: `Invalid ${kind === 'api' ? 'API' : kind} token: it is unknown or was revoked` };
  if (stored.kind !== kind) return { ok: false, reason: `Token refused: ${accepts[kind]}` };
  const now = Date.now();
  if (now - (lastTouched.get(stored.id) ?? 0) > touchIntervalMs) {
    lastTouched.set(stored.id, now);
    await touchTokenLastUsed(db, stored.id, new Date(now));
  }
  return { ok: true, token: { id: stored.id, name: stored.name, canWrite: stored.kind === 'api' && stored.canWrite } };
}

// Checks an `Authorization: Bearer <token>` header against the token from the
// environment and the stored (hashed) tokens of the required kind.
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '@/lib/db/client';
import { findActiveTokenByHash, touchTokenLastUsed } from '@/lib/db/tokens';
import { getEnv } from '@/lib/env';
import { hashToken, type TokenKind } from './hash-token';

export type BearerCheck = { ok: true } | { ok: false; reason: string };

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

export async function authenticateBearer(db: Database, header: string | null, kind: TokenKind): Promise<BearerCheck> {
  if (!header) return { ok: false, reason: 'Missing Authorization header: send "Authorization: Bearer <token>"' };
  const token = bearerFromHeader(header);
  if (!token) return { ok: false, reason: 'Malformed Authorization header: expected "Bearer <token>"' };
  const hash = hashToken(token);
  const env = getEnv();
  const fromEnv = kind === 'ingest' ? env.FAULTLINE_INGEST_TOKEN : env.FAULTLINE_API_TOKEN;
  if (fromEnv && equalHashes(hash, hashOnce(fromEnv))) return { ok: true };
  const stored = await findActiveTokenByHash(db, hash);
  if (!stored || stored.kind !== kind) {
    return { ok: false, reason: `Invalid ${kind} token: it is unknown, revoked, or of another kind` };
  }
  const now = Date.now();
  if (now - (lastTouched.get(stored.id) ?? 0) > touchIntervalMs) {
    lastTouched.set(stored.id, now);
    await touchTokenLastUsed(db, stored.id, new Date(now));
  }
  return { ok: true };
}

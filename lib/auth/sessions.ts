// Browser sessions: a random secret in an HttpOnly cookie, its SHA-256 as the stored id. A
// session lasts 7 days past its last use and 30 days at most, like Grafana's defaults.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@/lib/db/client';
import { deleteSession, extendSession, findSession, insertSession, type StoredUser } from '@/lib/db/users';

export { sessionCookieName } from './session-cookie-name';
export const idleLifetimeMs = 7 * 24 * 3600_000;
export const maxLifetimeMs = 30 * 24 * 3600_000;
// Sliding the expiry on every request would write on every page view; once an hour is enough.
const extendEveryMs = 3600_000;

export type SessionUser = StoredUser & { sessionId: string };

function sessionIdOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const secretPattern = /^[A-Za-z0-9_-]{43}$/;

/** Starts a session; the returned secret goes into the cookie and is never stored. */
export async function startSession(db: Database, userId: number, now: Date): Promise<{ secret: string; expiresAt: Date }> {
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + idleLifetimeMs);
  await insertSession(db, { id: sessionIdOf(secret), userId, createdAt: now, expiresAt });
  return { secret, expiresAt };
}

/** The signed-in user for a cookie value, or null when it is absent, unknown, expired or too old. */
export async function resolveSession(db: Database, secret: string | undefined, now: Date): Promise<SessionUser | null> {
  if (!secret || !secretPattern.test(secret)) return null;
  const id = sessionIdOf(secret);
  const session = await findSession(db, id);
  if (!session) return null;
  const nowMs = now.getTime();
  if (session.expiresAt.getTime() <= nowMs || nowMs - session.createdAt.getTime() >= maxLifetimeMs) {
    await deleteSession(db, id);
    return null;
  }
  if (nowMs - session.lastSeenAt.getTime() >= extendEveryMs) {
    const expiresAt = Math.min(nowMs + idleLifetimeMs, session.createdAt.getTime() + maxLifetimeMs);
    await extendSession(db, id, now, new Date(expiresAt));
  }
  return { ...session.user, sessionId: id };
}

export async function endSession(db: Database, secret: string | undefined): Promise<void> {
  if (secret && secretPattern.test(secret)) await deleteSession(db, sessionIdOf(secret));
}

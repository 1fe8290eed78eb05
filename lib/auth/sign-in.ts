// Signing in with email and password, rate limited per account and per client address:
// after FAULTLINE_LOGIN_MAX_FAILURES failures for an account (4x that from one address)
// within FAULTLINE_LOGIN_LOCKOUT_SECONDS, attempts are refused without checking the password
// until the oldest failure leaves the window. A success clears the account's failures.
import { createHash } from 'node:crypto';
import type { Database } from '@/lib/db/client';
import { deleteLoginFailures, insertLoginFailures, listLoginFailureTimes } from '@/lib/db/login-failures';
import { findUserCredentials, recordLogin, type StoredUser } from '@/lib/db/users';
import { getEnv } from '@/lib/env';
import { burnPasswordCheck, verifyPassword } from './password-hash';
import { startSession } from './sessions';

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address as the server saw it; '' when unknown. */
  ip: string;
}

export type SignInResult =
  | { ok: true; user: StoredUser; secret: string; expiresAt: Date }
  | { ok: false; reason: 'invalid'; message: string }
  | PasswordLockout;

const perIpFactor = 4;

function scopeHash(scope: string): string {
  return createHash('sha256').update(scope, 'utf8').digest('hex');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Seconds until fewer than `limit` failures remain in the window, or 0 when not locked. */
async function lockedFor(db: Database, scope: string, limit: number, windowMs: number, nowMs: number): Promise<number> {
  const times = await listLoginFailureTimes(db, scope, nowMs - windowMs);
  if (times.length < limit) return 0;
  const freedAt = (times[times.length - limit] ?? nowMs) + windowMs;
  return Math.max(1, Math.ceil((freedAt - nowMs) / 1000));
}

export type PasswordLockout = { ok: false; reason: 'locked'; message: string; retryAfterSeconds: number };

/**
 * Whether password attempts for this account (or from this address) are refused right now.
 * Shared by sign-in and by changing one's own password, so a stolen session cannot guess the
 * current password faster than a stranger could guess it at /login.
 */
export async function passwordLockout(db: Database, who: { email: string; ip: string }, now: Date): Promise<PasswordLockout | null> {
  const env = getEnv();
  const nowMs = now.getTime();
  const windowMs = env.FAULTLINE_LOGIN_LOCKOUT_SECONDS * 1000;
  const accountWait = await lockedFor(db, scopeHash(`account:${normalizeEmail(who.email)}`), env.FAULTLINE_LOGIN_MAX_FAILURES, windowMs, nowMs);
  const addressWait = who.ip ? await lockedFor(db, scopeHash(`ip:${who.ip}`), env.FAULTLINE_LOGIN_MAX_FAILURES * perIpFactor, windowMs, nowMs) : 0;
  if (accountWait === 0 && addressWait === 0) return null;
  const wait = Math.max(accountWait, addressWait);
  const subject = accountWait > 0 ? 'this account' : 'your address';
  return {
    ok: false,
    reason: 'locked',
    retryAfterSeconds: wait,
    message: `Too many failed sign-ins for ${subject}. Try again in ${describeWait(wait)}.`,
  };
}

export async function recordPasswordFailure(db: Database, who: { email: string; ip: string }, now: Date): Promise<void> {
  const nowMs = now.getTime();
  const scopes = [scopeHash(`account:${normalizeEmail(who.email)}`)];
  if (who.ip) scopes.push(scopeHash(`ip:${who.ip}`));
  await insertLoginFailures(db, scopes, nowMs);
}

export async function signIn(db: Database, attempt: SignInAttempt, now: Date): Promise<SignInResult> {
  const email = normalizeEmail(attempt.email);
  const locked = await passwordLockout(db, { email, ip: attempt.ip }, now);
  if (locked) return locked;

  const user = await findUserCredentials(db, email);
  if (!user) await burnPasswordCheck(attempt.password);
  const valid = user !== null && (await verifyPassword(attempt.password, user.passwordHash));
  if (!user || !valid) {
    await recordPasswordFailure(db, { email, ip: attempt.ip }, now);
    return { ok: false, reason: 'invalid', message: 'Email or password is incorrect.' };
  }
  await deleteLoginFailures(db, scopeHash(`account:${email}`));
  const session = await startSession(db, user.id, now);
  await recordLogin(db, user.id, now);
  const { passwordHash: _hash, ...stored } = user;
  return { ok: true, user: stored, ...session };
}

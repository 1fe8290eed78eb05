// Sign-in against a real database: right and wrong passwords, the per-account and per-address
// limits (they trigger, refuse even the right password, and recover when the window passes),
// and sessions (resolved, slid, expired, ended).
import { describe, expect, it } from 'vitest';
import { insertUser } from '@/lib/db/users';
import { setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { hashPassword } from './password-hash';
import { endSession, idleLifetimeMs, maxLifetimeMs, resolveSession, startSession } from './sessions';
import { signIn } from './sign-in';

const env = setUpRouteTestEnvForFile({ FAULTLINE_LOGIN_MAX_FAILURES: '3', FAULTLINE_LOGIN_LOCKOUT_SECONDS: '60' });
const t0 = Date.parse('2026-11-25T12:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000);
let counter = 0;

async function newUser(role: 'admin' | 'viewer' = 'viewer') {
  counter += 1;
  const email = `user${counter}@example.com`;
  const user = await insertUser(env.t.db, { email, passwordHash: await hashPassword('right-password-123'), role });
  if (!user) throw new Error('user not created');
  return user;
}

describe('signIn', () => {
  it('signs in with the right password (email case and spaces ignored) and refuses a wrong one', async () => {
    const user = await newUser();
    const wrong = await signIn(env.t.db, { email: user.email, password: 'nope', ip: '10.0.0.1' }, at(0));
    expect(wrong).toEqual({ ok: false, reason: 'invalid', message: 'Email or password is incorrect.' });
    const unknown = await signIn(env.t.db, { email: 'nobody@example.com', password: 'x', ip: '10.0.0.1' }, at(0));
    expect(unknown).toEqual(wrong);
    const ok = await signIn(env.t.db, { email: `  ${user.email.toUpperCase()} `, password: 'right-password-123', ip: '10.0.0.1' }, at(1));
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.user).toMatchObject({ id: user.id, email: user.email, role: 'viewer' });
    expect(await resolveSession(env.t.db, ok.secret, at(2))).toMatchObject({ id: user.id, role: 'viewer' });
  });

  it('locks an account after the limit, refuses even the right password, and recovers after the window', async () => {
    const user = await newUser();
    for (let i = 0; i < 3; i++) {
      const r = await signIn(env.t.db, { email: user.email, password: `guess-${i}`, ip: `10.1.0.${i}` }, at(i));
      expect(r.ok === false && r.reason).toBe('invalid');
    }
    const locked = await signIn(env.t.db, { email: user.email, password: 'right-password-123', ip: '10.1.0.9' }, at(10));
    expect(locked).toMatchObject({ ok: false, reason: 'locked', retryAfterSeconds: 50 });
    expect(locked.ok === false && locked.message).toBe('Too many failed sign-ins for this account. Try again in 50 seconds.');
    // The oldest failure (at 0 s) leaves the 60 s window at 60 s.
    expect((await signIn(env.t.db, { email: user.email, password: 'right-password-123', ip: '10.1.0.9' }, at(59))).ok).toBe(false);
    expect((await signIn(env.t.db, { email: user.email, password: 'right-password-123', ip: '10.1.0.9' }, at(60))).ok).toBe(true);
  });

  it('a success clears the account failures', async () => {
    const user = await newUser();
    for (let i = 0; i < 2; i++) await signIn(env.t.db, { email: user.email, password: 'wrong', ip: '10.2.0.1' }, at(i));
    expect((await signIn(env.t.db, { email: user.email, password: 'right-password-123', ip: '10.2.0.1' }, at(3))).ok).toBe(true);
    for (let i = 0; i < 2; i++) await signIn(env.t.db, { email: user.email, password: 'wrong', ip: '10.2.0.1' }, at(4 + i));
    expect((await signIn(env.t.db, { email: user.email, password: 'right-password-123', ip: '10.2.0.1' }, at(7))).ok).toBe(true);
  });

  it('limits one address trying many accounts (4x the account limit), and only that address', async () => {
    // 12 failures from one address, never 3 on one account.
    const victims = await Promise.all(Array.from({ length: 7 }, () => newUser()));
    let tries = 0;
    for (const victim of victims.slice(0, 6)) {
      for (let i = 0; i < 2; i++, tries++) {
        await signIn(env.t.db, { email: victim.email, password: 'spray', ip: '10.3.0.66' }, at(tries));
      }
    }
    const target = victims[6];
    if (!target) throw new Error('no victim');
    const fromSprayer = await signIn(env.t.db, { email: target.email, password: 'right-password-123', ip: '10.3.0.66' }, at(20));
    expect(fromSprayer).toMatchObject({ ok: false, reason: 'locked' });
    expect(fromSprayer.ok === false && fromSprayer.message).toMatch(/^Too many failed sign-ins for your address\. Try again in \d+ seconds\.$/);
    expect((await signIn(env.t.db, { email: target.email, password: 'right-password-123', ip: '10.3.0.7' }, at(20))).ok).toBe(true);
  });

  it('stores neither the typed email nor the password of a failed attempt', async () => {
    await signIn(env.t.db, { email: 'typed-my-Passw0rd-here@example.com', password: 'Sup3rSecretTyped!', ip: '10.4.0.1' }, at(0));
    const rows = JSON.stringify(await env.t.db.prisma.loginFailure.findMany(), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    expect(rows).not.toContain('typed-my-Passw0rd');
    expect(rows).not.toContain('Sup3rSecretTyped');
    expect(rows).not.toContain('10.4.0.1');
  });
});

describe('sessions', () => {
  it('slides with use, expires when idle, ends at the maximum lifetime and on sign-out', async () => {
    const user = await newUser();
    const start = at(0);
    const { secret } = await startSession(env.t.db, user.id, start);
    const stored = await env.t.db.prisma.session.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toBe(secret);
    // Used every 6 days: stays alive past the idle lifetime, but not past the maximum.
    let now = start.getTime();
    while (now + 6 * 86_400_000 < start.getTime() + maxLifetimeMs) {
      now += 6 * 86_400_000;
      expect(await resolveSession(env.t.db, secret, new Date(now))).not.toBeNull();
    }
    expect(await resolveSession(env.t.db, secret, new Date(start.getTime() + maxLifetimeMs))).toBeNull();

    const idle = await startSession(env.t.db, user.id, start);
    expect(await resolveSession(env.t.db, idle.secret, new Date(start.getTime() + idleLifetimeMs - 1))).not.toBeNull();
    const later = await startSession(env.t.db, user.id, start);
    expect(await resolveSession(env.t.db, later.secret, new Date(start.getTime() + idleLifetimeMs))).toBeNull();

    const ended = await startSession(env.t.db, user.id, start);
    await endSession(env.t.db, ended.secret);
    expect(await resolveSession(env.t.db, ended.secret, at(1))).toBeNull();
  });

  it('refuses malformed and unknown cookie values', async () => {
    expect(await resolveSession(env.t.db, undefined, at(0))).toBeNull();
    expect(await resolveSession(env.t.db, "' OR 1=1 --", at(0))).toBeNull();
    expect(await resolveSession(env.t.db, 'A'.repeat(43), at(0))).toBeNull();
  });

  it('ends every session of a deleted user', async () => {
    const user = await newUser();
    const { secret } = await startSession(env.t.db, user.id, at(0));
    await env.t.db.prisma.user.delete({ where: { id: user.id } });
    expect(await resolveSession(env.t.db, secret, at(1))).toBeNull();
  });
});

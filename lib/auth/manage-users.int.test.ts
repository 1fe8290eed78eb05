// User management on a real database: creating (with a generated password, normalised and
// duplicate emails), role changes and the last-admin guard, the self-delete guard, password
// resets that end every session, and a user's own password change that keeps the current one.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countAdmins, findUserCredentials, insertUser, type Role, type StoredUser } from '@/lib/db/users';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { changeOwnPassword, changeUserRole, createUser, deleteUser, resetUserPassword } from './manage-users';
import { hashPassword, verifyPassword } from './password-hash';
import { resolveSession, startSession } from './sessions';

const t = createTestDatabaseForFile();
const now = new Date();
const run = randomBytes(3).toString('hex');
let n = 0;
const uniqueEmail = () => `user-${run}-${++n}@example.com`;
const password = 'correct horse battery';

async function user(role: Role): Promise<StoredUser> {
  const created = await insertUser(t.db, { email: uniqueEmail(), role, passwordHash: await hashPassword(password) });
  if (!created) throw new Error('email taken');
  return created;
}

async function signedIn(u: StoredUser): Promise<{ secret: string; actor: { id: number; email: string; sessionId: string } }> {
  const { secret } = await startSession(t.db, u.id, now);
  const session = await resolveSession(t.db, secret, now);
  if (!session) throw new Error('no session');
  return { secret, actor: { id: u.id, email: u.email, sessionId: session.sessionId } };
}

describe('createUser', () => {
  it('stores the email lower-cased and trimmed, with the password given', async () => {
    const email = uniqueEmail();
    const result = await createUser(t.db, { email: `  ${email.toUpperCase()} `, role: 'viewer', password });
    expect(result).toMatchObject({ ok: true, user: { email, role: 'viewer', lastLoginAt: null }, generatedPassword: null });
    const stored = await findUserCredentials(t.db, email);
    expect(stored && (await verifyPassword(password, stored.passwordHash))).toBe(true);
  });

  it('generates a password when none is given and returns it once', async () => {
    const email = uniqueEmail();
    const result = await createUser(t.db, { email, role: 'admin', password: '' });
    if (!result.ok) throw new Error(result.message);
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const stored = await findUserCredentials(t.db, email);
    expect(stored && (await verifyPassword(result.generatedPassword ?? '', stored.passwordHash))).toBe(true);
  });

  it('refuses a duplicate email, whatever its case, naming the email field', async () => {
    const email = uniqueEmail();
    await createUser(t.db, { email, role: 'viewer', password });
    const again = await createUser(t.db, { email: email.toUpperCase(), role: 'admin', password });
    expect(again).toEqual({
      ok: false,
      message: `A user with the email ${email} already exists.`,
      fieldErrors: { email: [`A user with the email ${email} already exists.`] },
    });
  });

  it('refuses a short password, a bad email and an unknown role with one message per field', async () => {
    const result = await createUser(t.db, { email: 'not an email', role: 'owner', password: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(['email', 'password', 'role']);
    expect(result.fieldErrors.password).toEqual(['Use at least 12 characters.']);
  });
});

describe('changeUserRole', () => {
  it('makes a viewer an admin and back', async () => {
    const viewer = await user('viewer');
    expect(await changeUserRole(t.db, { userId: String(viewer.id), role: 'admin' })).toMatchObject({ ok: true, user: { role: 'admin' } });
    expect(await changeUserRole(t.db, { userId: viewer.id, role: 'viewer' })).toMatchObject({ ok: true, user: { role: 'viewer' } });
  });

  it('never demotes the last admin', async () => {
    // Leave exactly one admin, then try to demote it.
    const admins = await t.db.prisma.user.findMany({ where: { role: 'admin' }, select: { id: true } });
    await t.db.prisma.user.updateMany({ where: { id: { in: admins.map((a) => a.id) } }, data: { role: 'viewer' } });
    const last = await user('admin');
    const result = await changeUserRole(t.db, { userId: last.id, role: 'viewer' });
    expect(result).toMatchObject({ ok: false, message: `${last.email} is the last admin; make another user an admin first.` });
    expect(await countAdmins(t.db)).toBe(1);
    // With a second admin, the first may step down.
    await user('admin');
    expect(await changeUserRole(t.db, { userId: last.id, role: 'viewer' })).toMatchObject({ ok: true });
  });

  it('answers for a user that no longer exists', async () => {
    expect(await changeUserRole(t.db, { userId: 999_999, role: 'admin' })).toMatchObject({ ok: false, message: expect.stringMatching(/no longer exists/) });
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    await t.db.prisma.user.updateMany({ where: { role: 'admin' }, data: { role: 'viewer' } });
    const a = await user('admin');
    const b = await user('admin');
    const results = await Promise.all([changeUserRole(t.db, { userId: a.id, role: 'viewer' }), changeUserRole(t.db, { userId: b.id, role: 'viewer' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await countAdmins(t.db)).toBe(1);
  });
});

describe('deleteUser', () => {
  it('deletes a user and ends their sessions', async () => {
    const admin = await user('admin');
    const viewer = await user('viewer');
    const { secret } = await signedIn(viewer);
    const result = await deleteUser(t.db, (await signedIn(admin)).actor, { userId: viewer.id });
    expect(result).toEqual({ ok: true, email: viewer.email });
    expect(await resolveSession(t.db, secret, now)).toBeNull();
    expect(await findUserCredentials(t.db, viewer.email)).toBeNull();
  });

  it('refuses to delete the acting admin', async () => {
    const admin = await user('admin');
    const { actor } = await signedIn(admin);
    expect(await deleteUser(t.db, actor, { userId: admin.id })).toMatchObject({ ok: false, message: 'You cannot delete yourself; another admin can.' });
  });

  it('never deletes the last admin, whoever asks', async () => {
    await t.db.prisma.user.updateMany({ where: { role: 'admin' }, data: { role: 'viewer' } });
    const last = await user('admin');
    const other = await user('viewer');
    const result = await deleteUser(t.db, (await signedIn(other)).actor, { userId: last.id });
    expect(result).toMatchObject({ ok: false, message: `${last.email} is the last admin; make another user an admin first.` });
    expect(await countAdmins(t.db)).toBe(1);
  });

  it('answers for a user deleted meanwhile', async () => {
    const admin = await user('admin');
    const { actor } = await signedIn(admin);
    const viewer = await user('viewer');
    expect((await deleteUser(t.db, actor, { userId: viewer.id })).ok).toBe(true);
    expect(await deleteUser(t.db, actor, { userId: viewer.id })).toMatchObject({ ok: false, message: expect.stringMatching(/no longer exists/) });
  });
});

describe('resetUserPassword', () => {
  it('sets the new password and ends every session of the user', async () => {
    const admin = await user('admin');
    const viewer = await user('viewer');
    const first = await signedIn(viewer);
    const second = await signedIn(viewer);
    const result = await resetUserPassword(t.db, (await signedIn(admin)).actor, { userId: viewer.id, password: '' });
    if (!result.ok) throw new Error(result.message);
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await resolveSession(t.db, first.secret, now)).toBeNull();
    expect(await resolveSession(t.db, second.secret, now)).toBeNull();
    const stored = await findUserCredentials(t.db, viewer.email);
    expect(stored && (await verifyPassword(result.generatedPassword ?? '', stored.passwordHash))).toBe(true);
    expect(stored && (await verifyPassword(password, stored.passwordHash))).toBe(false);
  });

  it('takes a password the admin chose, at least 12 characters', async () => {
    const admin = await user('admin');
    const viewer = await user('viewer');
    const { actor } = await signedIn(admin);
    expect(await resetUserPassword(t.db, actor, { userId: viewer.id, password: 'too short' })).toMatchObject({
      ok: false,
      fieldErrors: { password: ['Use at least 12 characters.'] },
    });
    expect(await resetUserPassword(t.db, actor, { userId: viewer.id, password: 'a long enough one' })).toMatchObject({ ok: true, generatedPassword: null });
  });

  it("refuses the admin's own password (that is /account's job)", async () => {
    const admin = await user('admin');
    const { actor, secret } = await signedIn(admin);
    expect(await resetUserPassword(t.db, actor, { userId: admin.id, password: '' })).toMatchObject({ ok: false });
    expect(await resolveSession(t.db, secret, now)).not.toBeNull();
  });
});

describe('changeOwnPassword', () => {
  it('needs the current password', async () => {
    const viewer = await user('viewer');
    const { actor } = await signedIn(viewer);
    const result = await changeOwnPassword(t.db, actor, { currentPassword: 'wrong one', newPassword: 'a brand new password', confirmPassword: 'a brand new password' });
    expect(result).toMatchObject({ ok: false, fieldErrors: { currentPassword: ['The current password is incorrect.'] } });
  });

  it('counts wrong current passwords like failed sign-ins: a stolen session cannot guess faster than /login allows', async () => {
    const viewer = await user('viewer');
    const { actor } = await signedIn(viewer);
    const change = (currentPassword: string) =>
      changeOwnPassword(t.db, actor, { currentPassword, newPassword: 'a brand new password', confirmPassword: 'a brand new password' });
    for (let i = 0; i < 5; i++) expect((await change(`guess ${i}`)).ok).toBe(false);
    const locked = await change(password);
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many failed sign-ins for this account\. Try again in \d+ minutes?\.$/) });
    const stored = await findUserCredentials(t.db, viewer.email);
    expect(stored && (await verifyPassword(password, stored.passwordHash))).toBe(true);
  });

  it('refuses a confirmation that differs', async () => {
    const viewer = await user('viewer');
    const { actor } = await signedIn(viewer);
    const result = await changeOwnPassword(t.db, actor, { currentPassword: password, newPassword: 'a brand new password', confirmPassword: 'another new password' });
    expect(result).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ['The two new passwords differ.'] } });
  });

  it('ends the other sessions and keeps this one', async () => {
    const viewer = await user('viewer');
    const here = await signedIn(viewer);
    const elsewhere = await signedIn(viewer);
    const result = await changeOwnPassword(t.db, here.actor, { currentPassword: password, newPassword: 'a brand new password', confirmPassword: 'a brand new password' });
    expect(result).toEqual({ ok: true });
    expect(await resolveSession(t.db, here.secret, now)).not.toBeNull();
    expect(await resolveSession(t.db, elsewhere.secret, now)).toBeNull();
    const stored = await findUserCredentials(t.db, viewer.email);
    expect(stored && (await verifyPassword('a brand new password', stored.passwordHash))).toBe(true);
  });
});

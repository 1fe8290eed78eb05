// User management for admins (/settings/users) and a user's own password (/account): validates
// the input, applies the guards (the last admin stays an admin, nobody deletes themselves) and
// answers with a result the form can show, never by throwing for something the user can fix.
// Callers check that the actor may manage users (adminForAction) before calling.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '@/lib/db/client';
import {
  changeUserKeepingAnAdmin,
  findPasswordHash,
  findUserById,
  insertUser,
  type StoredUser,
  updateOwnPassword,
  updateUserPassword,
} from '@/lib/db/users';
import { hashPassword, verifyPassword } from './password-hash';
import { passwordLockout, recordPasswordFailure } from './sign-in';
import {
  changeOwnPasswordRequestSchema,
  changeUserRoleRequestSchema,
  createUserRequestSchema,
  deleteUserRequestSchema,
  resetUserPasswordRequestSchema,
} from './schemas/user-request-schemas';

/** Problems per input name ('' for the form as a whole). */
export type FieldErrors = Record<string, string[]>;
export type ManageUsersRefusal = { ok: false; message: string; fieldErrors: FieldErrors };

export type CreateUserResult = { ok: true; user: StoredUser; generatedPassword: string | null } | ManageUsersRefusal;
export type ChangeUserRoleResult = { ok: true; user: StoredUser } | ManageUsersRefusal;
export type ResetUserPasswordResult = { ok: true; user: StoredUser; generatedPassword: string | null } | ManageUsersRefusal;
export type DeleteUserResult = { ok: true; email: string } | ManageUsersRefusal;
export type ChangeOwnPasswordResult = { ok: true } | ManageUsersRefusal;

/** Who is acting: the signed-in user (and, for their own password, the session to keep). */
export interface Actor {
  id: number;
  email: string;
  sessionId: string;
}

function refuse(message: string, fieldErrors: FieldErrors = {}): ManageUsersRefusal {
  return { ok: false, message, fieldErrors };
}

function invalid(error: z.ZodError): ManageUsersRefusal {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.join('.');
    const messages = fieldErrors[name] ?? [];
    if (!messages.includes(issue.message)) fieldErrors[name] = [...messages, issue.message];
  }
  return refuse(error.issues[0]?.message ?? 'Check the form.', fieldErrors);
}

/** 120 random bits, readable and typeable: what the admin passes on to the user once. */
function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

const userGone = 'That user no longer exists (deleted meanwhile).';

function lastAdminMessage(email: string): string {
  return `${email} is the last admin; make another user an admin first.`;
}

export async function createUser(db: Database, input: unknown): Promise<CreateUserResult> {
  const parsed = createUserRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, role } = parsed.data;
  const password = parsed.data.password ?? generatePassword();
  const user = await insertUser(db, { email, role, passwordHash: await hashPassword(password) });
  if (!user) {
    const message = `A user with the email ${email} already exists.`;
    return refuse(message, { email: [message] });
  }
  return { ok: true, user, generatedPassword: parsed.data.password ? null : password };
}

export async function changeUserRole(db: Database, input: unknown): Promise<ChangeUserRoleResult> {
  const parsed = changeUserRoleRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, role } = parsed.data;
  const user = await findUserById(db, userId);
  if (!user) return refuse(userGone);
  const outcome = await changeUserKeepingAnAdmin(db, userId, { kind: 'role', role });
  if (outcome === 'not_found') return refuse(userGone);
  if (outcome === 'last_admin') return refuse(lastAdminMessage(user.email), { role: [lastAdminMessage(user.email)] });
  return { ok: true, user: { ...user, role } };
}

/** Sets a new password (the admin's, or a generated one shown once) and ends all the user's sessions. */
export async function resetUserPassword(db: Database, actor: Actor, input: unknown): Promise<ResetUserPasswordResult> {
  const parsed = resetUserPasswordRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { userId } = parsed.data;
  // Resetting would also end the admin's own session; /account changes it and keeps the session.
  if (userId === actor.id) return refuse('Change your own password on your account page (/account).');
  const user = await findUserById(db, userId);
  if (!user) return refuse(userGone);
  const password = parsed.data.password ?? generatePassword();
  await updateUserPassword(db, userId, await hashPassword(password));
  return { ok: true, user, generatedPassword: parsed.data.password ? null : password };
}

/** Deletes a user and their sessions; never the actor and never the last admin. */
export async function deleteUser(db: Database, actor: Actor, input: unknown): Promise<DeleteUserResult> {
  const parsed = deleteUserRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { userId } = parsed.data;
  if (userId === actor.id) return refuse('You cannot delete yourself; another admin can.');
  const user = await findUserById(db, userId);
  if (!user) return refuse(userGone);
  const outcome = await changeUserKeepingAnAdmin(db, userId, { kind: 'delete' });
  if (outcome === 'not_found') return refuse(userGone);
  if (outcome === 'last_admin') return refuse(lastAdminMessage(user.email));
  return { ok: true, email: user.email };
}

/** The signed-in user's new password, after their current one: other sessions end, this one stays. */
export async function changeOwnPassword(db: Database, actor: Actor, input: unknown): Promise<ChangeOwnPasswordResult> {
  const parsed = changeOwnPasswordRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const stored = await findPasswordHash(db, actor.id);
  if (!stored) return refuse('Your account no longer exists.');
  const now = new Date();
  const locked = await passwordLockout(db, { email: actor.email, ip: '' }, now);
  if (locked) return refuse(locked.message, { currentPassword: [locked.message] });
  if (!(await verifyPassword(parsed.data.currentPassword, stored))) {
    await recordPasswordFailure(db, { email: actor.email, ip: '' }, now);
    const message = 'The current password is incorrect.';
    return refuse(message, { currentPassword: [message] });
  }
  await updateOwnPassword(db, actor.id, await hashPassword(parsed.data.newPassword), actor.sessionId);
  return { ok: true };
}

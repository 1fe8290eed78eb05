'use server';
// /account: a signed-in user (any role) changes their own password. Their other sessions end;
// this one stays, so changing a password never signs you out of the tab you did it in.
import { getCurrentUser } from '@/lib/auth/current-user';
import { changeOwnPassword } from '@/lib/auth/manage-users';
import { getDatabase } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';

export interface ChangePasswordFormState {
  status: 'idle' | 'done' | 'error';
  message: string;
  fieldErrors: Record<string, string[]>;
  /** Increases with every answer, so the form's inputs start empty again. */
  version: number;
}

export async function changeOwnPasswordAction(previous: ChangePasswordFormState, form: FormData): Promise<ChangePasswordFormState> {
  const version = previous.version + 1;
  const user = await getCurrentUser();
  if (!user) return { status: 'error', message: 'Your session has ended; sign in again.', fieldErrors: {}, version };
  const input = { currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword'), confirmPassword: form.get('confirmPassword') };
  try {
    const result = await changeOwnPassword(getDatabase(), user, input);
    if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, version };
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { status: 'error', message: 'Not changed: the database is unavailable. Try again shortly.', fieldErrors: {}, version };
  }
  return { status: 'done', message: 'Password changed. Your other sessions were signed out; this one stays signed in.', fieldErrors: {}, version };
}

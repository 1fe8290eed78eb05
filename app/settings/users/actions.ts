'use server';
// The /settings/users forms: create a user, change a role, reset a password, delete a user.
// Each asks adminForAction() first (the page is admin-only, but an action is a POST anyone with
// a session can send), then calls lib/auth/manage-users.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminForAction } from '@/lib/auth/current-user';
import { changeUserRole, createUser, deleteUser, type ManageUsersRefusal, resetUserPassword } from '@/lib/auth/manage-users';
import { getDatabase } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';

export interface UserFormState {
  status: 'idle' | 'done' | 'error';
  message: string;
  /** Problems per input name ('' for the form as a whole). */
  fieldErrors: Record<string, string[]>;
  /** A password the server generated: shown once, never stored in clear. */
  generatedPassword?: string;
  /** What was typed into the create form, shown again after a refusal. */
  values?: { email: string; role: string };
  /** Increases with every answer, so inputs take `values` as their new defaults. */
  version: number;
}

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

function failed(previous: UserFormState, refusal: Pick<ManageUsersRefusal, 'message'> & Partial<ManageUsersRefusal>, values?: UserFormState['values']): UserFormState {
  return { status: 'error', message: refusal.message, fieldErrors: refusal.fieldErrors ?? {}, values, version: previous.version + 1 };
}

/** Runs the change, answering "database unavailable" as a form message instead of an error page. */
async function guarded(previous: UserFormState, change: () => Promise<UserFormState>, values?: UserFormState['values']): Promise<UserFormState> {
  try {
    return await change();
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return failed(previous, { message: 'Not saved: the database is unavailable. Try again shortly.' }, values);
  }
}

export async function createUserAction(previous: UserFormState, form: FormData): Promise<UserFormState> {
  const values = { email: text(form, 'email'), role: text(form, 'role') };
  const permission = await adminForAction();
  if (!permission.ok) return failed(previous, permission, values);
  return guarded(
    previous,
    async () => {
      const result = await createUser(getDatabase(), { ...values, password: text(form, 'password') });
      if (!result.ok) return failed(previous, result, values);
      revalidatePath('/settings/users');
      return {
        status: 'done',
        message: `Created ${result.user.email} (${result.user.role}).`,
        fieldErrors: {},
        generatedPassword: result.generatedPassword ?? undefined,
        version: previous.version + 1,
      };
    },
    values,
  );
}

export async function changeUserRoleAction(userId: number, previous: UserFormState, form: FormData): Promise<UserFormState> {
  const permission = await adminForAction();
  if (!permission.ok) return failed(previous, permission);
  const state = await guarded(previous, async () => {
    const result = await changeUserRole(getDatabase(), { userId, role: text(form, 'role') });
    if (!result.ok) return failed(previous, result);
    revalidatePath('/', 'layout');
    return { status: 'done', message: `${result.user.email} is now ${result.user.role === 'admin' ? 'an admin' : 'a viewer'}.`, fieldErrors: {}, version: previous.version + 1 };
  });
  // An admin who made themselves a viewer can no longer see this page.
  if (state.status === 'done' && userId === permission.user.id && text(form, 'role') !== 'admin') redirect('/');
  return state;
}

export async function resetUserPasswordAction(userId: number, previous: UserFormState, form: FormData): Promise<UserFormState> {
  const permission = await adminForAction();
  if (!permission.ok) return failed(previous, permission);
  return guarded(previous, async () => {
    const result = await resetUserPassword(getDatabase(), permission.user, { userId, password: text(form, 'password') });
    if (!result.ok) return failed(previous, result);
    return {
      status: 'done',
      message: `New password set; ${result.user.email} was signed out everywhere.`,
      fieldErrors: {},
      generatedPassword: result.generatedPassword ?? undefined,
      version: previous.version + 1,
    };
  });
}

/** On success the row is gone, so the page itself says who was deleted (?deleted=). */
export async function deleteUserAction(userId: number, previous: UserFormState): Promise<UserFormState> {
  const permission = await adminForAction();
  if (!permission.ok) return failed(previous, permission);
  let deleted = '';
  const state = await guarded(previous, async () => {
    const result = await deleteUser(getDatabase(), permission.user, { userId });
    if (!result.ok) return failed(previous, result);
    deleted = result.email;
    return { status: 'done', message: `Deleted ${result.email}.`, fieldErrors: {}, version: previous.version + 1 };
  });
  if (!deleted) return state;
  revalidatePath('/settings/users');
  redirect(`/settings/users?deleted=${encodeURIComponent(deleted)}`);
}

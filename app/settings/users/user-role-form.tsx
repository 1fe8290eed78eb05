'use client';
// One user's role, changed in place; the last admin's demotion is refused with a message.
import { useActionState } from 'react';
import type { Role } from '@/lib/db/users';
import styles from '../settings.module.css';
import { changeUserRoleAction } from './actions';
import { FormOutcome, idleUserForm } from './form-outcome';

export function UserRoleForm({ userId, email, role }: { userId: number; email: string; role: Role }) {
  const [state, action, pending] = useActionState(changeUserRoleAction.bind(null, userId), idleUserForm);
  return (
    <form action={action} className={styles.inline}>
      <select name="role" defaultValue={role} key={`${role}-${state.version}`} aria-label={`Role of ${email}`}>
        <option value="viewer">viewer</option>
        <option value="admin">admin</option>
      </select>
      <button type="submit" disabled={pending} aria-label={`Change role of ${email}`}>
        {pending ? 'Changing…' : 'Change'}
      </button>
      {state.status === 'error' ? <FormOutcome state={state} /> : null}
    </form>
  );
}

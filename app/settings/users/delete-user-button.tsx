'use client';
// Deleting a user takes two clicks: the first asks to confirm, right where the button was.
import { useActionState, useState } from 'react';
import styles from '../settings.module.css';
import { deleteUserAction } from './actions';
import { FormOutcome, idleUserForm } from './form-outcome';

export function DeleteUserButton({ userId, email }: { userId: number; email: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(deleteUserAction.bind(null, userId), idleUserForm);
  if (!confirming) {
    return (
      <button type="button" className={styles.danger} onClick={() => setConfirming(true)} aria-label={`Delete user ${email}`}>
        Delete
      </button>
    );
  }
  return (
    <form action={action} className={styles.inline}>
      <span role="alert">Delete {email}? They are signed out at once.</span>
      <button type="submit" className={styles.danger} disabled={pending}>
        Yes, delete
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep
      </button>
      {state.status === 'error' ? <FormOutcome state={state} /> : null}
    </form>
  );
}

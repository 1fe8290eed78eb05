'use client';
// Resetting a user's password: opens in place, takes a new password or generates one (shown
// once), and signs the user out everywhere.
import { useActionState, useState } from 'react';
import styles from '../settings.module.css';
import { resetUserPasswordAction } from './actions';
import { FieldError, FormOutcome, idleUserForm } from './form-outcome';

export function ResetPasswordForm({ userId, email, minPasswordLength }: { userId: number; email: string; minPasswordLength: number }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(resetUserPasswordAction.bind(null, userId), idleUserForm);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={`Reset password of ${email}`}>
        Reset password
      </button>
    );
  }
  const errorId = `reset-${userId}-error`;
  return (
    <form action={action} className={styles.inline}>
      {state.status === 'done' ? null : (
        <>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={minPasswordLength}
            placeholder="empty: generate one"
            aria-label={`New password for ${email}`}
            aria-invalid={state.fieldErrors.password ? true : undefined}
            aria-describedby={state.fieldErrors.password ? errorId : undefined}
          />
          <FieldError id={errorId} errors={state.fieldErrors.password} />
          <button type="submit" disabled={pending}>
            {pending ? 'Setting…' : 'Set password'}
          </button>
        </>
      )}
      <button type="button" onClick={() => setOpen(false)}>
        {state.status === 'done' ? 'Close' : 'Cancel'}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}

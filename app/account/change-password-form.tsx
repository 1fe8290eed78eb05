'use client';
// The form on /account: current password, new one twice; each problem next to its field.
import { useActionState } from 'react';
import styles from '@/app/settings/settings.module.css';
import { type ChangePasswordFormState, changeOwnPasswordAction } from './actions';

const idle: ChangePasswordFormState = { status: 'idle', message: '', fieldErrors: {}, version: 0 };

const fields = [
  { name: 'currentPassword', label: 'Current password', autoComplete: 'current-password' },
  { name: 'newPassword', label: 'New password', autoComplete: 'new-password' },
  { name: 'confirmPassword', label: 'New password again', autoComplete: 'new-password' },
] as const;

export function ChangePasswordForm({ email, minPasswordLength }: { email: string; minPasswordLength: number }) {
  const [state, action, pending] = useActionState(changeOwnPasswordAction, idle);
  return (
    <form action={action} className={styles.form} noValidate>
      {/* Lets password managers match the new password to this account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      {fields.map((field) => {
        const errors = state.fieldErrors[field.name];
        const errorId = `${field.name}-error`;
        return (
          <label key={`${field.name}-${state.version}`} className={styles.field}>
            {field.label}
            <input
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              required
              minLength={field.name === 'currentPassword' ? undefined : minPasswordLength}
              aria-invalid={errors ? true : undefined}
              aria-describedby={errors ? errorId : undefined}
            />
            {errors ? (
              <span id={errorId} className={styles.fieldError}>
                {errors.join(' ')}
              </span>
            ) : null}
          </label>
        );
      })}
      <button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
      <p className={styles.help}>At least {minPasswordLength} characters.</p>
      {state.status === 'error' ? (
        <p role="alert" className={styles.error}>
          {state.message}
        </p>
      ) : (
        <p role="status" className={styles.done}>
          {state.message}
        </p>
      )}
    </form>
  );
}

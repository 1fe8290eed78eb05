'use client';
// The form that adds a user: email, role, and a password or none (then one is generated and
// shown once). Refusals (taken email, short password) show next to their field.
import { useActionState } from 'react';
import styles from '../settings.module.css';
import { createUserAction } from './actions';
import { FieldError, FormOutcome, idleUserForm } from './form-outcome';

export function CreateUserForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [state, action, pending] = useActionState(createUserAction, idleUserForm);
  const values = state.status === 'error' ? state.values : undefined;
  const errors = state.fieldErrors;
  return (
    <form action={action} className={styles.form} noValidate>
      {/* Keyed by the answer, so after a refusal the inputs start from what was typed. */}
      <div key={state.version} className={styles.form}>
        <label className={styles.field}>
          Email
          <input
            name="email"
            type="email"
            autoComplete="off"
            required
            maxLength={320}
            defaultValue={values?.email ?? ''}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? 'new-user-email-error' : undefined}
          />
          <FieldError id="new-user-email-error" errors={errors.email} />
        </label>
        <label className={styles.field}>
          Role
          <select name="role" defaultValue={values?.role || 'viewer'} aria-invalid={errors.role ? true : undefined}>
            <option value="viewer">viewer (read only)</option>
            <option value="admin">admin (everything)</option>
          </select>
          <FieldError id="new-user-role-error" errors={errors.role} />
        </label>
        <label className={styles.field}>
          Password (optional)
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={minPasswordLength}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? 'new-user-password-error new-user-help' : 'new-user-help'}
          />
          <FieldError id="new-user-password-error" errors={errors.password} />
        </label>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add user'}
      </button>
      <p id="new-user-help" className={styles.help}>
        At least {minPasswordLength} characters. Leave the password empty to have one generated; it is shown once, here.
      </p>
      <FormOutcome state={state} />
    </form>
  );
}

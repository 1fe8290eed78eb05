// What a /settings/users form answered: a refusal, a confirmation, and a generated password,
// which is shown this once (only its hash is stored).
import type { UserFormState } from './actions';
import styles from '../settings.module.css';

export const idleUserForm: UserFormState = { status: 'idle', message: '', fieldErrors: {}, version: 0 };

export function FormOutcome({ state, id }: { state: UserFormState; id?: string }) {
  return (
    <>
      {state.status === 'error' ? (
        <p id={id} role="alert" className={styles.error}>
          {state.message}
        </p>
      ) : (
        <p id={id} role="status" className={styles.done}>
          {state.message}
        </p>
      )}
      {state.status === 'done' && state.generatedPassword ? (
        <p className={styles.secret}>
          Password:{' '}
          <output aria-label="Generated password">
            <code>{state.generatedPassword}</code>
          </output>{' '}
          — shown only this once; copy it now and pass it on privately.
        </p>
      ) : null}
    </>
  );
}

export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <span id={id} className={styles.fieldError}>
      {errors.join(' ')}
    </span>
  ) : null;
}

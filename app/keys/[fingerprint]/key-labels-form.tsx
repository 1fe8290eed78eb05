'use client';
// The form that names a key fingerprint ("billing worker", "production"), with the outcome
// announced next to the button; viewers, who may not change it, see the names as text.
import { useActionState } from 'react';
import type { KeyLabelsFormState } from './actions';
import styles from './key.module.css';

export interface KeyLabelsFormProps {
  /** The server action, bound to the key's fingerprint. */
  action: (previous: KeyLabelsFormState, form: FormData) => Promise<KeyLabelsFormState>;
  label: string | null;
  environment: string | null;
}

const initialState: KeyLabelsFormState = { status: 'idle', message: '' };

export function KeyLabelsForm({ action, label, environment }: KeyLabelsFormProps) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const values = state.values ?? { label: label ?? '', environment: environment ?? '' };
  return (
    <form action={formAction} className={styles.form} aria-describedby="key-labels-help">
      <div className={styles.field}>
        <label htmlFor="key-label">Label</label>
        <input id="key-label" name="label" maxLength={100} defaultValue={values.label} key={`label-${values.label}`} placeholder="billing worker" />
      </div>
      <div className={styles.field}>
        <label htmlFor="key-environment">Environment</label>
        <input
          id="key-environment"
          name="environment"
          maxLength={100}
          defaultValue={values.environment}
          key={`environment-${values.environment}`}
          placeholder="production"
        />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </button>
      <p id="key-labels-help" className={styles.help}>
        Up to 100 characters each; leave a field empty to clear it.
      </p>
      {state.status === 'error' ? (
        <p role="alert" className={styles.error}>
          {state.message}
        </p>
      ) : (
        <p role="status" className={styles.saved}>
          {state.message}
        </p>
      )}
    </form>
  );
}

/** The label and environment for a viewer: the same facts, no form. */
export function KeyLabels({ label, environment }: { label: string | null; environment: string | null }) {
  return (
    <>
      <dl className={`${styles.form} ${styles.readOnly}`}>
        <div className={styles.field}>
          <dt>Label</dt>
          <dd>{label ?? <span className="muted">none</span>}</dd>
        </div>
        <div className={styles.field}>
          <dt>Environment</dt>
          <dd>{environment ?? <span className="muted">none</span>}</dd>
        </div>
      </dl>
      <p className={styles.help}>Only an admin can change these.</p>
    </>
  );
}

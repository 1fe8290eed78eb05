'use client';
// Creates an ingest or API token: name, kind, and access for API tokens. The new token is
// shown once below the form, from the action's answer.
import { useActionState, useState } from 'react';
import { type CreateTokenFormState, createTokenAction } from './actions';
import { NewTokenPanel } from './new-token-panel';
import styles from './tokens.module.css';

const initialState: CreateTokenFormState = { status: 'idle', version: 0 };

function FieldError({ id, problems }: { id: string; problems: string[] | undefined }) {
  if (!problems?.length) return null;
  return (
    <span id={id} className={styles.fieldError}>
      {problems.join('; ')}
    </span>
  );
}

export function CreateTokenForm({ maxNameLength }: { maxNameLength: number }) {
  const [state, formAction, pending] = useActionState(createTokenAction, initialState);
  const [kind, setKind] = useState(state.status === 'error' ? state.values.kind : 'ingest');
  // Each new token is shown until dismissed or until the next answer replaces it.
  const [dismissedVersion, setDismissedVersion] = useState<number | null>(null);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : { name: '', kind, access: 'read' };
  return (
    <>
      <form action={formAction} className={styles.form} key={state.version} aria-describedby="create-token-help">
        <div className={styles.field}>
          <label htmlFor="token-name">Name</label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={maxNameLength}
            defaultValue={values.name}
            placeholder="billing worker (production)"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'token-name-error' : undefined}
            autoComplete="off"
          />
          <FieldError id="token-name-error" problems={errors.name} />
        </div>
        <div className={styles.field}>
          <label htmlFor="token-kind">Kind</label>
          <select id="token-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} aria-invalid={errors.kind ? true : undefined}>
            <option value="ingest">Ingest: sends spans to /v1/traces</option>
            <option value="api">API: reads /api/v1</option>
          </select>
          <FieldError id="token-kind-error" problems={errors.kind} />
        </div>
        <div className={styles.field}>
          <label htmlFor="token-access">Access</label>
          <select
            id="token-access"
            name="access"
            defaultValue={values.access || 'read'}
            disabled={kind !== 'api'}
            aria-invalid={errors.access ? true : undefined}
            aria-describedby="token-access-help"
          >
            <option value="read">Read</option>
            <option value="read-write">Read-write: may also change labels and alert rules</option>
          </select>
          <span id="token-access-help" className={styles.help}>
            {kind === 'api' ? 'Read is enough for dashboards and scripts that only look.' : 'Ingest tokens can only send spans.'}
          </span>
          <FieldError id="token-access-error" problems={errors.access} />
        </div>
        <button type="submit" className={styles.submit} disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </button>
        <p id="create-token-help" className={styles.help}>
          Up to {maxNameLength} characters, unique among all tokens. The token is shown once, right after it is created.
        </p>
        {state.status === 'error' ? (
          <p role="alert" className={styles.formError}>
            {state.message}
          </p>
        ) : null}
      </form>
      {state.status === 'created' && dismissedVersion !== state.version ? (
        <NewTokenPanel created={state.created} onDismiss={() => setDismissedVersion(state.version)} />
      ) : null}
    </>
  );
}

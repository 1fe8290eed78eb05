'use client';
// Revoking takes two clicks: the first asks to confirm, right where the button was. The
// next request with the token is refused.
import { useActionState, useState } from 'react';
import type { RevokeTokenState } from './actions';
import styles from './tokens.module.css';

const initialState: RevokeTokenState = { status: 'idle', message: '' };

export interface RevokeTokenButtonProps {
  /** The server action, bound to the token's id. */
  action: (previous: RevokeTokenState, form: FormData) => Promise<RevokeTokenState>;
  tokenName: string;
}

export function RevokeTokenButton({ action, tokenName }: RevokeTokenButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState(action, initialState);
  if (!confirming) {
    return (
      <button type="button" className={styles.danger} onClick={() => setConfirming(true)} aria-label={`Revoke token ${tokenName}`}>
        Revoke
      </button>
    );
  }
  return (
    <form action={formAction} className={styles.actions}>
      <span>Revoke “{tokenName}”? Every client using it is refused from its next request.</span>
      <button type="submit" className={styles.danger} disabled={pending}>
        {pending ? 'Revoking…' : 'Yes, revoke'}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
      {state.status === 'error' ? (
        <span role="alert" className={styles.error}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

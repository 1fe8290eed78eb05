'use client';
// Deleting a rule takes two clicks: the first asks to confirm, right where the button was. A
// refusal (signed out, not an admin, database down) shows next to the buttons.
import { useActionState, useState } from 'react';
import { type DeleteAlertRuleState, deleteAlertRuleAction } from './actions';
import styles from './alerts.module.css';

const idle: DeleteAlertRuleState = { message: '' };

export function DeleteRuleButton({ ruleId, ruleName }: { ruleId: string; ruleName: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(deleteAlertRuleAction.bind(null, ruleId), idle);
  if (!confirming) {
    return (
      <button type="button" className={styles.danger} onClick={() => setConfirming(true)} aria-label={`Delete rule ${ruleName}`}>
        Delete
      </button>
    );
  }
  return (
    <form action={action} className={styles.actions}>
      <span role="alert">Delete “{ruleName}” with its history and delivery log?</span>
      <button type="submit" className={styles.danger} disabled={pending}>
        Yes, delete
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
      {state.message ? (
        <span role="alert" className="form-error">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

'use client';
// Deleting a rule takes two clicks: the first asks to confirm, right where the button was.
import { useState } from 'react';
import { deleteAlertRuleAction } from './actions';
import styles from './alerts.module.css';

export function DeleteRuleButton({ ruleId, ruleName }: { ruleId: string; ruleName: string }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className={styles.danger} onClick={() => setConfirming(true)} aria-label={`Delete rule ${ruleName}`}>
        Delete
      </button>
    );
  }
  return (
    <form action={deleteAlertRuleAction.bind(null, ruleId)} className={styles.actions}>
      <span role="alert">Delete “{ruleName}” with its history and delivery log?</span>
      <button type="submit" className={styles.danger}>
        Yes, delete
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </form>
  );
}

// /alerts/new — the form that creates an alert rule, with a preview of its metric on recent data.
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/current-user';
import { newAlertRuleFormValues } from '@/lib/dashboard/alerts/alert-rule-form';
import { loadAlertFormOptions } from '@/lib/dashboard/alerts/load-alert-form-options';
import { getDatabase } from '@/lib/db/client';
import { previewAlertRuleAction, saveAlertRuleAction } from '../actions';
import styles from '../alerts.module.css';
import { RuleForm } from '../rule-form';

export const dynamic = 'force-dynamic';

export default async function NewAlertRulePage() {
  await requireAdmin();
  const options = await loadAlertFormOptions(getDatabase(), Date.now());
  return (
    <>
      <h1>New alert rule</h1>
      <p className={styles.intro}>
        A rule watches a metric of your calls and notifies its channels once when the condition starts to hold and once when it ends.{' '}
        <Link href="/alerts">Back to alerts</Link>
      </p>
      <RuleForm
        action={saveAlertRuleAction.bind(null, null)}
        preview={previewAlertRuleAction}
        initial={newAlertRuleFormValues}
        options={options}
        submitLabel="Create rule"
      />
    </>
  );
}

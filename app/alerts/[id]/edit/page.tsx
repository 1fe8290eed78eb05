// /alerts/[id]/edit — the form that changes an alert rule, prefilled, with the preview.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getAlertRule } from '@/lib/alerts/alert-rules';
import { requireAdmin } from '@/lib/auth/current-user';
import { alertRuleToFormValues } from '@/lib/dashboard/alerts/alert-rule-form';
import { loadAlertFormOptions } from '@/lib/dashboard/alerts/load-alert-form-options';
import { getDatabase } from '@/lib/db/client';
import { previewAlertRuleAction, saveAlertRuleAction } from '../../actions';
import styles from '../../alerts.module.css';
import { DeleteRuleButton } from '../../delete-rule-button';
import { RuleForm } from '../../rule-form';

export const dynamic = 'force-dynamic';

export default async function EditAlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const db = getDatabase();
  const [rule, options] = await Promise.all([getAlertRule(db, id), loadAlertFormOptions(db, Date.now())]);
  if (!rule) notFound();
  return (
    <>
      <h1>Edit alert rule “{rule.name}”</h1>
      <div className={styles.intro}>
        <p>
          Saving replaces the rule; its current alerts keep their state. <Link href="/alerts">Back to alerts</Link>
        </p>
        <DeleteRuleButton ruleId={rule.id} ruleName={rule.name} />
      </div>
      <RuleForm
        action={saveAlertRuleAction.bind(null, rule.id)}
        preview={previewAlertRuleAction}
        initial={alertRuleToFormValues(rule)}
        options={options}
        submitLabel="Save changes"
      />
    </>
  );
}

'use server';
// The /alerts form's server actions: save a rule through the same validation as the API, delete
// one, and the preview of the rule being edited. Saving and deleting are for admins only; the
// preview only reads, so any signed-in user may ask for it.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminForAction, getCurrentUser } from '@/lib/auth/current-user';
import { createAlertRule, deleteAlertRule, updateAlertRule } from '@/lib/alerts/alert-rules';
import { alertRuleInputFromForm, type AlertRuleFormValues, formFieldErrors, readAlertRuleForm } from '@/lib/dashboard/alerts/alert-rule-form';
import { type AlertPreviewResult, loadAlertPreview } from '@/lib/dashboard/alerts/load-alert-preview';
import { getDatabase } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';

export interface AlertRuleFormState {
  status: 'idle' | 'error';
  message: string;
  /** Problems per input name ('' for the rule as a whole). */
  fieldErrors: Record<string, string[]>;
  /** What the user typed, shown again after a failed save. */
  values?: AlertRuleFormValues;
  /** Increases with every answer, so the inputs take the values above as their new defaults. */
  version: number;
}

/** Creates the rule (ruleId null) or replaces it; on success, back to /alerts. */
export async function saveAlertRuleAction(ruleId: string | null, previous: AlertRuleFormState, form: FormData): Promise<AlertRuleFormState> {
  const values = readAlertRuleForm(form);
  const { input, channelRows } = alertRuleInputFromForm(values);
  const failed = (message: string, fieldErrors: Record<string, string[]> = {}): AlertRuleFormState => ({
    status: 'error',
    message,
    fieldErrors,
    values,
    version: previous.version + 1,
  });
  const permission = await adminForAction();
  if (!permission.ok) return failed(`Not saved: ${permission.message}`);
  let savedId: string;
  try {
    const db = getDatabase();
    const result = ruleId === null ? await createAlertRule(db, input) : await updateAlertRule(db, ruleId, input);
    if (!result.ok) {
      if ('notFound' in result) return failed('Not saved: this rule no longer exists (it was deleted meanwhile).');
      const fieldErrors = formFieldErrors(result.fieldErrors, values, channelRows);
      const count = Object.keys(fieldErrors).length;
      return failed(`Not saved: ${count === 1 ? 'one field needs' : `${count} fields need`} attention.`, fieldErrors);
    }
    savedId = result.rule.id;
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return failed('Not saved: the database is unavailable. Try again shortly.');
  }
  // The rule list, its summary and the overview's firing panel all read rules.
  revalidatePath('/', 'layout');
  redirect(`/alerts#rule-${savedId}`);
}

/** What the delete button shows when the rule was not deleted. */
export interface DeleteAlertRuleState {
  message: string;
}

export async function deleteAlertRuleAction(ruleId: string, _previous: DeleteAlertRuleState): Promise<DeleteAlertRuleState> {
  const permission = await adminForAction();
  if (!permission.ok) return { message: `Not deleted: ${permission.message}` };
  try {
    await deleteAlertRule(getDatabase(), ruleId);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { message: 'Not deleted: the database is unavailable. Try again shortly.' };
  }
  revalidatePath('/', 'layout');
  redirect('/alerts');
}

/** The preview of the form as it stands (the same FormData a save would send). */
export async function previewAlertRuleAction(form: FormData): Promise<AlertPreviewResult> {
  if (!(await getCurrentUser())) return { ok: false, message: 'No preview: your session has ended; sign in again.' };
  const { input } = alertRuleInputFromForm(readAlertRuleForm(form));
  try {
    return await loadAlertPreview(getDatabase(), input, Date.now());
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { ok: false, message: 'No preview: the database is unavailable.' };
  }
}

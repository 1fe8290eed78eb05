'use server';
// The key page's label form: saves through the same validation as PATCH /api/v1/keys/{fingerprint}.
// Admins only: a viewer's form is not shown, and a posted one is refused here.
import { revalidatePath } from 'next/cache';
import { adminForAction } from '@/lib/auth/current-user';
import { saveKeyLabels } from '@/lib/dashboard/key/save-key-labels';
import { getDatabase } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';

export interface KeyLabelsFormState {
  status: 'idle' | 'saved' | 'error';
  message: string;
  /** What the inputs show next: the saved values, or what the user typed when saving failed. */
  values?: { label: string; environment: string };
}

export async function saveKeyLabelsAction(fingerprint: string, _previous: KeyLabelsFormState, form: FormData): Promise<KeyLabelsFormState> {
  const input = { label: form.get('label'), environment: form.get('environment') };
  const typed = { label: typeof input.label === 'string' ? input.label : '', environment: typeof input.environment === 'string' ? input.environment : '' };
  const permission = await adminForAction();
  if (!permission.ok) return { status: 'error', message: `Not saved: ${permission.message}`, values: typed };
  try {
    const result = await saveKeyLabels(getDatabase(), fingerprint, input);
    if (!result.ok) return { status: 'error', message: `Not saved: ${result.message}`, values: typed };
    // Labels show on this page, the keys list and every endpoint page's key table.
    revalidatePath('/', 'layout');
    const { label, environment } = result.key;
    return { status: 'saved', message: 'Saved.', values: { label: label ?? '', environment: environment ?? '' } };
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { status: 'error', message: 'Not saved: the database is unavailable. Try again shortly.', values: typed };
  }
}

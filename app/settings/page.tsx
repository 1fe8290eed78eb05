// /settings — opens the first tab.
import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/current-user';

export default async function SettingsPage() {
  await requireAdmin();
  redirect('/settings/users');
}

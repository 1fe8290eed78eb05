// /settings/* — admin-only: the tabs (users, API tokens) above each settings page. Each page
// calls requireAdmin() as well, because a layout is not re-run on navigation between its pages.
import type { ReactNode } from 'react';
import { requireAdmin } from '@/lib/auth/current-user';
import { SettingsTabs } from './settings-tabs';

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <>
      <h1>Settings</h1>
      <SettingsTabs />
      {children}
    </>
  );
}

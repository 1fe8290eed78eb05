// /account — the signed-in user's email and role, and the form to change their own password.
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/current-user';
import { minPasswordLength } from '@/lib/auth/schemas/user-request-schemas';
import styles from '@/app/settings/settings.module.css';
import { ChangePasswordForm } from './change-password-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your account · Faultline' };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Your account</h1>
      <p className={styles.intro}>
        Signed in as <strong>{user.email}</strong>, role <strong>{user.role}</strong>
        {user.role === 'admin' ? ' (can change everything).' : ' (can read everything; an admin can change your role).'}
      </p>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        <ChangePasswordForm email={user.email} minPasswordLength={minPasswordLength} />
      </section>
    </>
  );
}

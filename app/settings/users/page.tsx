// /settings/users — who may sign in to the dashboard and with which role: admins change
// everything, viewers only read. Admin-only.
import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth/current-user';
import { minPasswordLength } from '@/lib/auth/schemas/user-request-schemas';
import { getDatabase } from '@/lib/db/client';
import { listUsers } from '@/lib/db/users';
import styles from '../settings.module.css';
import { CreateUserForm } from './create-user-form';
import { UsersTable } from './users-table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Users · Settings · Faultline' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireAdmin();
  const users = await listUsers(getDatabase());
  const deleted = (await searchParams).deleted;
  return (
    <>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <p className={styles.intro}>
          Admins can change everything (rules, labels, users, tokens); viewers can read every page but change nothing. A new
          password or a deletion signs the user out everywhere at once.
        </p>
        {typeof deleted === 'string' ? (
          <p role="status" className={styles.notice}>
            Deleted {deleted}.
          </p>
        ) : null}
        <UsersTable users={users} meId={me.id} minPasswordLength={minPasswordLength} labelledBy="users-heading" />
      </section>
      <section aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Add a user</h2>
        <CreateUserForm minPasswordLength={minPasswordLength} />
      </section>
    </>
  );
}

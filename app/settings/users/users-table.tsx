// Every user with role, creation and last sign-in times, and the controls to change them; the
// signed-in admin's own row is marked "you" and offers only the account page.
import Link from 'next/link';
import { formatUtc } from '@/lib/dashboard/format-figures';
import type { StoredUser } from '@/lib/db/users';
import styles from '../settings.module.css';
import { DeleteUserButton } from './delete-user-button';
import { ResetPasswordForm } from './reset-password-form';
import { UserRoleForm } from './user-role-form';

interface UsersTableProps {
  users: StoredUser[];
  meId: number;
  minPasswordLength: number;
  labelledBy: string;
}

function Time({ at }: { at: Date | null }) {
  return at ? <time dateTime={at.toISOString()}>{formatUtc(at.getTime())}</time> : <span className="muted">never</span>;
}

export function UsersTable({ users, meId, minPasswordLength, labelledBy }: UsersTableProps) {
  return (
    <div className="table-wrap">
      <table className={styles.users} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isMe = user.id === meId;
            return (
              <tr key={user.id}>
                <th scope="row">
                  {user.email} {isMe ? <span className="badge">you</span> : null}
                </th>
                <td>{isMe ? user.role : <UserRoleForm userId={user.id} email={user.email} role={user.role} />}</td>
                <td>
                  <Time at={user.createdAt} />
                </td>
                <td>
                  <Time at={user.lastLoginAt} />
                </td>
                <td>
                  {isMe ? (
                    <Link href="/account">Change your password</Link>
                  ) : (
                    <div className={styles.actions}>
                      <ResetPasswordForm userId={user.id} email={user.email} minPasswordLength={minPasswordLength} />
                      <DeleteUserButton userId={user.id} email={user.email} />
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

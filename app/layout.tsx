// Root layout: page chrome shared by every dashboard page, and who is signed in.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getCurrentUserUnlessUnavailable } from '@/lib/auth/current-user';
import { signOutAction } from './login/actions';
import './globals.css';

export const metadata: Metadata = {
  title: 'Faultline',
  description: 'Error analytics for the REST APIs your apps call',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUserUnlessUnavailable();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            Faultline
          </Link>
          {user ? (
            <>
              <nav aria-label="Main">
                <Link href="/">Overview</Link>
                <Link href="/problems">Problems</Link>
                <Link href="/endpoints">Endpoints</Link>
                <Link href="/keys">API keys</Link>
                <Link href="/requests">Requests</Link>
                <Link href="/alerts">Alerts</Link>
                {user.role === 'admin' ? <Link href="/settings/users">Settings</Link> : null}
              </nav>
              <form action={signOutAction} className="user-menu">
                <span title={`Signed in as ${user.email} (${user.role})`}>
                  <Link href="/account">{user.email}</Link> <span className="muted">· {user.role}</span>
                </span>
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </form>
            </>
          ) : null}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}

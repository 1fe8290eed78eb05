// /login: the only page open without a session. A signed-in user is sent on to where they were going.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUserUnlessUnavailable } from '@/lib/auth/current-user';
import { safeNextPath } from '@/lib/auth/next-path';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in · Faultline' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeNextPath(typeof raw === 'string' ? raw : null);
  if (await getCurrentUserUnlessUnavailable()) redirect(next);
  return (
    <section className="panel login-panel">
      <h1>Sign in to Faultline</h1>
      <LoginForm next={next} />
      <p className="muted">
        The first admin&apos;s password is printed once when the server first starts, or set with FAULTLINE_ADMIN_EMAIL and
        FAULTLINE_ADMIN_PASSWORD.
      </p>
    </section>
  );
}

// The signed-in user for pages and server actions (Next's request cookies). proxy.ts already
// turned away requests without a valid session; pages and actions check again, because a
// check that lives only in the proxy is one matcher edit away from disappearing.
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDatabase } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';
import { loginPath, requestPathHeader } from './next-path';
import { type SessionUser, resolveSession, sessionCookieName } from './sessions';

/** One session lookup per request, however many components ask. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const secret = (await cookies()).get(sessionCookieName)?.value;
  return resolveSession(getDatabase(), secret, new Date());
});

/**
 * For what must render even while the database is down (the page chrome, the sign-in page):
 * null then, and the page below says "unavailable" through app/error.tsx.
 */
export async function getCurrentUserUnlessUnavailable(): Promise<SessionUser | null> {
  try {
    return await getCurrentUser();
  } catch (err) {
    if (isDatabaseUnavailable(err)) return null;
    throw err;
  }
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginPath((await headers()).get(requestPathHeader)));
  return user;
}

/** Pages only admins may see answer 403 (app/forbidden.tsx) for viewers. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== 'admin') forbidden();
  return user;
}

export type ActionPermission = { ok: true; user: SessionUser } | { ok: false; message: string };

/** For server actions that change something: the admin, or why not, to show in the form. */
export async function adminForAction(): Promise<ActionPermission> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Your session has ended; sign in again.' };
  if (user.role !== 'admin') return { ok: false, message: `Your role (${user.role}) can read but not change anything; ask an admin.` };
  return { ok: true, user };
}

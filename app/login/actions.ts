'use server';
// Sign-in and sign-out. Next checks that a server action's Origin is this server, so these
// forms cannot be posted from another site.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clientAddress } from '@/lib/auth/client-address';
import { safeNextPath } from '@/lib/auth/next-path';
import { isHttpsRequest, sessionCookieOptions } from '@/lib/auth/session-cookie';
import { endSession, sessionCookieName } from '@/lib/auth/sessions';
import { signIn } from '@/lib/auth/sign-in';
import { getDatabase } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';

export interface SignInFormState {
  message: string;
  email: string;
}

const signInForm = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(320, 'That email address is too long.'),
  password: z.string().min(1, 'Enter your password.').max(1024, 'That password is too long.'),
  next: z.string().max(2048).optional(),
});

export async function signInAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const parsed = signInForm.safeParse({
    email: form.get('email') ?? '',
    password: form.get('password') ?? '',
    next: form.get('next') ?? undefined,
  });
  const email = typeof form.get('email') === 'string' ? String(form.get('email')) : '';
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Enter your email and password.', email };
  const requestHeaders = await headers();
  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn(getDatabase(), { ...parsed.data, ip: clientAddress(requestHeaders) }, new Date());
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { message: 'Cannot sign in: the database is unavailable. Try again shortly.', email };
  }
  if (!result.ok) return { message: result.message, email };
  (await cookies()).set(sessionCookieName, result.secret, sessionCookieOptions(isHttpsRequest(requestHeaders)));
  redirect(safeNextPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  await endSession(getDatabase(), jar.get(sessionCookieName)?.value);
  jar.delete(sessionCookieName);
  redirect('/login');
}

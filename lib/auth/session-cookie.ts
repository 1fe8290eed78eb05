// Reading and writing the session cookie. Secure whenever the dashboard is reached over
// HTTPS (directly, behind a proxy that says so, or per FAULTLINE_PUBLIC_URL).
import { getEnv } from '@/lib/env';
import { sessionCookieName } from './session-cookie-name';
import { maxLifetimeMs } from './sessions';

export function sessionSecretFromCookieHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookieName) return value.join('=');
  }
  return undefined;
}

export function isHttpsRequest(headers: Headers, url?: string): boolean {
  if (getEnv().FAULTLINE_PUBLIC_URL?.startsWith('https:')) return true;
  if (headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return url?.startsWith('https:') ?? false;
}

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  maxAge: number;
}

/** Lax, not Strict: a link to a dashboard page from chat or email must arrive signed in. */
export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.floor(maxLifetimeMs / 1000) };
}

// CSRF defence for cookie-authenticated changes: the browser's Origin must be this server
// (as the Host header or FAULTLINE_PUBLIC_URL names it). The same check Next applies to server
// actions, applied to route handlers; SameSite=Lax cookies are the second layer.
import { getEnv } from '@/lib/env';

export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  for (const host of [forwarded, headers.get('host')]) if (host) allowed.add(host.toLowerCase());
  const publicUrl = getEnv().FAULTLINE_PUBLIC_URL;
  if (publicUrl) allowed.add(new URL(publicUrl).host.toLowerCase());
  return allowed.has(originHost.toLowerCase());
}

// On first start (no user at all), creates the first admin: from FAULTLINE_ADMIN_EMAIL and
// FAULTLINE_ADMIN_PASSWORD when set, otherwise admin@faultline.local with a generated password
// that is returned once for the start-up banner (only its hash is stored).
import { randomBytes } from 'node:crypto';
import type { Database } from '@/lib/db/client';
import { countUsers, insertUser } from '@/lib/db/users';
import { getEnv } from '@/lib/env';
import { hashPassword } from './password-hash';
import { normalizeEmail } from './sign-in';

export const defaultAdminEmail = 'admin@faultline.local';

export type BootstrapAdmin =
  | { source: 'existing' }
  | { source: 'environment'; email: string }
  | { source: 'generated'; email: string; password: string };

export async function ensureAdminUser(db: Database): Promise<BootstrapAdmin> {
  if ((await countUsers(db)) > 0) return { source: 'existing' };
  const env = getEnv();
  const email = normalizeEmail(env.FAULTLINE_ADMIN_EMAIL ?? defaultAdminEmail);
  const password = env.FAULTLINE_ADMIN_PASSWORD ?? randomBytes(15).toString('base64url');
  // Another replica starting at the same moment may win; then its admin is the first one.
  const created = await insertUser(db, { email, passwordHash: await hashPassword(password), role: 'admin' });
  if (!created) return { source: 'existing' };
  return env.FAULTLINE_ADMIN_PASSWORD ? { source: 'environment', email } : { source: 'generated', email, password };
}

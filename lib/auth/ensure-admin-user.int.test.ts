// The first admin: generated and shown once when nothing is configured, taken from the
// environment otherwise, and never touched again once a user exists.
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { banner } from '@/lib/server/prepare-server';
import { setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { defaultAdminEmail, ensureAdminUser } from './ensure-admin-user';
import { signIn } from './sign-in';

const env = setUpRouteTestEnvForFile();

afterEach(async () => {
  delete process.env.FAULTLINE_ADMIN_EMAIL;
  delete process.env.FAULTLINE_ADMIN_PASSWORD;
  resetEnvForTests();
  await env.t.db.prisma.user.deleteMany();
});

describe('ensureAdminUser', () => {
  it('generates an admin with a password shown once, which signs in', async () => {
    const first = await ensureAdminUser(env.t.db);
    if (first.source !== 'generated') throw new Error(`expected a generated admin, got ${first.source}`);
    expect(first.email).toBe(defaultAdminEmail);
    expect(first.password.length).toBeGreaterThanOrEqual(20);
    const lines = banner('http://localhost:3000', [], first).join('\n');
    expect(lines).toContain(`sign in as:    ${defaultAdminEmail}  password: ${first.password}  (shown once`);
    expect(await ensureAdminUser(env.t.db)).toEqual({ source: 'existing' });
    const stored = JSON.stringify(await env.t.db.prisma.user.findMany());
    expect(stored).not.toContain(first.password);
    const result = await signIn(env.t.db, { email: first.email, password: first.password, ip: '' }, new Date());
    expect(result.ok && result.user.role).toBe('admin');
  });

  it('takes the email and password from the environment, lower-casing the email', async () => {
    process.env.FAULTLINE_ADMIN_EMAIL = 'Ops@Example.com';
    process.env.FAULTLINE_ADMIN_PASSWORD = 'a-long-admin-password';
    resetEnvForTests();
    const created = await ensureAdminUser(env.t.db);
    expect(created).toEqual({ source: 'environment', email: 'ops@example.com' });
    expect(banner('http://x', [], created).join('\n')).not.toContain('a-long-admin-password');
    const result = await signIn(env.t.db, { email: 'ops@example.com', password: 'a-long-admin-password', ip: '' }, new Date());
    expect(result.ok).toBe(true);
  });

  it('leaves existing users alone even when the environment names another admin', async () => {
    await ensureAdminUser(env.t.db);
    process.env.FAULTLINE_ADMIN_EMAIL = 'later@example.com';
    process.env.FAULTLINE_ADMIN_PASSWORD = 'another-long-password';
    resetEnvForTests();
    expect(await ensureAdminUser(env.t.db)).toEqual({ source: 'existing' });
    expect(await env.t.db.prisma.user.count()).toBe(1);
  });
});

// Sign-in rate limiting in the browser: after the configured number of wrong passwords for an
// account, even the right one is refused with how long to wait; once the window has passed,
// the right password signs in again. Waits for that recovery, so later specs (and the saved
// admin session) are unaffected.
import { expect, type Page, test } from '@playwright/test';
import { e2eAdmin, e2eLoginLimits } from '../playwright.config';

test.use({ storageState: { cookies: [], origins: [] } });

/** Submits the form and waits for the server's answer (the message may read the same as before). */
async function submit(page: Page, password: string): Promise<void> {
  const passwordField = page.getByLabel('Password');
  // React empties the form once the previous answer is shown; typing before that would be wiped.
  await expect(passwordField).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await page.getByLabel('Email').fill(e2eAdmin.email);
  await passwordField.fill(password);
  const answered = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await answered;
}

test('too many wrong passwords lock the account for a while, then it signs in again', async ({ page }) => {
  test.setTimeout(60_000);
  const { maxFailures, lockoutSeconds } = e2eLoginLimits;
  await page.goto('/login');
  // Next's route announcer is an (empty) alert too.
  const message = page.getByRole('alert').filter({ hasText: /\S/ });

  for (let attempt = 1; attempt <= maxFailures; attempt += 1) {
    await submit(page, `wrong-password-${attempt}`);
    await expect(message, `attempt ${attempt}`).toHaveText('Email or password is incorrect.');
  }

  await submit(page, e2eAdmin.password);
  await expect(message).toHaveText(/^Too many failed sign-ins for this account\. Try again in \d+ seconds?\.$/);
  const wait = Number(/in (\d+) second/.exec((await message.textContent()) ?? '')?.[1]);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(lockoutSeconds);
  await expect(page).toHaveURL(/\/login$/);

  // A refused attempt is not a failure of its own, so retrying does not extend the lock.
  await expect(async () => {
    await submit(page, e2eAdmin.password);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: (lockoutSeconds + 10) * 1000, intervals: [1_000] });
  await expect(page).not.toHaveURL(/\/login/);
});

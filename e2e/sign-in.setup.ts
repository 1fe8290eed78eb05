// Signs in as the e2e admin through the real /login form (after being sent there from a
// protected page) and saves the browser state every other spec starts from.
import { expect, test as setup } from '@playwright/test';
import { adminStorageState, e2eAdmin } from '../playwright.config';

setup('sign in through the login form', async ({ page }) => {
  await page.goto('/requests?status=401');
  await expect(page).toHaveURL(/\/login\?next=%2Frequests%3Fstatus%3D401$/);
  await page.getByLabel('Email').fill(e2eAdmin.email);
  await page.getByLabel('Password').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/requests\?status=401$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.context().storageState({ path: adminStorageState });
});

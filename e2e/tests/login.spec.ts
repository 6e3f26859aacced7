import { expect, test } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../support/sign-in.js';

// These specs start signed out: they are about signing in.
test.use({ storageState: { cookies: [], origins: [] } });

test('a signed-out visitor is sent to the login page, and a wrong password is refused there', async ({
  page,
}) => {
  await page.goto('/projects?q=echo');
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByRole('heading', { name: 'Sign in to Wharf' })).toBeVisible();
  await page.getByLabel('Admin password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('signing in with the admin password returns the user to the page they asked for', async ({
  page,
}) => {
  await page.goto('/projects?q=echo');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Admin password').fill(E2E_ADMIN_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/projects\?q=echo$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
});

test('signing out ends the session: the next visit asks to sign in again', async ({ page }) => {
  const res = await page.request.post('/api/v1/auth/login', {
    headers: { 'x-wharf-csrf': '1' },
    data: { password: E2E_ADMIN_PASSWORD },
  });
  expect(res.ok()).toBe(true);
  await page.goto('/projects');
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  const out = await page.request.post('/api/v1/auth/logout', { headers: { 'x-wharf-csrf': '1' } });
  expect(out.ok()).toBe(true);
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/login/);
});

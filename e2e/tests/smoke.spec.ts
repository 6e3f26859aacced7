import { expect, test } from '@playwright/test';

test('the app shell loads with its banner, heading and cluster connection state', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('banner')).toContainText('Wharf');
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  await expect(page.getByText(/cluster: (connected|not connected)/)).toBeVisible();
});

test('the colour scheme toggle switches between light and dark', async ({ page }) => {
  await page.goto('/');
  const toDark = page.getByRole('button', { name: 'Switch to dark mode' });
  const toLight = page.getByRole('button', { name: 'Switch to light mode' });
  if (await toLight.isVisible()) await toLight.click();
  await toDark.click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await expect(page.locator('html')).toHaveClass(/light/);
});

import { expect } from '@playwright/test';
import { ProjectPage } from '../pages/project-page.js';
import { kubectl } from '../support/kube.js';
import { test } from '../support/kargo-test.js';

// Starts signed out and signs in with a kargo-viewer ServiceAccount token, as a CLI-minded user would.
test.use({ storageState: { cookies: [], origins: [] } });

async function viewerToken(project: string): Promise<string> {
  // Kargo's default roles are made when the Project is admitted; allow the controller a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      return (await kubectl(['create', 'token', 'kargo-viewer', '-n', project])).trim();
    } catch (err) {
      if (attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

test('a kargo-viewer sees Promote disabled with the reason, and the API refuses the promotion', async ({
  page,
  fixture,
}) => {
  const token = await viewerToken(fixture.name);
  await page.goto(`/login?method=token&next=/projects/${fixture.name}`);
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const project = new ProjectPage(page, fixture.name);
  await expect(page.getByRole('heading', { level: 1, name: fixture.name })).toBeVisible();

  const promote = project.stage('test').getByRole('button', { name: 'Promote to test' });
  await expect(promote).toBeDisabled();
  await promote.locator('..').hover();
  await expect(page.getByRole('tooltip')).toContainText(/promote/i);

  const res = await page.request.post(`/api/v1/projects/${fixture.name}/stages/test/promotions`, {
    headers: { 'x-wharf-csrf': '1' },
    data: { freight: fixture.freight.new },
  });
  expect(res.status()).toBe(403);
  const promotions = await kubectl(['get', 'promotions', '-n', fixture.name, '-o', 'name']);
  expect(promotions.trim()).toBe('');
});

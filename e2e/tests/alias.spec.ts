import { ProjectPage } from '../pages/project-page.js';
import { kubectl } from '../support/kube.js';
import { expect, test } from '../support/kargo-test.js';

test('renaming a freight alias in its drawer patches the field and the label, and the card follows', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await project.openFreight('new-newt');
  await page.getByRole('textbox', { name: 'Alias' }).fill('shiny-shark');
  await page.getByRole('button', { name: 'Save alias' }).click();
  await expect(page.getByRole('heading', { name: 'Freight shiny-shark' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(project.freightCard('shiny-shark')).toBeVisible();
  const stored = JSON.parse(
    await kubectl(['get', 'freight', fixture.freight.new, '-n', fixture.name, '-o', 'json']),
  ) as {
    alias: string;
    metadata: { labels: Record<string, string> };
  };
  expect(stored.alias).toBe('shiny-shark');
  expect(stored.metadata.labels['kargo.akuity.io/alias']).toBe('shiny-shark');
});

test('an alias already used in the project is refused with a readable message and nothing changes', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await project.openFreight('new-newt');
  await page.getByRole('textbox', { name: 'Alias' }).fill('old-otter');
  await page.getByRole('button', { name: 'Save alias' }).click();
  await expect(page.getByText(/old-otter/).filter({ hasText: /use|taken|already/i })).toBeVisible();
  const alias = await kubectl([
    'get',
    'freight',
    fixture.freight.new,
    '-n',
    fixture.name,
    '-o',
    'jsonpath={.alias}',
  ]);
  expect(alias).toBe('new-newt');
});

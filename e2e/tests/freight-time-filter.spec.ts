import { ProjectPage } from '../pages/project-page.js';
import { expect, test } from '../support/kargo-test.js';

test('the discovered-time filter hides freight older than the window, and the window lives in the URL', async ({
  page,
  fixture,
}) => {
  // The fixture's freight appears now; the browser lives three hours later, so it is 3 h old.
  await page.clock.setFixedTime(Date.now() + 3 * 3600_000);
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  const timeline = page.getByRole('region', { name: 'Freight timeline' });
  const filter = timeline.getByRole('combobox', { name: 'Discovered' });
  await expect(project.freightCard('new-newt')).toBeVisible();
  await expect(timeline.getByRole('heading', { name: 'Freight (2)' })).toBeVisible();

  await filter.click();
  await page.getByRole('option', { name: 'Last hour' }).click();
  await expect(page).toHaveURL(/[?&]since=hour/);
  await expect(timeline.getByText('No freight matches these filters.')).toBeVisible();
  await expect(project.freightCard('new-newt')).toHaveCount(0);

  await filter.click();
  await page.getByRole('option', { name: 'Last 24 hours' }).click();
  await expect(page).toHaveURL(/[?&]since=day/);
  await expect(project.freightCard('new-newt')).toBeVisible();
  await expect(project.freightCard('old-otter')).toBeVisible();

  // A link to the filtered view opens filtered.
  await project.goto('?since=hour');
  await expect(filter).toHaveText('Last hour');
  await expect(timeline.getByRole('heading', { name: 'Freight (0 of 2)' })).toBeVisible();

  await filter.click();
  await page.getByRole('option', { name: 'Any time' }).click();
  await expect(page).not.toHaveURL(/since=/);
  await expect(timeline.getByRole('heading', { name: 'Freight (2)' })).toBeVisible();
});

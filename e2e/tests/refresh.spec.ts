import { ProjectPage } from '../pages/project-page.js';
import { kubectl, patchStatus } from '../support/kube.js';
import { expect, test } from '../support/kargo-test.js';

test('refreshing a warehouse sets the refresh annotation and shows pending until the controller reports it handled', async ({
  page,
  fixture,
}) => {
  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await project.warehouse('shop').getByRole('button', { name: 'Refresh shop' }).click();
  let requested = '';
  await expect
    .poll(
      async () =>
        (requested = await kubectl([
          'get',
          'warehouse',
          'shop',
          '-n',
          fixture.name,
          '-o',
          "jsonpath={.metadata.annotations['kargo\\.akuity\\.io/refresh']}",
        ])),
    )
    .not.toBe('');
  const handled = await kubectl([
    'get',
    'warehouse',
    'shop',
    '-n',
    fixture.name,
    '-o',
    'jsonpath={.status.lastHandledRefresh}',
  ]);
  if (handled !== requested) {
    // No controller has handled it yet: the button must say so; then do what Kargo's controller does.
    await expect(
      project.warehouse('shop').getByRole('button', { name: 'Refreshing shop' }),
    ).toBeDisabled();
    await patchStatus('warehouse', 'shop', fixture.name, { lastHandledRefresh: requested });
  }
  await expect(project.warehouse('shop').getByRole('button', { name: 'Refresh shop' })).toBeEnabled(
    { timeout: 15_000 },
  );
});

import type { APIRequestContext } from '@playwright/test';
import { expectFollowsPromotion } from '../pages/promote-flow.js';
import { ProjectPage } from '../pages/project-page.js';
import { kubectl } from '../support/kube.js';
import { phaseOf, promotionsOf } from '../support/promotions.js';
import { expect, test } from '../support/kargo-test.js';

/** Promotes through the BFF as the signed-in admin and waits until Kubernetes says it succeeded. */
async function promoteAndWait(request: APIRequestContext, project: string, freight: string) {
  const res = await request.post(`/api/v1/projects/${project}/stages/test/promotions`, {
    headers: { 'x-wharf-csrf': '1' },
    data: { freight },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  await expect
    .poll(
      async () => {
        const [promo] = (await promotionsOf(project, 'test')).filter(
          (p) => p.spec.freight === freight,
        );
        return promo ? phaseOf(project, promo.metadata.name) : 'none';
      },
      { timeout: 30_000 },
    )
    .toBe('Succeeded');
}

test('rolling back from the freight history re-promotes the older freight and it becomes current', async ({
  page,
  fixture,
}) => {
  // A step the embedded controller really runs, so promotions succeed and build a history.
  await kubectl([
    'patch',
    'stage',
    'test',
    '-n',
    fixture.name,
    '--type=merge',
    '-p',
    JSON.stringify({
      spec: {
        promotionTemplate: {
          spec: { steps: [{ uses: 'compose-output', config: { deployed: 'yes' } }] },
        },
      },
    }),
  ]);
  await promoteAndWait(page.request, fixture.name, fixture.freight.old);
  await promoteAndWait(page.request, fixture.name, fixture.freight.new);

  const project = new ProjectPage(page, fixture.name);
  await project.goto();
  await project.openStage('test');
  await page.getByRole('tab', { name: 'Freight history' }).click();
  const history = page.getByRole('list', { name: 'Freight history' });
  await expect(history.getByText('new-newt')).toBeVisible();
  await history.getByRole('button', { name: 'Roll back to old-otter' }).click();
  const dialog = project.promoteDialog();
  await expect(page).toHaveURL(new RegExp(`promote=test&freight=${fixture.freight.old}`));
  await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
  await expectFollowsPromotion(page, fixture.name, 'test', fixture.freight.old);

  await expect
    .poll(
      () =>
        kubectl([
          'get',
          'stage',
          'test',
          '-n',
          fixture.name,
          '-o',
          'jsonpath={.status.freightHistory[0].items.Warehouse/shop.name}',
        ]),
      { timeout: 30_000 },
    )
    .toBe(fixture.freight.old);
});

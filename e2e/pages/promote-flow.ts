import { expect, type Page } from '@playwright/test';
import { phaseOf, promotionsOf } from '../support/promotions.js';

/** After a confirmed promotion: the page follows the real Promotion Kubernetes now holds. */
export async function expectFollowsPromotion(
  page: Page,
  project: string,
  stage: string,
  freight: string,
) {
  await expect(page.getByRole('heading', { name: `Promotion to ${stage}` })).toBeVisible();
  // The newest Promotion of this freight (names sort in creation order) is the one the page follows;
  // an older one may exist, e.g. when rolling back to freight promoted before.
  const newest = async () =>
    (await promotionsOf(project, stage))
      .filter((p) => p.spec.freight === freight)
      .map((p) => p.metadata.name)
      .sort()
      .at(-1);
  await expect(page).toHaveURL(/\/promotions\/[^/?]+/);
  await expect
    .poll(async () => page.url().includes(`/promotions/${(await newest()) ?? '-'}`))
    .toBe(true);
  const name = await newest();
  if (!name) throw new Error('no promotion was created');
  // The phase on screen is the one Kubernetes has (it may move on while we look: compare until equal).
  await expect
    .poll(async () => {
      const shown = await page
        .getByRole('status', { name: /^Promotion phase:/ })
        .getAttribute('aria-label');
      return shown === `Promotion phase: ${await phaseOf(project, name)}`;
    })
    .toBe(true);
  return name;
}

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
  await expect
    .poll(async () => (await promotionsOf(project, stage)).map((p) => p.spec.freight))
    .toContain(freight);
  const [created] = (await promotionsOf(project, stage)).filter((p) => p.spec.freight === freight);
  if (!created) throw new Error('no promotion was created');
  await expect(page).toHaveURL(
    new RegExp(`/promotions/${created.metadata.name.replace(/\./g, '\\.')}`),
  );
  // The phase on screen is the one Kubernetes has (it may move on while we look: compare until equal).
  await expect
    .poll(async () => {
      const shown = await page
        .getByRole('status', { name: /^Promotion phase:/ })
        .getAttribute('aria-label');
      return shown === `Promotion phase: ${await phaseOf(project, created.metadata.name)}`;
    })
    .toBe(true);
  return created.metadata.name;
}

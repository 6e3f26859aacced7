import { promoteToNewStage } from '../support/promote-through-dialog.js';
import { phaseOf } from '../support/promotions.js';
import { expect, test } from '../support/kargo-test.js';

test('a promotion whose step fails shows the failing step and its message, and offers a retry', async ({
  page,
  fixture,
}) => {
  const promotion = await promoteToNewStage(
    page,
    fixture,
    'broken',
    `      - as: deploy
        uses: fail
        config: {message: "the cluster said no"}`,
  );
  // Whatever ran it (Kargo or the embedded stand-in) decides the phase; the page must show it.
  await expect
    .poll(() => phaseOf(fixture.name, promotion.metadata.name), { timeout: 30_000 })
    .toMatch(/Failed|Errored/);
  await expect(
    page.getByRole('status', { name: /^Promotion phase: (Failed|Errored)$/ }),
  ).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Failed at step deploy' })).toContainText(
    'the cluster said no',
  );
  await expect(page.getByRole('button', { name: 'Retry' })).toBeEnabled();
});

import { promoteToNewStage } from '../support/promote-through-dialog.js';
import { phaseOf } from '../support/promotions.js';
import { expect, test } from '../support/kargo-test.js';

test('each promotion step shows its config as written and the output it stored, as YAML', async ({
  page,
  fixture,
}) => {
  const promotion = await promoteToNewStage(
    page,
    fixture,
    'composed',
    `      - as: compose
        uses: compose-output
        config: {greeting: hello, target: "\${{ ctx.stage }}"}`,
  );
  await expect
    .poll(() => phaseOf(fixture.name, promotion.metadata.name), { timeout: 30_000 })
    .toBe('Succeeded');
  await expect(page.getByRole('status', { name: 'Promotion phase: Succeeded' })).toBeVisible();

  const toggle = page.getByRole('button', { name: 'Details of step compose' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const details = page.getByRole('region', { name: 'Step compose details' });
  // The config is the Promotion's spec as written; the output is what the step produced from it.
  const config = details.getByLabel('Config of compose');
  await expect(config).toContainText('greeting: hello');
  await expect(config).toContainText('target: ${{ ctx.stage }}');
  const output = details.getByLabel('Output of compose');
  await expect(output).toContainText('greeting: hello');
  await expect(output).toContainText('target: composed');

  await toggle.click();
  await expect(details).toHaveCount(0);
});

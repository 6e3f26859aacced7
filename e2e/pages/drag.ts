import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Drags like a person: press, move in steps, wait until the target says it accepts the drop, release.
 * (A single-step drag can release before the browser learned the target accepts it.)
 */
export async function dragFreightOnto(
  page: Page,
  card: Locator,
  target: Locator,
  expectHint: string | RegExp,
) {
  await card.hover();
  await page.mouse.down();
  const box = await target.boundingBox();
  if (!box) throw new Error('drop target is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.move(box.x + box.width / 2 + 5, box.y + box.height / 2 + 5, { steps: 4 });
  await expect(target.getByRole('status')).toHaveText(expectHint);
  await page.mouse.up();
}

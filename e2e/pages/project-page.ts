import { expect, type Locator, type Page } from '@playwright/test';

/** The pipeline screen of one project: graph, freight timeline, drawers, promote dialog. */
export class ProjectPage {
  constructor(
    readonly page: Page,
    readonly project: string,
  ) {}

  async goto(query = '') {
    await this.page.goto(`/projects/${this.project}${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: this.project })).toBeVisible();
  }

  stage(name: string): Locator {
    return this.page.getByRole('group', { name: `Stage ${name}` });
  }

  /** A stage card's title bar, which shows the stage's colour. */
  stageTitle(name: string): Locator {
    return this.stage(name)
      .locator('div')
      .filter({ hasText: new RegExp(`^${name}`) })
      .first();
  }

  warehouse(name: string): Locator {
    return this.page.getByRole('group', { name: `Warehouse ${name}` });
  }

  freightCard(alias: string): Locator {
    return this.page
      .getByRole('region', { name: 'Freight timeline' })
      .getByLabel(`Freight ${alias}`, { exact: true });
  }

  drawer(title: string): Locator {
    return this.page
      .getByRole('presentation')
      .filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  promoteDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Promote/ });
  }

  async openStage(name: string) {
    await this.page.getByRole('button', { name: `Open stage ${name}` }).click();
    await expect(this.page.getByRole('heading', { name: `Stage ${name}` })).toBeVisible();
  }

  async openFreight(alias: string) {
    await this.page
      .getByRole('button', { name: `Open freight ${alias}` })
      .first()
      .click();
    await expect(this.page.getByRole('heading', { name: `Freight ${alias}` })).toBeVisible();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

export class ProjectsPage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  }

  tile(project: string): Locator {
    return this.page
      .getByRole('list', { name: 'Projects' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: `Open project ${project}` }) });
  }

  filter(): Locator {
    return this.page.getByRole('textbox', { name: 'Filter projects' });
  }
}

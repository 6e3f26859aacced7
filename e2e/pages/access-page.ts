import { expect, type Locator, type Page } from '@playwright/test';

/** Project settings → Access: roles table, role editor, grant dialog, API tokens. */
export class AccessPage {
  constructor(
    readonly page: Page,
    readonly project: string,
  ) {}

  async goto(query = '') {
    await this.page.goto(`/projects/${this.project}/settings/access${query}`);
    await expect(this.page.getByRole('tab', { name: 'Roles' })).toBeVisible();
  }

  async gotoRole(name: string) {
    await this.page.goto(`/projects/${this.project}/settings/access/roles/${name}`);
    await expect(this.page.getByRole('heading', { level: 1, name: `Role ${name}` })).toBeVisible();
  }

  get rolesTable(): Locator {
    return this.page.getByRole('table', { name: 'Roles' });
  }

  row(role: string): Locator {
    return this.rolesTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: role, exact: true }) });
  }

  /** Chooses options of an MUI select (single or multiple) by its accessible name. */
  async choose(label: string, options: string[], multiple = false) {
    await this.page.getByRole('combobox', { name: label }).click();
    for (const o of options) await this.page.getByRole('option', { name: o, exact: true }).click();
    if (multiple) await this.page.keyboard.press('Escape');
  }

  async createRole(opts: { name: string; claims: [string, string][]; promoterFor?: string[] }) {
    await this.page.getByRole('link', { name: 'New role' }).click();
    await this.page.getByRole('textbox', { name: 'Name' }).fill(opts.name);
    for (const [i, [claim, values]] of opts.claims.entries()) {
      await this.page.getByRole('button', { name: 'Add claim' }).click();
      await this.page.getByRole('combobox', { name: `Claim ${i + 1} name` }).fill(claim);
      await this.page.getByRole('textbox', { name: `Claim ${i + 1} values` }).fill(values);
    }
    if (opts.promoterFor) {
      await this.choose('Preset', ['Promoter for these stages']);
      await this.choose('Stages to promote to', opts.promoterFor, true);
      await this.page.getByRole('button', { name: 'Use preset' }).click();
    }
    await this.page.getByRole('button', { name: 'Create role' }).click();
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }
}

import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ProjectPage } from './project-page.js';

/** Signs in through the login page's single sign-on; the provider's form shows only without a session there. */
export async function signInWithSso(page: Page, email: string): Promise<void> {
  await page.getByRole('link', { name: 'Sign in with SSO' }).click();
  const form = page.getByRole('heading', { name: 'Test identity provider' });
  const signedIn = page.getByRole('button', { name: /^Account: / });
  await expect(form.or(signedIn)).toBeVisible();
  if (await form.isVisible()) {
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
}

/**
 * One SSO user's session on one page of a project, as the user lives it: signed in with short ID
 * tokens, using the page past their expiry, and sent back to sign in when the session ends.
 * `appUrl` is where Wharf is served (ending in `/`, a sub-path included); paths are the app's.
 */
export class SsoSession {
  readonly refreshes: number[] = [];
  sockets = 0;
  readonly signInPages: string[] = [];
  readonly board: ProjectPage;
  private signedInAt = 0;

  constructor(
    readonly page: Page,
    readonly opts: { appUrl: string; email: string; project: string; idTokenMs: number },
  ) {
    this.board = new ProjectPage(page, opts.project);
    page.on('response', (r) => {
      if (r.url().endsWith('/api/v1/auth/refresh')) this.refreshes.push(r.status());
    });
    page.on('websocket', () => this.sockets++);
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame() && new URL(f.url()).pathname.endsWith('/login')) {
        this.signInPages.push(f.url());
      }
    });
  }

  /** The address of an app path, e.g. `/projects/p?q=x`. */
  at(path: string): string {
    return new URL(path.replace(/^\//, ''), this.opts.appUrl).href;
  }

  signInPageFor(path: string): string {
    return this.at(`/login?next=${encodeURIComponent(path)}`);
  }

  /** Opens sign-in on its way to `path` and signs in with SSO; lands on `path`. */
  async signIn(path: string, stage: string): Promise<void> {
    await this.page.goto(this.signInPageFor(path));
    this.signedInAt = Date.now();
    await this.signInAgain(path, stage);
    this.signInPages.length = 0;
  }

  /** On the sign-in page already: SSO, then back on `path`. */
  async signInAgain(path: string, stage: string): Promise<void> {
    await signInWithSso(this.page, this.opts.email);
    await expect(this.page).toHaveURL(this.at(path));
    await expect(this.board.stage(stage)).toBeVisible();
  }

  /**
   * Past the first ID token's expiry with no sign-in prompt: the page refreshed by itself (halfway
   * through each token, not in a loop), API calls answer, the socket reconnected with the new
   * cookie, and a change made with `recolour` (to #c62828) still arrives live on `stage`.
   */
  async keepsWorkingPastExpiry(stage: string, recolour: () => Promise<unknown>): Promise<void> {
    const { idTokenMs, email } = this.opts;
    await expect.poll(() => this.refreshes, { timeout: idTokenMs }).toContain(200);
    await expect
      .poll(() => Date.now(), { timeout: idTokenMs })
      .toBeGreaterThan(this.signedInAt + idTokenMs + 1_000);
    const me = await this.page.evaluate(async () => {
      const res = await fetch('api/v1/auth/me');
      return { status: res.status, body: (await res.json()) as { username?: string } };
    });
    expect(me).toMatchObject({ status: 200, body: { username: email } });
    expect(this.sockets).toBeGreaterThan(1);
    await recolour();
    await expect(this.board.stageTitle(stage)).toHaveCSS('background-color', 'rgb(198, 40, 40)', {
      timeout: 15_000,
    });
    expect(this.signInPages).toEqual([]);
    expect(this.refreshes.every((s) => s === 200)).toBe(true);
    expect(this.refreshes.length).toBeLessThanOrEqual(4);
  }

  /** With no click: the page went to sign-in on its own, carrying `path`. */
  async returnedToSignIn(path: string): Promise<void> {
    await expect(this.page).toHaveURL(this.signInPageFor(path), {
      timeout: this.opts.idTokenMs,
    });
  }
}

/** Signs the same sign-in out from another browser context holding a copy of its cookies. */
export async function signOutElsewhere(
  browser: Browser,
  from: BrowserContext,
  appUrl: string,
): Promise<void> {
  const other = await browser.newContext({
    storageState: await from.storageState(),
    ignoreHTTPSErrors: true,
  });
  try {
    const page = await other.newPage();
    await page.goto(new URL('healthz', appUrl).href);
    const status = await page.evaluate(
      async () =>
        (await fetch('api/v1/auth/logout', { method: 'POST', headers: { 'x-wharf-csrf': '1' } }))
          .status,
    );
    expect(status).toBe(200);
  } finally {
    await other.close();
  }
}

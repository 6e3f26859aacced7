import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

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

/** What the page did about its session: refreshes answered, sockets opened, visits to sign-in. */
export function watchSession(page: Page) {
  const seen = { refreshes: [] as number[], sockets: 0, signInPages: [] as string[] };
  page.on('response', (r) => {
    if (r.url().endsWith('/api/v1/auth/refresh')) seen.refreshes.push(r.status());
  });
  page.on('websocket', () => seen.sockets++);
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && new URL(f.url()).pathname.endsWith('/login')) {
      seen.signInPages.push(f.url());
    }
  });
  return seen;
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

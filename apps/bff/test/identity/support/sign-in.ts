import { TestBrowser } from './browser.js';
import { ADMIN_PASSWORD, type TestApp } from './test-app.js';

/** A browser signed in through the real OIDC code flow as a user with these claims. */
export async function oidcBrowser(
  app: TestApp,
  email: string,
  groups: string[] = [],
): Promise<TestBrowser> {
  const sub = email.split('@')[0] ?? email;
  app.idp.accounts.set(sub, { email, groups });
  app.idp.loginAs(sub);
  const browser = new TestBrowser();
  const last = await browser.navigate(`${app.url}/api/v1/auth/oidc/login`);
  if (!browser.cookies.has('wharf_session')) {
    throw new Error(`OIDC sign-in of ${email} failed: ${last.status} ${await last.text()}`);
  }
  return browser;
}

export async function adminBrowser(app: TestApp): Promise<TestBrowser> {
  const browser = new TestBrowser();
  const res = await browser.api(`${app.url}/api/v1/auth/login`, 'POST', {
    password: ADMIN_PASSWORD,
  });
  if (res.status !== 200) throw new Error(`admin sign-in failed: ${res.status}`);
  return browser;
}

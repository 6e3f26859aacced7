import { expect, type Page } from '@playwright/test';

/** What a page did that it must never do: CSP violations, dialogs, a payload's flag. */
export interface AttackWatch {
  dialogs: string[];
  console: string[];
  violations(): Promise<string[]>;
  /** Fails when a payload ran, a dialog opened, or a `javascript:` URL sits in the page. */
  expectNothingRan(where: string): Promise<void>;
}

/**
 * Installs, before any page script, a listener for `securitypolicyviolation` and the flag
 * `window.__xss` a payload would set; records dialogs and CSP console errors.
 */
export async function watchForAttacks(page: Page): Promise<AttackWatch> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const dialogs: string[] = [];
  const messages: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) messages.push(m.text());
  });
  const violations = () =>
    page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
  return {
    dialogs,
    console: messages,
    violations,
    async expectNothingRan(where) {
      const state = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: unknown }).__xss,
        javascriptUrls: Array.from(document.querySelectorAll('[href],[src],[action],[formaction]'))
          .flatMap((el) =>
            ['href', 'src', 'action', 'formaction'].map((a) => el.getAttribute(a) ?? ''),
          )
          .filter((v) => /^\s*(javascript|vbscript|data:text\/html)/i.test(v)),
        injected: document.querySelectorAll('iframe, object, embed, [onerror], [onload], [onclick]')
          .length,
      }));
      expect(state.xss, `${where}: a payload ran`).toBeUndefined();
      expect(state.javascriptUrls, `${where}: javascript: URL in the page`).toEqual([]);
      expect(state.injected, `${where}: injected element or handler`).toBe(0);
      expect(dialogs, `${where}: a dialog opened`).toEqual([]);
    },
  };
}

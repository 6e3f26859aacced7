import { useSyncExternalStore } from 'react';
import { ServerBuildSchema } from '@wharf/shared/api';

/**
 * Whether the server runs another web build than this page's. After an upgrade, an open page's
 * code may no longer read the server's messages (a wire change), so it offers a reload.
 */
let other = false;
const listeners = new Set<() => void>();

/** The entry script this page was loaded with, or undefined under Vite's dev server. */
function pageEntry(): string | undefined {
  if (import.meta.env.DEV) return undefined;
  return document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src;
}

/**
 * True when the server's entry (relative to the page's base) is not the page's own script.
 * Paths only: a proxy may add a query string.
 */
export function isOtherBuild(entry: string, page: string | undefined, base: string): boolean {
  if (!page) return false;
  return new URL(entry, base).pathname !== new URL(page).pathname;
}

/** Takes a `wharf:build` message; one this page cannot read comes from another build too. */
export function noteServerBuild(raw: unknown, page = pageEntry(), base = document.baseURI): void {
  const msg = ServerBuildSchema.safeParse(raw);
  const next = msg.success ? isOtherBuild(msg.data.entry, page, base) : page !== undefined;
  if (next === other) return;
  other = next;
  listeners.forEach((l) => l());
}

export function serverRunsOtherBuild(): boolean {
  return other;
}

export function useServerRunsOtherBuild(): boolean {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, serverRunsOtherBuild);
}

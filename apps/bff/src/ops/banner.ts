import { join } from 'node:path';
import { HASH_FILE } from '../identity/admin-password.js';

export interface BannerFacts {
  /** Where people open Wharf. */
  url: string;
  mode: string;
  server: string;
  dataDir: string;
  /** Set when the embedded cluster wrote an admin kubeconfig. */
  kubeconfigPath?: string | undefined;
  /** WHARF_ADMIN_PASSWORD was given. */
  adminPasswordConfigured: boolean;
}

/** The few lines a person starting Wharf in a terminal needs: where, how to sign in, kubectl. */
export function banner(f: BannerFacts): string {
  const password = f.adminPasswordConfigured
    ? 'admin, with the password in WHARF_ADMIN_PASSWORD'
    : `admin, with the password printed at first start (new one: delete ${join(f.dataDir, HASH_FILE)})`;
  const lines = [
    `Wharf:   ${f.url}`,
    `Sign in: ${password}`,
    `Cluster: ${f.mode}${f.server ? ` (${f.server})` : ''}`,
    ...(f.kubeconfigPath ? [`kubectl: KUBECONFIG=${f.kubeconfigPath} kubectl get stages -A`] : []),
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '─'.repeat(width + 2);
  return ['', `┌${rule}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${rule}┘`, ''].join(
    '\n',
  );
}

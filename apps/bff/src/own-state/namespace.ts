import { existsSync, readFileSync } from 'node:fs';

/** Where Kubernetes mounts the pod's ServiceAccount, namespace included. */
export const POD_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';
export const DEFAULT_WHARF_NAMESPACE = 'wharf';

/**
 * Wharf's own namespace, where the objects every replica shares live: `WHARF_NAMESPACE` when
 * set, else the pod's own namespace when running in a cluster, else `wharf`.
 */
export function wharfNamespace(configured?: string, podNamespaceFile = POD_NAMESPACE_FILE): string {
  if (configured) return configured;
  if (existsSync(podNamespaceFile)) {
    const ns = readFileSync(podNamespaceFile, 'utf8').trim();
    if (ns) return ns;
  }
  return DEFAULT_WHARF_NAMESPACE;
}

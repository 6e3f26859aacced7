import { readFile } from 'node:fs/promises';
import type { KubeConfig } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { KubeClient } from '../../src/kube/kube-client.js';

const FIXTURE = new URL('../roles/fixtures/kargo-roles.yaml', import.meta.url);

/**
 * Kargo's default roles (kargo-admin, kargo-promoter, kargo-viewer… with their OIDC claims) in
 * `namespace`, as Kargo writes them: ann@x.io is kargo-admin, pat@x.io kargo-promoter, vic@x.io
 * kargo-viewer.
 */
export async function seedKargoRoles(kc: KubeConfig, namespace: string): Promise<void> {
  const text = (await readFile(FIXTURE, 'utf8')).replaceAll(
    'namespace: demo',
    `namespace: ${namespace}`,
  );
  const k = new KubeClient(kc);
  for (const doc of parseAllDocuments(text)) {
    const o = doc.toJS() as { kind: string };
    const base = o.kind === 'ServiceAccount' ? '/api/v1' : '/apis/rbac.authorization.k8s.io/v1';
    await k.create(`${base}/namespaces/${namespace}/${o.kind.toLowerCase()}s`, o);
  }
}

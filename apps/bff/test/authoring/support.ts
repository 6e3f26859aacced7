import type { KubeConfig } from '@kubernetes/client-node';
import { KubeClient } from '../../src/kube/kube-client.js';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';

/** What a project admin may do in Kargo's default role, enough for authoring: Kargo kinds, secrets, configmaps. */
export const ADMIN_RULES = [
  { apiGroups: ['kargo.akuity.io'], resources: ['*'], verbs: ['*'] },
  { apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['*'] },
];
export const VIEWER_RULES = [
  { apiGroups: ['kargo.akuity.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['configmaps', 'events'], verbs: ['get', 'list', 'watch'] },
];

/** Grants a Kubernetes user `rules` in one namespace (Role + RoleBinding of the same name). */
export async function grant(
  kc: KubeConfig,
  ns: string,
  user: string,
  rules: typeof ADMIN_RULES,
): Promise<void> {
  const k = new KubeClient(kc);
  const name = `${user}-role`;
  await k.create(`${RBAC}/namespaces/${ns}/roles`, { metadata: { name, namespace: ns }, rules });
  await k.create(`${RBAC}/namespaces/${ns}/rolebindings`, {
    metadata: { name, namespace: ns },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
  });
}

/** Requests to the BFF as a test user (the header resolver impersonates them), recording every answer. */
export function apiAs(base: string, transcript: string[], user?: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(user ? { 'x-test-user': user } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    transcript.push(text);
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as unknown, text };
  };
}

export const stageYaml = (
  ns: string,
  name: string,
  extra = '',
) => `apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  requestedFreight:
  - origin:
      kind: Warehouse
      name: app
    sources:
      direct: true
${extra}`;

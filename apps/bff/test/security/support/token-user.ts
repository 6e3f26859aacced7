import { CoreV1Api, type KubeConfig, type V1PolicyRule } from '@kubernetes/client-node';
import { KubeClient } from '../../../src/kube/kube-client.js';
import { TestBrowser } from '../../identity/support/browser.js';

/**
 * A CLI-minded user: a ServiceAccount bound to a Role with exactly `rules`, signed in to Wharf
 * with a token as `kubectl create token` makes it. Returns the browser and the raw token.
 */
export async function tokenUser(
  appUrl: string,
  kc: KubeConfig,
  namespace: string,
  name: string,
  rules: V1PolicyRule[],
): Promise<{ browser: TestBrowser; token: string }> {
  const k = new KubeClient(kc);
  const rbac = `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}`;
  await k.create(`/api/v1/namespaces/${namespace}/serviceaccounts`, { metadata: { name } });
  await k.create(`${rbac}/roles`, { metadata: { name }, rules });
  await k.create(`${rbac}/rolebindings`, {
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    subjects: [{ kind: 'ServiceAccount', name, namespace }],
  });
  const issued = await kc.makeApiClient(CoreV1Api).createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [] } },
  });
  const token = issued.status?.token ?? '';
  const browser = new TestBrowser();
  const res = await browser.api(`${appUrl}/api/v1/auth/login`, 'POST', { token });
  if (res.status !== 200) throw new Error(`token sign-in of ${name} answered ${res.status}`);
  return { browser, token };
}

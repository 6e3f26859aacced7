import { ANNOTATIONS } from '@wharf/shared';
import type { KubeClients } from '../kube/clients.js';
import { isConflict } from '../kube/clients.js';
import { CLUSTER_ROLE_RULES, PROJECT_ROLE_RULES } from './role-rules.js';

const MANAGED = { [ANNOTATIONS.rbacManaged]: 'true' };

async function ignoreExists(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
}

/** A Kargo role: ServiceAccount + Role + RoleBinding of one name, all annotated as managed. */
export async function ensureProjectRoles(clients: KubeClients, namespace: string): Promise<void> {
  for (const [name, rules] of Object.entries(PROJECT_ROLE_RULES)) {
    const metadata = { name, namespace, annotations: { ...MANAGED } };
    await ignoreExists(
      clients.core.createNamespacedServiceAccount({ namespace, body: { metadata } }),
    );
    await ignoreExists(clients.rbac.createNamespacedRole({ namespace, body: { metadata, rules } }));
    await ignoreExists(
      clients.rbac.createNamespacedRoleBinding({
        namespace,
        body: {
          metadata,
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
          subjects: [{ kind: 'ServiceAccount', name, namespace }],
        },
      }),
    );
  }
}

export async function ensureClusterRoles(clients: KubeClients): Promise<void> {
  for (const [name, rules] of Object.entries(CLUSTER_ROLE_RULES)) {
    await ignoreExists(clients.rbac.createClusterRole({ body: { metadata: { name }, rules } }));
  }
}

import type { KubeClients } from '../kube/clients.js';
import { isConflict, isNotFound } from '../kube/clients.js';
import { kargoCrds } from './kargo-crds.js';

/** Creates each missing Kargo CRD through the API; existing definitions are left untouched. */
export async function installCrds(clients: KubeClients): Promise<string[]> {
  const created: string[] = [];
  for (const crd of kargoCrds()) {
    try {
      await clients.apiext.readCustomResourceDefinition({ name: crd.metadata.name });
      continue;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    try {
      await clients.apiext.createCustomResourceDefinition({ body: crd });
      created.push(crd.metadata.name);
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
  return created;
}

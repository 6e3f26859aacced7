import { ANNOTATIONS, KARGO_GROUP, LABELS, PROJECT_FINALIZER, type Project } from '@wharf/shared';
import type { KubeClients } from '../kube/clients.js';
import { isConflict, isNotFound } from '../kube/clients.js';
import { actorFor } from './actor.js';
import type { AdmissionHook, AdmissionRequest } from './hook-types.js';
import { allow, guard, Refusal } from './responses.js';

/** Creates the project namespace synchronously, as Kargo's webhook does, or explains why it can't. */
async function ensureNamespace(clients: KubeClients, name: string, dryRun: boolean): Promise<void> {
  try {
    const ns = await clients.core.readNamespace({ name });
    if (ns.metadata?.labels?.[LABELS.project] !== 'true')
      throw new Refusal(
        409,
        `namespace "${name}" already exists and is not labelled ${LABELS.project}: "true"; label it or pick another project name`,
      );
    if (ns.metadata.deletionTimestamp)
      throw new Refusal(409, `namespace "${name}" is still terminating; retry shortly`);
    return;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  if (dryRun) return;
  try {
    await clients.core.createNamespace({
      body: { metadata: { name, labels: { [LABELS.project]: 'true' } } },
    });
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
}

async function mutate(clients: KubeClients, req: AdmissionRequest) {
  if (req.operation !== 'CREATE' || req.subresource) return allow();
  const p = req.object as unknown as Project;
  const name = p.metadata?.name;
  if (!name)
    throw new Refusal(
      422,
      'a Project needs metadata.name (it is also its namespace name)',
      'metadata.name',
    );
  await ensureNamespace(clients, name, req.dryRun);
  const finalizers = [...new Set([...(p.metadata.finalizers ?? []), PROJECT_FINALIZER])];
  const annotations = { ...p.metadata.annotations };
  annotations[ANNOTATIONS.createActor] = actorFor(
    req.userInfo,
    annotations[ANNOTATIONS.createActor],
  );
  return allow({ ...p, metadata: { ...p.metadata, finalizers, annotations } });
}

export function projectHook(clients: KubeClients): AdmissionHook {
  return {
    name: 'project.kargo.akuity.io',
    matches: (r) =>
      r.group === KARGO_GROUP && r.resource === 'projects' && r.operation === 'CREATE',
    mutate: (req) => guard('project webhook', () => mutate(clients, req)),
  };
}

/** ProjectConfig's name must equal its project's (namespace's) name. */
export function projectConfigHook(): AdmissionHook {
  return {
    name: 'projectconfig.kargo.akuity.io',
    matches: (r) =>
      r.group === KARGO_GROUP && r.resource === 'projectconfigs' && r.operation === 'CREATE',
    validate: (req) =>
      guard('projectconfig webhook', async () => {
        if (req.name && req.namespace && req.name !== req.namespace)
          throw new Refusal(
            422,
            `a ProjectConfig must be named after its project: "${req.namespace}"`,
            'metadata.name',
          );
        return allow();
      }),
  };
}

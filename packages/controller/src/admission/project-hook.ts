import {
  ANNOTATIONS,
  KARGO_GROUP,
  LABELS,
  PROJECT_FINALIZER,
  type Project,
  type ProjectConfig,
} from '@wharf/shared';
import { NAME_PATTERN_PREFIXES, namePattern } from '../kargo/go-patterns.js';
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

/**
 * Kargo's promotion-policy rules: a name with an identifier (`regex:`…) must be a pattern Kargo
 * can parse, and no stage name or pattern may be given twice.
 */
function validatePromotionPolicies(config: ProjectConfig): void {
  const firstAt = new Map<string, number>();
  (config.spec?.promotionPolicies ?? []).forEach((policy, i) => {
    const at = `spec.promotionPolicies[${i}]`;
    const stage = policy.stageSelector ? policy.stageSelector.name : policy.stage;
    if (!stage) return;
    const identifier = stage.split(':', 2);
    if (identifier.length > 1) {
      const field = `${at}.stageSelector.name`;
      if (!NAME_PATTERN_PREFIXES.some((p) => stage.startsWith(p)))
        throw new Refusal(
          422,
          `${field}: Invalid value: "${stage}": invalid pattern identifier "${identifier[0]}": must be "regex", "regexp" or "glob"`,
          field,
        );
      try {
        namePattern(stage);
      } catch (err) {
        throw new Refusal(
          422,
          `${field}: Invalid value: "${stage}": ${err instanceof Error ? err.message : String(err)}`,
          field,
        );
      }
    }
    const first = firstAt.get(stage);
    if (first !== undefined)
      throw new Refusal(
        422,
        `${at}: Invalid value: "${stage}": stage name already defined at spec.promotionPolicies[${first}]`,
        at,
      );
    firstAt.set(stage, i);
  });
}

/** ProjectConfig's name must equal its project's (namespace's) name; its policies must parse. */
export function projectConfigHook(): AdmissionHook {
  return {
    name: 'projectconfig.kargo.akuity.io',
    matches: (r) =>
      r.group === KARGO_GROUP &&
      r.resource === 'projectconfigs' &&
      !r.subresource &&
      (r.operation === 'CREATE' || r.operation === 'UPDATE'),
    validate: (req) =>
      guard('projectconfig webhook', async () => {
        if (req.operation === 'CREATE' && req.name && req.namespace && req.name !== req.namespace)
          throw new Refusal(
            422,
            `a ProjectConfig must be named after its project: "${req.namespace}"`,
            'metadata.name',
          );
        validatePromotionPolicies(req.object as unknown as ProjectConfig);
        return allow();
      }),
  };
}

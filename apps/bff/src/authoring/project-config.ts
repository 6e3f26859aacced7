import { ANNOTATIONS, type ProjectConfig } from '@wharf/shared';
import type { ProjectConfigView } from '@wharf/shared/authoring';
import type { Caller } from '../access/caller.js';
import { kargoCheck, requireAccess } from '../access/require.js';
import { NotFoundError } from '../errors/http-errors.js';
import { KubeClient } from '../kube/kube-client.js';
import { kargoPath } from '../kube/paths.js';
import type { ReadModels } from '../read/read-models.js';

/** What Kargo reports about a project's ProjectConfig: receivers' URLs, refresh, conditions. */
export function projectConfigView(
  project: string,
  cfg: ProjectConfig | undefined,
): ProjectConfigView {
  const published = (cfg?.status?.webhookReceivers ?? []).flatMap((r) =>
    r.name
      ? [{ name: r.name, ...(r.path ? { path: r.path } : {}), ...(r.url ? { url: r.url } : {}) }]
      : [],
  );
  const requestedAt = cfg?.metadata.annotations?.[ANNOTATIONS.refresh];
  const lastHandledAt = cfg?.status?.lastHandledRefresh;
  return {
    project,
    exists: cfg !== undefined,
    webhookReceivers: published,
    pendingReceivers: (cfg?.spec?.webhookReceivers ?? [])
      .map((r) => r.name)
      .filter((n) => !published.some((p) => p.name === n)),
    refresh: {
      ...(requestedAt ? { requestedAt } : {}),
      ...(lastHandledAt ? { lastHandledAt } : {}),
      pending: !!requestedAt && requestedAt !== lastHandledAt,
    },
    conditions: (cfg?.status?.conditions ?? []).map((c) => ({
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
    })),
  };
}

export async function readProjectConfig(models: ReadModels, caller: Caller, project: string) {
  const r = models.reader(project);
  if (!r.projectObject()) throw new NotFoundError(`There is no project "${project}".`);
  await requireAccess(caller, kargoCheck('get', 'projectconfigs', project, project));
  return projectConfigView(project, r.get('projectconfigs', project));
}

/** Asks Kargo to reconcile the ProjectConfig now (annotation `kargo.akuity.io/refresh`). */
export async function refreshProjectConfig(caller: Caller, project: string, now: () => number) {
  const check = kargoCheck('patch', 'projectconfigs', project, project);
  await requireAccess(caller, check);
  const requestedAt = new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const patched = (await new KubeClient(caller.kubeConfigFor(check)).mergePatch(
    kargoPath('projectconfigs', project, project),
    { metadata: { annotations: { [ANNOTATIONS.refresh]: requestedAt } } },
  )) as ProjectConfig;
  return { requestedAt, config: projectConfigView(project, patched) };
}

import type { ReconcileResult } from '../kube/work-queue.js';
import { join } from 'node:path';
import type { Freight, Project, ProjectConfig, Promotion, Stage, Warehouse } from '@wharf/shared';
import { approvalRecorder } from '../admission/approvals.js';
import { controlPlaneTest } from '../admission/actor.js';
import { freightHook } from '../admission/freight-hook.js';
import type { AdmissionHost } from '../admission/hook-types.js';
import { installHooks } from '../admission/hook-slots.js';
import { projectConfigHook, projectHook } from '../admission/project-hook.js';
import { promotionHook } from '../admission/promotion-hook.js';
import { installCrds } from '../crds/install-crds.js';
import { collectGarbage, DEFAULT_GC, type GcLimits } from '../gc/garbage-collector.js';
import { credentialFinder } from '../credentials/credentials.js';
import { gitAccess } from '../git/credentials.js';
import { localGitRoot } from '../demo/paths.js';
import { makeClients } from '../kube/clients.js';
import { type Clock, systemClock } from '../kube/clock.js';
import { eventRecorder } from '../kube/events.js';
import { AnalysisRuns } from '../kube/analysis-runs.js';
import { kindInformer } from '../kube/informers.js';
import { KargoApi } from '../kube/kargo-api.js';
import { OwnWrites } from '../kube/own-writes.js';
import { WorkQueue } from '../kube/work-queue.js';
import { ensureClusterRoles } from '../project/default-roles.js';
import { ProjectReconciler } from '../project/project-reconciler.js';
import { PromotionController } from '../promotion/promotion-controller.js';
import type { RetryBackoff } from '../promotion/step-retry.js';
import { StageReconciler } from '../stage/stage-reconciler.js';
import { builtinSteps } from '../steps/registry.js';
import type { StepRegistry } from '../steps/step-types.js';
import { makeDiscoverers } from '../warehouse/discoverers.js';
import { WarehouseReconciler } from '../warehouse/warehouse-reconciler.js';
import { wireHandlers } from './wire-handlers.js';

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Knobs tests turn: time, extra steps, how often GC runs. */
export interface ControllerTuning {
  clock?: Clock;
  steps?: StepRegistry;
  minWarehouseIntervalMs?: number;
  gcIntervalMs?: number;
  /** Garbage collection limits; each one left out keeps Kargo's default. */
  gc?: Partial<GcLimits>;
  retryBackoff?: RetryBackoff;
  /** Kargo's EXTERNAL_WEBHOOK_SERVER_BASE_URL: the base of the receiver URLs ProjectConfigs publish. */
  webhookBaseURL?: string;
  /** Kargo's SHARED_RESOURCES_NAMESPACE: where shared credentials live (default kargo-shared-resources). */
  sharedResourcesNamespace?: string;
  /** Kargo's CONTROLPLANE_USER_REGEX: users whose claimed actor the webhooks keep. */
  controlPlaneUserRegex?: string;
}

export interface RunningControllers {
  api: KargoApi;
  /** Resolves when no reconcile is queued or running (tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The embedded cluster runs no receiver of external webhooks, so by default the URLs it publishes
 * are under a reserved name that says so (like the demo's git.wharf.invalid).
 */
export const DEFAULT_WEBHOOK_BASE_URL = 'https://webhooks.wharf.invalid';

/** Installs CRDs and webhooks, then runs every reconciler off shared watches. */
export async function startControllers(
  host: AdmissionHost,
  dataDir: string,
  logger: Logger,
  t: ControllerTuning = {},
): Promise<RunningControllers> {
  const clock = t.clock ?? systemClock;
  const clients = makeClients({ url: host.url, caPem: host.caPem, token: host.adminToken });
  const writes = new OwnWrites(logger);
  const api = new KargoApi(clients, writes);
  const created = await installCrds(clients);
  if (created.length) logger.info({ crds: created }, 'installed Kargo CRDs');
  await ensureClusterRoles(clients);
  const record = eventRecorder(clients, () => clock.now());
  const findCredentials = credentialFinder(clients, t.sharedResourcesNamespace);
  const now = () => clock.now();
  const informers = {
    projects: kindInformer<Project>(clients, 'Project', clock, logger, writes),
    configs: kindInformer<ProjectConfig>(clients, 'ProjectConfig', clock, logger, writes),
    warehouses: kindInformer<Warehouse>(clients, 'Warehouse', clock, logger, writes),
    freight: kindInformer<Freight>(clients, 'Freight', clock, logger, writes),
    stages: kindInformer<Stage>(clients, 'Stage', clock, logger, writes),
    promotions: kindInformer<Promotion>(clients, 'Promotion', clock, logger, writes),
  };
  // Webhooks answer from the caches once they are filled, as Kargo's do; before that, from the API.
  let cachesFilled = false;
  // Waiting for the caches to show the controller's own writes: a Stage it just promoted holds
  // its Freight, even if the Freight is deleted right after.
  const stagesIn = async (ns: string) => {
    if (!cachesFilled) return api.list<Stage>('Stage', ns);
    await writes.settled();
    return informers.stages.list(ns);
  };
  const isControlPlane = controlPlaneTest(t.controlPlaneUserRegex);
  const hooks = installHooks(host, [
    projectHook(clients),
    projectConfigHook(),
    freightHook({ api, stagesIn, recordApprovals: approvalRecorder(record, isControlPlane), now }),
    promotionHook({ api, clients, now, isControlPlane, record }),
  ]);
  const settled = () => writes.settled();
  const access = (ns: string, url: string, opts?: { insecureSkipTLSVerify?: boolean }) =>
    gitAccess(findCredentials, ns, url, localGitRoot(dataDir), opts);
  const projects = new ProjectReconciler(
    api,
    clients,
    clock,
    { ...informers, settled },
    t.webhookBaseURL ?? DEFAULT_WEBHOOK_BASE_URL,
  );
  const warehouses = new WarehouseReconciler({
    api,
    clock,
    record,
    discover: makeDiscoverers(
      findCredentials,
      join(dataDir, 'controller', 'git-cache'),
      localGitRoot(dataDir),
    ),
    minIntervalMs: t.minWarehouseIntervalMs ?? 10_000,
  });
  const stages = new StageReconciler({
    api,
    clock,
    record,
    configs: informers.configs,
    stages: informers.stages,
    promotions: informers.promotions,
    freight: informers.freight,
    settled,
    analysisRuns: new AnalysisRuns(clients),
  });
  const queue = (name: string, fn: (key: string) => Promise<ReconcileResult>) =>
    new WorkQueue(name, fn, clock, logger);
  const q = {
    project: queue('project', (k) => projects.reconcile(k)),
    warehouse: queue('warehouse', (k) => warehouses.reconcile(k)),
    stage: queue('stage', (k) => stages.reconcile(k)),
    promotion: undefined as unknown as WorkQueue,
  };
  const promotions = new PromotionController(
    {
      api,
      clock,
      record,
      gitAccess: access,
      credentials: findCredentials,
      steps: { ...builtinSteps(), ...t.steps },
      workRoot: join(dataDir, 'controller', 'work'),
      ...(t.retryBackoff ? { retryBackoff: t.retryBackoff } : {}),
    },
    informers.stages,
    (ns, stage) => q.stage.add(`${ns}/${stage}`),
  );
  q.promotion = queue('promotion', async (k) => {
    await promotions.reconcile(k);
    return undefined;
  });
  wireHandlers(informers, q);
  await Promise.all(Object.values(informers).map((i) => i.start()));
  cachesFilled = true;

  let gcTimer: { cancel(): void } | undefined;
  const gc = async () => {
    for (const p of informers.projects.list())
      await collectGarbage(
        api,
        informers,
        p.metadata.name,
        { ...DEFAULT_GC, ...t.gc },
        clock.now().getTime(),
      ).catch((err: unknown) => logger.warn({ err: String(err) }, 'garbage collection failed'));
    gcTimer = clock.setTimeout(() => void gc(), t.gcIntervalMs ?? 300_000);
  };
  gcTimer = clock.setTimeout(() => void gc(), t.gcIntervalMs ?? 300_000);

  const queues = Object.values(q);
  return {
    api,
    idle: async () => {
      for (let i = 0; i < 3; i++) await Promise.all(queues.map((x) => x.idle()));
    },
    stop: async () => {
      gcTimer?.cancel();
      writes.close();
      await promotions.stop();
      await Promise.all(queues.map((x) => x.stop()));
      await Promise.all(Object.values(informers).map((i) => i.stop()));
      hooks.uninstall();
      clients.close();
    },
  };
}

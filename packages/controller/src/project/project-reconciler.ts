import { isDeepStrictEqual } from 'node:util';
import type { V1Secret } from '@kubernetes/client-node';
import {
  ANNOTATIONS,
  findCondition,
  stageHealthCounts,
  PROJECT_FINALIZER,
  type Project,
  type ProjectConfig,
  type Stage,
  type Warehouse,
} from '@wharf/shared';
import type { KubeClients } from '../kube/clients.js';
import { isNotFound } from '../kube/clients.js';
import { type Clock, rfc3339 } from '../kube/clock.js';
import type { KindInformer } from '../kube/informers.js';
import type { KargoApi } from '../kube/kargo-api.js';
import { removeCondition, setCondition } from '../stage/conditions.js';
import type { ReconcileResult } from '../kube/work-queue.js';
import { receiverDetails } from './webhook-receivers.js';
import { removing } from '../kube/merge-patch.js';
import { ensureProjectRoles } from './default-roles.js';

export interface ProjectCaches {
  projects: KindInformer<Project>;
  configs: KindInformer<ProjectConfig>;
  stages: KindInformer<Stage>;
  warehouses: KindInformer<Warehouse>;
  /** Resolves once the informers show every write this controller made (OwnWrites.settled). */
  settled(): Promise<void>;
}

/**
 * Kargo's `status.stats`: control-flow stages are left out, healthy means the Healthy condition is
 * True, and Go's encoder omits zero counts (but always writes `health`).
 */
export function projectStats(stages: Stage[], warehouses: Warehouse[]) {
  const nonZero = (key: string, n: number) => (n ? { [key]: n } : {});
  const counts = stageHealthCounts(stages);
  const healthyWarehouses = warehouses.filter(
    (w) => findCondition(w.status, 'Healthy')?.status === 'True',
  ).length;
  return {
    warehouses: {
      ...nonZero('count', warehouses.length),
      health: nonZero('healthy', healthyWarehouses),
    },
    stages: { ...nonZero('count', counts.count), health: nonZero('healthy', counts.healthy) },
  };
}

const CONFIG_RETRY_MS = 5_000;

/** Keeps a Project's default roles and status; on deletion removes its namespace, then the finalizer. */
export class ProjectReconciler {
  /** Projects (by uid) whose default roles exist: made once, not on every stage change. */
  private readonly withRoles = new Set<string>();
  /** Per project, the ProjectConfig version (uid, generation, refresh) last synced without error. */
  private readonly configsDone = new Map<string, string>();

  constructor(
    private readonly api: KargoApi,
    private readonly clients: KubeClients,
    private readonly clock: Clock,
    private readonly caches: ProjectCaches,
    /** Kargo's EXTERNAL_WEBHOOK_SERVER_BASE_URL: where published receiver URLs point. */
    private readonly webhookBaseURL: string,
  ) {}

  async reconcile(name: string): Promise<ReconcileResult> {
    // From the caches: a Project reconciles on every Stage change, for its stats.
    await this.caches.settled();
    const p = this.caches.projects.get(name);
    if (!p) return undefined;
    if (p.metadata.deletionTimestamp) {
      await this.finalize(p);
      return undefined;
    }
    const uid = p.metadata.uid ?? name;
    if (!this.withRoles.has(uid)) {
      await ensureProjectRoles(this.clients, name);
      this.withRoles.add(uid);
    }
    const configError = await this.reconcileConfig(name);
    const stages = this.caches.stages.list(name);
    const warehouses = this.caches.warehouses.list(name);
    // projects.go syncProject and stats.go collectStats.
    const conditions = setCondition(
      p.status?.conditions,
      'Ready',
      'True',
      'Synced',
      'Project is synced and ready for use',
      rfc3339(this.clock.now()),
      p.metadata.generation,
    );
    const status = { conditions, stats: projectStats(stages, warehouses) };
    if (
      JSON.stringify(status) !==
      JSON.stringify({ conditions: p.status?.conditions, stats: p.status?.stats })
    )
      await this.api.patchStatus('Project', undefined, name, {
        conditions,
        stats: removing(p.status?.stats, status.stats),
      });
    // Looked at again shortly, as Kargo requeues a ProjectConfig whose receivers failed.
    return configError ? { requeueAfterMs: CONFIG_RETRY_MS } : undefined;
  }

  /**
   * project_configs.go: Ready=True Synced with the receivers' details, or Ready=False
   * SyncWebhookReceiversFailed naming what is wrong (answered, to retry); the refresh token
   * handled either way. A configuration is worked out again when it changes, is refreshed, or
   * last failed.
   */
  private async reconcileConfig(ns: string): Promise<string | undefined> {
    const cfg = this.caches.configs.get(ns, ns);
    if (!cfg || cfg.metadata.deletionTimestamp) return undefined;
    const refresh = cfg.metadata.annotations?.[ANNOTATIONS.refresh];
    const version = `${cfg.metadata.uid}/${cfg.metadata.generation}/${refresh ?? ''}`;
    if (this.configsDone.get(ns) === version) return undefined;
    const receivers = cfg.spec?.webhookReceivers ?? [];
    const errors: string[] = [];
    const details = [];
    for (const r of receivers)
      try {
        details.push(
          await receiverDetails(r, ns, this.webhookBaseURL, (name) => this.readSecret(ns, name)),
        );
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
      }
    const now = rfc3339(this.clock.now());
    const gen = cfg.metadata.generation;
    const old = cfg.status;
    const conditions = errors.length
      ? setCondition(
          setCondition(
            old?.conditions,
            'Reconciling',
            'True',
            'SyncingWebhooks',
            'Syncing WebhookReceivers',
            now,
            gen,
          ),
          'Ready',
          'False',
          'SyncWebhookReceiversFailed',
          `Failed to sync WebhookReceivers: ${errors.length > 1 ? `[${errors.join(', ')}]` : errors[0]}`,
          now,
          gen,
        )
      : setCondition(
          removeCondition(old?.conditions, 'Reconciling'),
          'Ready',
          'True',
          'Synced',
          'ProjectConfig is synced and ready for use',
          now,
          gen,
        );
    const status = {
      conditions,
      // Go leaves an empty list out.
      ...(details.length ? { webhookReceivers: details } : {}),
      // Only a reconcile that succeeded observes the generation.
      ...(errors.length
        ? old?.observedGeneration !== undefined
          ? { observedGeneration: old.observedGeneration }
          : {}
        : { observedGeneration: gen }),
      ...(refresh ? { lastHandledRefresh: refresh } : {}),
    };
    if (!isDeepStrictEqual(status, { ...old }))
      await this.api.patchStatus('ProjectConfig', ns, ns, removing(old, status));
    if (errors.length) {
      this.configsDone.delete(ns);
      return errors.join('; ');
    }
    this.configsDone.set(ns, version);
    return undefined;
  }

  private async readSecret(ns: string, name: string): Promise<V1Secret | undefined> {
    try {
      return await this.clients.core.readNamespacedSecret({ name, namespace: ns });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  private async finalize(p: Project): Promise<void> {
    const name = p.metadata.name;
    if (p.metadata.annotations?.[ANNOTATIONS.keepNamespace] !== 'true') {
      try {
        await this.clients.core.deleteNamespace({ name });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    const finalizers = (p.metadata.finalizers ?? []).filter((f) => f !== PROJECT_FINALIZER);
    await this.api.patch('Project', undefined, name, {
      metadata: { finalizers, resourceVersion: p.metadata.resourceVersion },
    });
  }
}

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
import { setCondition } from '../stage/conditions.js';
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

/** Keeps a Project's default roles and status; on deletion removes its namespace, then the finalizer. */
export class ProjectReconciler {
  /** Projects (by uid) whose default roles exist: made once, not on every stage change. */
  private readonly withRoles = new Set<string>();

  constructor(
    private readonly api: KargoApi,
    private readonly clients: KubeClients,
    private readonly clock: Clock,
    private readonly caches: ProjectCaches,
  ) {}

  async reconcile(name: string): Promise<void> {
    // From the caches: a Project reconciles on every Stage change, for its stats.
    await this.caches.settled();
    const p = this.caches.projects.get(name);
    if (!p) return;
    if (p.metadata.deletionTimestamp) return this.finalize(p);
    const uid = p.metadata.uid ?? name;
    if (!this.withRoles.has(uid)) {
      await ensureProjectRoles(this.clients, name);
      this.withRoles.add(uid);
    }
    await this.acknowledgeConfigRefresh(name);
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
  }

  /** ProjectConfig refresh: done when status.lastHandledRefresh equals the annotation. */
  private async acknowledgeConfigRefresh(ns: string): Promise<void> {
    const cfg = this.caches.configs.get(ns, ns);
    const refresh = cfg?.metadata.annotations?.[ANNOTATIONS.refresh];
    if (cfg && refresh && refresh !== cfg.status?.lastHandledRefresh)
      await this.api.patchStatus('ProjectConfig', ns, ns, {
        lastHandledRefresh: refresh,
        observedGeneration: cfg.metadata.generation,
      });
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

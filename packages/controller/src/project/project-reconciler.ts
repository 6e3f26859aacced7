import {
  ANNOTATIONS,
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
import { ensureProjectRoles } from './default-roles.js';

export interface ProjectCaches {
  projects: KindInformer<Project>;
  configs: KindInformer<ProjectConfig>;
  stages: KindInformer<Stage>;
  warehouses: KindInformer<Warehouse>;
  /** Resolves once the informers show every write this controller made (OwnWrites.settled). */
  settled(): Promise<void>;
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
    const ready = (c: { status?: { conditions?: { type: string; status: string }[] } }) =>
      c.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
    const conditions = setCondition(
      p.status?.conditions,
      'Ready',
      'True',
      'Ready',
      'Project is ready',
      rfc3339(this.clock.now()),
      p.metadata.generation,
    );
    const status = {
      conditions,
      stats: {
        warehouses: {
          count: warehouses.length,
          health: { healthy: warehouses.filter(ready).length },
        },
        stages: { count: stages.length, health: { healthy: stages.filter(ready).length } },
      },
    };
    if (
      JSON.stringify(status) !==
      JSON.stringify({ conditions: p.status?.conditions, stats: p.status?.stats })
    )
      await this.api.patchStatus('Project', undefined, name, status);
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

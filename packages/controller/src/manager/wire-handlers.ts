import type { Freight, Project, ProjectConfig, Promotion, Stage, Warehouse } from '@wharf/shared';
import type { KindInformer } from '../kube/informers.js';
import type { WorkQueue } from '../kube/work-queue.js';

export interface Informers {
  projects: KindInformer<Project>;
  configs: KindInformer<ProjectConfig>;
  warehouses: KindInformer<Warehouse>;
  freight: KindInformer<Freight>;
  stages: KindInformer<Stage>;
  promotions: KindInformer<Promotion>;
}

export interface Queues {
  project: WorkQueue;
  warehouse: WorkQueue;
  stage: WorkQueue;
  promotion: WorkQueue;
}

/**
 * Whether a change to this Freight can change what the Stage's reconcile does: the Stage requests
 * its origin and the Freight is, or may become, available to it or held by it. A new Freight
 * wakes only the Stages that take its origin directly, not every Stage downstream; those wake
 * when it is verified in one of their upstream Stages.
 */
export function stageCaresAbout(stage: Stage, f: Freight): boolean {
  const name = stage.metadata.name;
  const st = f.status;
  return stage.spec.requestedFreight.some(
    (r) =>
      r.origin?.kind === f.origin?.kind &&
      r.origin?.name === f.origin?.name &&
      (r.sources?.direct === true ||
        !!st?.approvedFor?.[name] ||
        !!st?.currentlyIn?.[name] ||
        !!st?.verifiedIn?.[name] ||
        (r.sources?.stages ?? []).some((up) => !!st?.verifiedIn?.[up] || !!st?.currentlyIn?.[up])),
  );
}

const key = (o: { metadata: { namespace?: string; name: string } }) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Which reconciles each watched change triggers (no polling: everything is event-driven). */
export function wireHandlers(i: Informers, q: Queues): void {
  const allStages = (ns: string) => {
    for (const s of i.stages.list(ns)) q.stage.add(key(s));
  };
  i.projects.onChange((p) => q.project.add(p.metadata.name));
  i.configs.onChange((c) => {
    allStages(c.metadata.namespace ?? '');
    q.project.add(c.metadata.namespace ?? '');
  });
  i.warehouses.onChange((w) => {
    q.warehouse.add(key(w));
    q.project.add(w.metadata.namespace ?? '');
  });
  i.freight.onChange((f) => {
    for (const s of i.stages.list(f.metadata.namespace ?? ''))
      if (stageCaresAbout(s, f)) q.stage.add(key(s));
  });
  i.stages.onChange((s) => {
    const ns = s.metadata.namespace ?? '';
    q.stage.add(key(s));
    q.project.add(ns);
    const current = s.status?.currentPromotion?.name;
    if (current) q.promotion.add(`${ns}/${current}`);
    for (const other of i.stages.list(ns))
      if (other.spec.requestedFreight.some((r) => r.sources?.stages?.includes(s.metadata.name)))
        q.stage.add(key(other));
  });
  i.promotions.onChange((p, event) => {
    if (event !== 'delete') q.promotion.add(key(p));
    q.stage.add(`${p.metadata.namespace ?? ''}/${p.spec.stage}`);
  });
}

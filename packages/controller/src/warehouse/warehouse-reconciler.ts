import type { ReconcileResult } from '../kube/work-queue.js';
import {
  freightName,
  ANNOTATIONS,
  EVENT_ANNOTATIONS,
  type DiscoveredArtifacts,
  type Freight,
  type Warehouse,
} from '@wharf/shared';
import { CONTROLLER_ACTOR } from '../kargo/constants.js';
import { type Clock, parseDuration, rfc3339 } from '../kube/clock.js';
import type { EventRecorder } from '../kube/events.js';
import type { KargoApi } from '../kube/kargo-api.js';
import { setCondition } from '../stage/conditions.js';
import { freightFromDiscovery, missingArtifacts } from './build-freight.js';
import type { Discoverers } from './discoverers.js';

export interface WarehouseDeps {
  api: KargoApi;
  clock: Clock;
  record: EventRecorder;
  discover: Discoverers;
  /** Floor for `spec.interval`, so a tiny interval can't spin the controller. */
  minIntervalMs: number;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Discovers artifacts and creates Freight like Kargo's warehouse controller. */
export class WarehouseReconciler {
  constructor(private readonly d: WarehouseDeps) {}

  async reconcile(key: string): Promise<ReconcileResult> {
    const [ns = '', name = ''] = key.split('/');
    const w = await this.d.api.get<Warehouse>('Warehouse', ns, name);
    if (!w || w.metadata.deletionTimestamp) return;
    const now = this.d.clock.now();
    const interval = Math.max(parseDuration(w.spec.interval, 300_000), this.d.minIntervalMs);
    const refresh = w.metadata.annotations?.[ANNOTATIONS.refresh];
    const last = w.status?.discoveredArtifacts?.discoveredAt;
    const elapsed = last ? now.getTime() - Date.parse(last) : Infinity;
    const due =
      !last ||
      w.metadata.generation !== w.status?.observedGeneration ||
      (refresh && refresh !== w.status?.lastHandledRefresh) ||
      elapsed >= interval;
    if (!due) return { requeueAfterMs: interval - elapsed };
    await this.discover(w, ns, refresh);
    return { requeueAfterMs: interval };
  }

  private async discover(w: Warehouse, ns: string, refresh: string | undefined): Promise<void> {
    const at = rfc3339(this.d.clock.now());
    const gen = w.metadata.generation;
    let conds = setCondition(
      w.status?.conditions,
      'Reconciling',
      'True',
      'Discovering',
      'Discovering artifacts',
      at,
      gen,
    );
    conds = setCondition(conds, 'Ready', 'False', 'Discovering', 'Discovering artifacts', at, gen);
    await this.d.api.patchStatus('Warehouse', ns, w.metadata.name, { conditions: conds });
    const found: DiscoveredArtifacts = { discoveredAt: at };
    const problems: string[] = [];
    const push = <K extends 'git' | 'images' | 'charts'>(
      key: K,
      item: NonNullable<DiscoveredArtifacts[K]>[number],
    ) => {
      const list = (found[key] ?? []) as NonNullable<DiscoveredArtifacts[K]>[number][];
      list.push(item);
      (found as Record<K, unknown>)[key] = list;
    };
    for (const sub of w.spec.subscriptions) {
      const d = this.d.discover;
      if (sub.git)
        await d.git(ns, sub.git).then(
          (r) => push('git', r),
          (err: unknown) => problems.push(`git subscription "${sub.git?.repoURL}": ${reason(err)}`),
        );
      else if (sub.image)
        await d.image(ns, sub.image).then(
          (r) => push('images', r),
          (err: unknown) =>
            problems.push(`image subscription "${sub.image?.repoURL}": ${reason(err)}`),
        );
      else if (sub.chart)
        await d.chart(ns, sub.chart).then(
          (r) => push('charts', r),
          (err: unknown) =>
            problems.push(`chart subscription "${sub.chart?.repoURL}": ${reason(err)}`),
        );
      else problems.push('a subscription of a kind the embedded cluster does not know');
    }
    // Like Kargo, a failed discovery keeps what was found before (only the time moves on, so
    // the next attempt waits for the interval instead of looping on its own status update).
    const failed = problems.length > 0;
    const previous = w.status?.discoveredArtifacts;
    const discovered = failed && previous ? { ...previous, discoveredAt: at } : found;
    if (!failed) problems.push(...missingArtifacts(found));
    let lastFreightID = w.status?.lastFreightID;
    if (problems.length === 0 && (w.spec.freightCreationPolicy ?? 'Automatic') === 'Automatic') {
      const f = freightFromDiscovery(w, found, at);
      if (f) lastFreightID = await this.ensureFreight(f, ns);
    }
    conds = setCondition(
      conds,
      'Reconciling',
      'False',
      'Discovered',
      'Discovery finished',
      at,
      gen,
    );
    conds = conds.filter((c) => c.type !== 'Reconciling');
    const healthy = problems.length === 0;
    conds = setCondition(
      conds,
      'Healthy',
      healthy ? 'True' : 'False',
      healthy ? 'ArtifactsDiscovered' : 'DiscoveryFailed',
      healthy ? 'Artifacts discovered' : problems.join('; '),
      at,
      gen,
    );
    conds = setCondition(
      conds,
      'Ready',
      healthy ? 'True' : 'False',
      healthy ? 'ArtifactsDiscovered' : 'DiscoveryFailed',
      healthy ? 'Warehouse is ready' : problems.join('; '),
      at,
      gen,
    );
    await this.d.api.patchStatus('Warehouse', ns, w.metadata.name, {
      conditions: conds,
      discoveredArtifacts: discovered,
      observedGeneration: gen,
      ...(lastFreightID ? { lastFreightID } : {}),
      ...(refresh ? { lastHandledRefresh: refresh } : {}),
    });
  }

  private async ensureFreight(f: Freight, ns: string): Promise<string> {
    const name = freightName(f.origin.name, f);
    if (await this.d.api.get<Freight>('Freight', ns, name)) return name;
    const created = await this.d.api.create<Freight>('Freight', f);
    await this.d.record({
      involved: {
        kind: 'Freight',
        name: created.metadata.name,
        namespace: ns,
        uid: created.metadata.uid,
      },
      reason: 'FreightCreated',
      message: `Freight "${created.metadata.name}" created by Warehouse "${f.origin.name}"`,
      component: 'warehouse-controller',
      annotations: {
        [EVENT_ANNOTATIONS.project]: ns,
        [EVENT_ANNOTATIONS.actor]: CONTROLLER_ACTOR.warehouse,
        [EVENT_ANNOTATIONS.freightName]: created.metadata.name,
        [EVENT_ANNOTATIONS.freightAlias]: created.alias ?? '',
        [EVENT_ANNOTATIONS.freightWarehouseName]: f.origin.name,
        ...(created.metadata.creationTimestamp
          ? { [EVENT_ANNOTATIONS.freightCreateTime]: created.metadata.creationTimestamp }
          : {}),
        ...(f.commits ? { [EVENT_ANNOTATIONS.freightCommits]: JSON.stringify(f.commits) } : {}),
      },
    });
    return name;
  }
}

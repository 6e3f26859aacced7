import type { ReconcileResult } from '../kube/work-queue.js';
import {
  freightName,
  ANNOTATIONS,
  EVENT_ANNOTATIONS,
  type Condition,
  type DiscoveredArtifacts,
  type Freight,
  type Warehouse,
} from '@wharf/shared';
import { CONTROLLER_ACTOR } from '../kargo/constants.js';
import { type Clock, parseDuration, rfc3339 } from '../kube/clock.js';
import type { EventRecorder } from '../kube/events.js';
import type { KargoApi } from '../kube/kargo-api.js';
import { removeCondition, setCondition, type CondStatus } from '../stage/conditions.js';
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

  /**
   * When each warehouse last tried to discover. A failed discovery leaves discoveredAt and
   * observedGeneration as they were (as Kargo's does), so without this it would retry at once.
   */
  private readonly attempts = new Map<string, { at: number; generation?: number | undefined }>();

  async reconcile(key: string): Promise<ReconcileResult> {
    const [ns = '', name = ''] = key.split('/');
    const w = await this.d.api.get<Warehouse>('Warehouse', ns, name);
    if (!w || w.metadata.deletionTimestamp) {
      this.attempts.delete(key);
      return;
    }
    const now = this.d.clock.now().getTime();
    const interval = Math.max(parseDuration(w.spec.interval, 300_000), this.d.minIntervalMs);
    const refresh = w.metadata.annotations?.[ANNOTATIONS.refresh];
    const gen = w.metadata.generation;
    const attempt = this.attempts.get(key);
    const discovered = w.status?.discoveredArtifacts?.discoveredAt;
    const lastAt = Math.max(
      discovered ? Date.parse(discovered) : -Infinity,
      attempt?.at ?? -Infinity,
    );
    const due =
      lastAt === -Infinity ||
      (w.status?.observedGeneration !== gen && attempt?.generation !== gen) ||
      (refresh !== undefined && refresh !== w.status?.lastHandledRefresh) ||
      now - lastAt >= interval;
    if (!due) return { requeueAfterMs: interval - (now - lastAt) };
    this.attempts.set(key, { at: now, generation: gen });
    await this.discover(w, ns, refresh);
    return { requeueAfterMs: interval };
  }

  private async discover(w: Warehouse, ns: string, refresh: string | undefined): Promise<void> {
    const at = rfc3339(this.d.clock.now());
    const gen = w.metadata.generation;
    const subs = w.spec.subscriptions.length;
    const set = (list: Condition[], type: string, st: CondStatus, why: string, msg: string) =>
      setCondition(list, type, st, why, msg, at, gen);
    // warehouses.go syncWarehouse: what Kargo writes while a discovery runs.
    let conds = removeCondition(
      removeCondition(w.status?.conditions, 'FreightCreationCriteriaSatisfied'),
      'FreightCreated',
    );
    conds = set(
      conds,
      'Reconciling',
      'True',
      'ScheduledDiscovery',
      `Discovering artifacts for ${subs} subscriptions`,
    );
    conds = set(
      conds,
      'Ready',
      'False',
      'DiscoveryInProgress',
      'Waiting for discovery to complete',
    );
    conds = set(
      conds,
      'Healthy',
      'Unknown',
      'Pending',
      'Health status cannot be determined until artifact discovery is finished',
    );
    // Only the conditions while discovering; the refresh counts as handled once it is done.
    await this.d.api.patchStatus('Warehouse', ns, w.metadata.name, { conditions: conds });
    const handled = refresh ? { lastHandledRefresh: refresh } : {};
    const found: DiscoveredArtifacts = { discoveredAt: at };
    const push = <K extends 'git' | 'images' | 'charts'>(
      key: K,
      item: NonNullable<DiscoveredArtifacts[K]>[number],
    ) => {
      const list = (found[key] ?? []) as NonNullable<DiscoveredArtifacts[K]>[number][];
      list.push(item);
      (found as Record<K, unknown>)[key] = list;
    };
    let failure: string | undefined;
    for (const sub of w.spec.subscriptions) {
      const d = this.d.discover;
      try {
        if (sub.git) push('git', await d.git(ns, sub.git));
        else if (sub.image) push('images', await d.image(ns, sub.image));
        else if (sub.chart) push('charts', await d.chart(ns, sub.chart));
        else
          throw new Error(
            'error finding subscriber for subscription: the embedded cluster knows only git, image and chart subscriptions',
          );
      } catch (err) {
        failure = reason(err);
        break;
      }
    }
    if (failure !== undefined) {
      // Kargo stops at the first failing subscription and keeps Reconciling=True beside the
      // failure; what an earlier discovery found and observedGeneration stay as they were.
      const msg = `error discovering artifacts: ${failure}`;
      conds = set(
        conds,
        'Healthy',
        'False',
        'DiscoveryFailed',
        `Unable to discover artifacts: ${msg}`,
      );
      conds = set(conds, 'Ready', 'False', 'DiscoveryFailure', `Artifact discovery failed: ${msg}`);
      await this.d.api.patchStatus('Warehouse', ns, w.metadata.name, {
        conditions: conds,
        ...handled,
      });
      return;
    }
    const problem = missingArtifacts(found)[0];
    let lastFreightID = w.status?.lastFreightID;
    if (problem) {
      conds = set(conds, 'Healthy', 'False', problem.healthyReason, problem.message);
      conds = set(conds, 'Ready', 'False', problem.readyReason, problem.message);
    } else {
      if ((w.spec.freightCreationPolicy ?? 'Automatic') === 'Automatic') {
        const f = freightFromDiscovery(w, found, at);
        if (f) {
          conds = set(
            conds,
            'FreightCreationCriteriaSatisfied',
            'True',
            'CriteriaSatisfied',
            'Freight creation criteria satisfied',
          );
          const made = await this.ensureFreight(f, ns);
          lastFreightID = made.name;
          conds = made.created
            ? set(
                conds,
                'FreightCreated',
                'True',
                'NewFreight',
                'No Freight composed of the newest artifacts already existed',
              )
            : set(
                conds,
                'FreightCreated',
                'False',
                'AlreadyExists',
                'Freight composed of the newest artifacts already exists',
              );
        }
      }
      conds = set(conds, 'Healthy', 'True', 'ReconciliationSucceeded', '');
      conds = set(
        conds,
        'Ready',
        'True',
        'ArtifactsDiscovered',
        `Successfully discovered artifacts from ${subs} subscriptions`,
      );
    }
    conds = removeCondition(conds, 'Reconciling');
    await this.d.api.patchStatus('Warehouse', ns, w.metadata.name, {
      conditions: conds,
      discoveredArtifacts: found,
      observedGeneration: gen,
      ...(lastFreightID ? { lastFreightID } : {}),
      ...handled,
    });
  }

  private async ensureFreight(f: Freight, ns: string): Promise<{ name: string; created: boolean }> {
    const name = freightName(f.origin.name, f);
    if (await this.d.api.get<Freight>('Freight', ns, name)) return { name, created: false };
    const created = await this.d.api.create<Freight>('Freight', f);
    await this.d.record({
      involved: {
        kind: 'Freight',
        name: created.metadata.name,
        namespace: ns,
        uid: created.metadata.uid,
      },
      reason: 'FreightCreated',
      message: 'Freight created from discovered artifacts',
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
    return { name, created: true };
  }
}

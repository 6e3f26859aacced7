import {
  compareFreightKeys,
  sortKeyOfFreight,
  type Freight,
  type FreightSortKey,
} from '@wharf/shared';
import type { CacheChange, ClusterCache } from '../cache/cluster-cache.js';

export interface IndexedFreight {
  freight: Freight;
  key: FreightSortKey;
}

type StageMapName = 'currentlyIn' | 'verifiedIn' | 'approvedFor';
const STAGE_MAPS: readonly StageMapName[] = ['currentlyIn', 'verifiedIn', 'approvedFor'];
const NONE: ReadonlySet<string> = new Set();

/** First position in `order` whose key does not sort before `key`. */
function lowerBound(order: readonly IndexedFreight[], key: FreightSortKey): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareFreightKeys((order[mid] as IndexedFreight).key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One project's freight, kept from cache changes: in newest-first order (for pages and cursors)
 * and by stage, the reverse of each freight's `status.currentlyIn/verifiedIn/approvedFor` (which
 * freight a stage holds, has verified, was approved for). A change costs a binary search and a
 * few set updates: nothing is recomputed for every freight × stage.
 */
export class ProjectFreight {
  private readonly entries = new Map<string, IndexedFreight>();
  /** Newest first; built on the first read, then kept in place by each change. */
  private order: IndexedFreight[] | undefined;
  private readonly byStage: Record<StageMapName, Map<string, Set<string>>> = {
    currentlyIn: new Map(),
    verifiedIn: new Map(),
    approvedFor: new Map(),
  };

  get size(): number {
    return this.entries.size;
  }

  get(name: string): IndexedFreight | undefined {
    return this.entries.get(name);
  }

  /** Every freight, newest first. */
  ordered(): readonly IndexedFreight[] {
    if (!this.order)
      this.order = [...this.entries.values()].sort((a, b) => compareFreightKeys(a.key, b.key));
    return this.order;
  }

  /** Position of the first freight that sorts strictly after `key` (where a cursor resumes). */
  positionAfter(key: FreightSortKey): number {
    const order = this.ordered();
    const i = lowerBound(order, key);
    return i < order.length && (order[i] as IndexedFreight).key.name === key.name ? i + 1 : i;
  }

  /** Names of the freight whose status lists `stage` in `map` (e.g. the freight a stage holds). */
  stageSet(map: StageMapName, stage: string): ReadonlySet<string> {
    return this.byStage[map].get(stage) ?? NONE;
  }

  upsert(freight: Freight): void {
    const name = freight.metadata.name;
    const before = this.entries.get(name);
    const entry = { freight, key: sortKeyOfFreight(freight) };
    if (before) this.unlink(before);
    this.entries.set(name, entry);
    this.link(entry);
  }

  delete(name: string): void {
    const before = this.entries.get(name);
    if (!before) return;
    this.unlink(before);
    this.entries.delete(name);
  }

  private link(entry: IndexedFreight): void {
    const name = entry.freight.metadata.name;
    for (const map of STAGE_MAPS) {
      for (const stage of Object.keys(entry.freight.status?.[map] ?? {})) {
        let set = this.byStage[map].get(stage);
        if (!set) this.byStage[map].set(stage, (set = new Set()));
        set.add(name);
      }
    }
    if (this.order) this.order.splice(lowerBound(this.order, entry.key), 0, entry);
  }

  private unlink(entry: IndexedFreight): void {
    const name = entry.freight.metadata.name;
    for (const map of STAGE_MAPS) {
      for (const stage of Object.keys(entry.freight.status?.[map] ?? {})) {
        const set = this.byStage[map].get(stage);
        set?.delete(name);
        if (set?.size === 0) this.byStage[map].delete(stage);
      }
    }
    if (this.order) {
      const i = lowerBound(this.order, entry.key);
      if (this.order[i] === entry) this.order.splice(i, 1);
      else this.order = undefined; // Not where its key says: rebuild on the next read.
    }
  }
}

/** Every project's ProjectFreight, maintained from the cache's freight changes. */
export class FreightIndex {
  private readonly projects = new Map<string, ProjectFreight>();
  private readonly onChange = (c: CacheChange) => {
    if (c.kind !== 'freight') return;
    const f = c.change.obj as Freight;
    const ns = f.metadata.namespace ?? '';
    if (c.change.type === 'delete') {
      const p = this.projects.get(ns);
      p?.delete(f.metadata.name);
      if (p?.size === 0) this.projects.delete(ns);
    } else this.projectFor(ns).upsert(f);
  };

  constructor(private readonly cache: ClusterCache) {
    for (const f of cache.get('freight').list())
      this.projectFor(f.metadata.namespace ?? '').upsert(f);
    cache.on('change', this.onChange);
  }

  /** The project's freight (empty when it has none). */
  project(namespace: string): ProjectFreight {
    return this.projects.get(namespace) ?? new ProjectFreight();
  }

  stop(): void {
    this.cache.off('change', this.onChange);
  }

  private projectFor(ns: string): ProjectFreight {
    let p = this.projects.get(ns);
    if (!p) this.projects.set(ns, (p = new ProjectFreight()));
    return p;
  }
}

const indexes = new WeakMap<ClusterCache, FreightIndex>();

/** The one FreightIndex of a cache, started on first use and shared by every reader. */
export function freightIndexOf(cache: ClusterCache): FreightIndex {
  let index = indexes.get(cache);
  if (!index) indexes.set(cache, (index = new FreightIndex(cache)));
  return index;
}
